/**
 * Capacity search: how much load an endpoint holds while meeting its SLOs.
 * {@link dev.llmbench.harness.sweep.CapacitySearch} steps concurrency upward geometrically, then bisects between
 * the last passing and the first failing step, and reports the highest concurrency that met every SLO, the knee of
 * the throughput curve and the curve itself ({@link dev.llmbench.harness.sweep.CapacityOutcome}). It measures each
 * step through a {@link dev.llmbench.harness.sweep.StepEvaluator}; {@link dev.llmbench.harness.sweep.BenchmarkSteps}
 * runs a {@link dev.llmbench.harness.Benchmark} per step. Sits above the root layer because it runs benchmarks.
 */
package dev.llmbench.harness.sweep;
