package dev.llmbench.junit.internal;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlannedRun;

/**
 * One invocation of a benchmark test: its run of the test method's plan, and its display name.
 *
 * @param plan        the test method's plan (every invocation of the method shares it)
 * @param run         this invocation's run
 * @param displayName e.g. {@code chat [medium: 20 concurrent, 100→1000 tokens]}
 */
record InvocationPlan(BenchmarkPlan plan, PlannedRun run, String displayName) {
}
