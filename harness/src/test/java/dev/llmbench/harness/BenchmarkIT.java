package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Fault;
import dev.llmbench.simulator.FaultPlan;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Whole benchmark runs through the builder API against the embedded simulator on loopback. */
class BenchmarkIT {

    @Test
    void aClosedLoopRunMeasuresEveryRequestAndWritesAResultThatReadsBack(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = Benchmark.builder("closed-loop")
                    .endpoint(sim.baseUri().toString())
                    .model("fast-sim-0.5b")
                    .load(LoadModel.concurrency(4))
                    .promptShape(RequestShape.of(64, 16))
                    .warmupRequests(3)
                    .maxRequests(20)
                    .outputDirectory(dir)
                    .onRequest(seen::add)
                    .build()
                    .run();

            assertThat(r.counts().warmup()).isEqualTo(3);
            assertThat(r.counts().succeeded()).isEqualTo(20);
            assertThat(r.counts().failed()).isZero();
            assertThat(r.partial()).isFalse();
            assertThat(r.tokens().output()).isEqualTo(20 * 16);
            assertThat(r.summary("ttft").count()).isEqualTo(20);
            // One ITL sample per token after the first arrival; tokens read together with the first have no known gap.
            long expectedItl = seen.stream().filter(t -> !t.warmup())
                    .mapToLong(t -> t.outputTokens() - firstArrivalChunks(t)).sum();
            assertThat(expectedItl).isBetween(20L * 10, 20L * 15);
            assertThat(r.summary("itl").count()).isEqualTo(expectedItl);
            assertThat(r.summary("ttft").p50()).isPositive();
            assertThat(r.summary("e2e").p50()).isGreaterThan(r.summary("ttft").p50());
            assertThat(r.fidelity().clientIoBusy()).isBetween(0.0, 1.0);
            assertThat(r.fidelity().clientCpuNanos()).isPositive();
            assertThat(sim.stats().requestsCompleted()).as("the server saw warmup and measured requests").isEqualTo(23);

            List<Path> files;
            try (var s = Files.list(dir)) { files = s.toList(); }
            assertThat(files).hasSize(1);
            BenchmarkResult read = ResultFiles.read(files.get(0));
            assertThat(read).isEqualTo(r);
            assertThat(Files.readString(files.get(0))).contains("\"schema_version\"");
        }
    }

    private static int firstArrivalChunks(RequestTimeline t) {
        int n = 1;
        while (n < t.chunkCount() && t.chunkNanos(n) == t.chunkNanos(0)) n++;
        return n;
    }

    @Test
    void thePoolNeverCapsALoadTier() {
        // 40 users, each request lasting ~0.5 s: all 40 must be in the server at once (the pool's default is 5 per route).
        try (Simulator sim = Simulator.start(Profile.fixedStep("slow", 50_000))) {
            AtomicInteger peak = new AtomicInteger();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(sim.stats().activeSequences(), Math::max);
                    try { Thread.sleep(5); } catch (InterruptedException e) { return; }
                }
            });
            sampler.start();
            BenchmarkResult r = Benchmark.builder("tier")
                    .endpoint(sim.baseUri().toString())
                    .model("m")
                    .load(LoadModel.concurrency(40))
                    .promptShape(RequestShape.of(16, 10))
                    .maxRequests(40)
                    .build()
                    .run();
            sampler.interrupt();
            assertThat(r.counts().succeeded()).isEqualTo(40);
            assertThat(peak.get()).isEqualTo(40);
        }
    }

    @Test
    void anOpenLoopMeasuresLatencyFromTheIntendedSendTimeSoQueueingIsNeverHidden() {
        // 20 requests/s offered, but at most one in flight and each takes ~100 ms: requests queue in the client.
        try (Simulator sim = Simulator.start(Profile.fixedStep("steady", 10_000))) {
            BenchmarkResult r = Benchmark.builder("open-loop")
                    .endpoint(sim.baseUri().toString())
                    .model("m")
                    .load(LoadModel.arrivalRate(20, ArrivalProcess.CONSTANT).withMaxConcurrency(1))
                    .promptShape(RequestShape.of(16, 10))
                    .maxRequests(12)
                    .build()
                    .run();
            Summary queue = r.summary("queue_delay");
            Summary ttft = r.summary("ttft");
            assertThat(r.counts().succeeded()).isEqualTo(12);
            assertThat(queue.max()).as("the last request waited for the ones before it").isGreaterThan(300_000);
            assertThat(ttft.max()).as("TTFT includes the queue delay").isGreaterThanOrEqualTo(queue.max());
        }
    }

    @Test
    void aRunWithFaultyResponsesAccountsForEveryRequestAndTypesEachFailure() {
        FaultPlan faults = FaultPlan.none()
                .with(Fault.status(500), 0.1)
                .with(Fault.rateLimit(), 0.1)
                .with(Fault.resetAfter(2), 0.1)
                .with(Fault.malformedJsonAfter(1), 0.1)
                .with(Fault.noDone(), 0.1)
                .with(Fault.stallAfter(1), 0.05)
                .with(Fault.malformedSseAfter(1), 0.05);
        SimulatorConfig config = SimulatorConfig.builder(Profile.fast()).faultPlan(faults).seed(7).build();
        try (Simulator sim = Simulator.start(config)) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = Benchmark.builder("faults")
                    .endpoint(EndpointConfig.builder(sim.baseUri().toString())
                            .timeouts(Timeouts.defaults().withIdle(Duration.ofMillis(300))).build())
                    .model("m")
                    .load(LoadModel.concurrency(4))
                    .promptShape(RequestShape.of(16, 8))
                    .maxRequests(80)
                    .onRequest(seen::add)
                    .build()
                    .run();
            assertThat(seen).hasSize(80);
            assertThat(r.counts().measured()).isEqualTo(80);
            assertThat(r.counts().succeeded() + r.counts().failed()).isEqualTo(80);
            assertThat(r.counts().failed(FailureKind.HTTP_STATUS)).isPositive();
            assertThat(r.counts().failed(FailureKind.RATE_LIMITED)).isPositive();
            assertThat(r.counts().failed(FailureKind.CONNECTION_ERROR)).isPositive();
            assertThat(r.counts().failed(FailureKind.PROTOCOL_ERROR)).isPositive();
            assertThat(r.counts().failed(FailureKind.IDLE_TIMEOUT)).isPositive();
            assertThat(r.counts().succeeded()).isPositive();
            assertThat(r.counts().missingDone()).as("no_done answers are whole: succeeded, counted apart").isPositive();
            assertThat(r.summary("ttft").failedCount())
                    .as("errors and rate limits enter latency percentiles as +infinity")
                    .isEqualTo(r.counts().failed() - r.counts().cancelled());
            assertThat(r.failureExamples()).containsKey(FailureKind.PROTOCOL_ERROR);
        }
    }

    @Test
    void aDurationBoundStopsSendingAndLetsInFlightRequestsFinish() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            long start = System.nanoTime();
            BenchmarkResult r = Benchmark.builder("duration")
                    .endpoint(sim.baseUri().toString())
                    .model("m")
                    .load(LoadModel.concurrency(2))
                    .promptShape(RequestShape.of(16, 8))
                    .maxDuration(Duration.ofMillis(800))
                    .build()
                    .run();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(r.counts().succeeded()).isGreaterThan(4);
            assertThat(r.counts().cancelled()).isZero();
            assertThat(seconds).isLessThan(30);
            assertThat(r.throughput().outputTokensPerSecond()).isPositive();
        }
    }

    @Test
    void anInterruptedRunWritesWhatItHasMarkedPartial(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fixedStep("slow", 20_000))) {
            var holder = new java.util.concurrent.atomic.AtomicReference<BenchmarkResult>();
            Thread runner = new Thread(() -> holder.set(Benchmark.builder("interrupted")
                    .endpoint(sim.baseUri().toString())
                    .model("m")
                    .load(LoadModel.concurrency(3))
                    .promptShape(RequestShape.of(16, 10))
                    .maxDuration(Duration.ofSeconds(30))
                    .outputDirectory(dir)
                    .build()
                    .run()));
            runner.start();
            Thread.sleep(1_000);
            runner.interrupt();
            runner.join(15_000);

            BenchmarkResult r = holder.get();
            assertThat(r).isNotNull();
            assertThat(r.partial()).isTrue();
            assertThat(r.metadata().partialReason()).contains("interrupted");
            assertThat(r.counts().succeeded()).as("requests finished before the interrupt are kept: %s", r.counts()).isPositive();
            assertThat(r.counts().cancelled()).as("those cut off are counted, not lost").isPositive();
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).hasSize(1);
            }
        }
    }

    @Test
    void sloVerdictsAndGoodputComeWithTheResult() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            BenchmarkResult r = Benchmark.builder("slos")
                    .endpoint(sim.baseUri().toString())
                    .model("m")
                    .load(LoadModel.concurrency(2))
                    .promptShape(RequestShape.of(16, 8))
                    .maxRequests(10)
                    .slo("p90(ttft) < 10s", "error_rate < 1%", "p50(e2e) < 1us")
                    .build()
                    .run();
            assertThat(r.sloVerdicts()).hasSize(3);
            assertThat(r.sloVerdicts().get(0).passed()).isTrue();
            assertThat(r.sloVerdicts().get(1).passed()).isTrue();
            assertThat(r.sloVerdicts().get(2).passed()).as("no request ends within a microsecond").isFalse();
            assertThat(r.sloVerdicts().get(2).measured()).isGreaterThan(r.sloVerdicts().get(2).limit());
            assertThat(r.throughput().goodputRequestsPerSecond())
                    .as("the impossible e2e SLO admits no request").isZero();
        }
    }

    @Test
    void aBurstSendsItsRequestsAtOnce() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            BenchmarkResult r = Benchmark.builder("burst")
                    .endpoint(EndpointConfig.builder(sim.baseUri().toString()).build())
                    .model("m")
                    .load(LoadModel.burst(10, 2, Duration.ofMillis(300)))
                    .promptShape(RequestShape.of(16, 4))
                    .maxRequests(1000)
                    .build()
                    .run();
            assertThat(r.counts().succeeded()).isEqualTo(20);
            assertThat(r.summary("queue_delay").p50()).as("sent at their intended time, µs").isLessThan(200_000);
            assertThat(r.throughput().requestsPerSecond()).isCloseTo(20 / r.throughput().windowSeconds(), within(1e-6));
        }
    }
}
