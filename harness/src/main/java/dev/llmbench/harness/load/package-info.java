/**
 * Load models and their deterministic schedules.
 *
 * <p>A {@link dev.llmbench.harness.load.LoadModel} is an immutable description of how load is offered to an
 * endpoint: a closed loop of virtual users ({@link dev.llmbench.harness.load.LoadModel.Concurrency}), an open
 * loop of arrivals at a rate ({@link dev.llmbench.harness.load.LoadModel.ArrivalRate}), or bursts of requests
 * sent at once ({@link dev.llmbench.harness.load.LoadModel.Burst}). Open-loop models
 * ({@link dev.llmbench.harness.load.LoadModel.OpenLoop}) produce an
 * {@link dev.llmbench.harness.load.ArrivalSchedule}: the intended send offsets from the run start, computed
 * from a seed with no clock and no sleeping. The runner that executes them lives elsewhere; latency is
 * measured from the intended send time, so these offsets are the {@code t0} of each open-loop request.
 */
package dev.llmbench.harness.load;
