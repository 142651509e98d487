package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Fault;
import dev.llmbench.simulator.FaultPlan;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault the simulator injects, together at a 20 % rate under 50 concurrent streams: every request is accounted
 * for exactly once, every failure is typed, the heap does not keep what the run used, and no client thread outlives
 * the run.
 */
class FaultMatrixIT {

    private static final int REQUESTS = 400;

    @Test
    void twentyPercentFaultsUnderFiftyStreamsAreAllAccountedForAndLeaveNothingBehind() throws Exception {
        FaultPlan faults = FaultPlan.none()
                .with(Fault.status(500), 0.03).with(Fault.status(401), 0.02).with(Fault.rateLimit(), 0.03)
                .with(Fault.resetAfter(2), 0.03).with(Fault.stallAfter(2), 0.03).with(Fault.malformedSseAfter(1), 0.02)
                .with(Fault.malformedJsonAfter(1), 0.02).with(Fault.noDone(), 0.02);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        long heapBefore = retainedHeap();
        BenchmarkResult r;
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).faultPlan(faults).seed(7).build())) {
            r = Benchmark.builder("fault-matrix")
                    .endpoint(EndpointConfig.builder(sim.baseUri().toString())
                            // stalled streams end as idle timeouts after a second instead of a minute
                            .timeouts(Timeouts.defaults().withIdle(Duration.ofSeconds(1)))
                            .build())
                    .model(sim.profile().modelName())
                    .load(LoadModel.concurrency(50))
                    .promptShape(RequestShape.of(16, 8))
                    .maxRequests(REQUESTS)
                    .build()
                    .run();
        }

        // Accounting: every scheduled request ended exactly once.
        assertThat(r.counts().measured()).isEqualTo(REQUESTS);
        assertThat(r.counts().succeeded() + r.counts().failed()).isEqualTo(REQUESTS);
        assertThat(r.partial()).isFalse();
        // About a fifth failed (no_done may end as a complete answer), each with a type a fault explains.
        assertThat(r.counts().failed()).isBetween((long) (REQUESTS * 0.08), (long) (REQUESTS * 0.32));
        Map<FailureKind, Long> seen = r.counts().failedByKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(seen.keySet()).isSubsetOf(EnumSet.of(FailureKind.HTTP_STATUS, FailureKind.RATE_LIMITED,
                FailureKind.CONNECTION_ERROR, FailureKind.IDLE_TIMEOUT, FailureKind.PROTOCOL_ERROR));
        assertThat(seen).containsKeys(FailureKind.HTTP_STATUS, FailureKind.RATE_LIMITED, FailureKind.IDLE_TIMEOUT,
                FailureKind.PROTOCOL_ERROR);
        // Failures enter the latency percentiles as +infinity: the error-adjusted p99 of a run with 20 % failures is infinite.
        assertThat(r.summary("ttft").errorAdjustedPercentile(99)).isInfinite();

        // Nothing left behind: no llmbench thread outlives the run, and the heap gives back what the run used.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.getName().startsWith("llmbench")) t.join(5_000);
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).filter(n -> n.startsWith("llmbench"))).isEmpty();
        assertThat(retainedHeap() - heapBefore).as("heap retained after the run, bytes").isLessThan(64L << 20);
    }

    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
