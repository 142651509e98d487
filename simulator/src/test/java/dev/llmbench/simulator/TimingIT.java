package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The step loop's timing as a client observes it. */
class TimingIT {

    @Test
    void kvCapacityMakesExcessRequestsQueueUntilSpaceFrees() throws Exception {
        // Each request reserves 6 prompt + 10 output = 16 KV tokens; 20 tokens of cache hold one sequence at a time.
        Profile p = Profile.fixedStep("kv", 10_000).withKvCapacityTokens(20);
        try (Simulator sim = Simulator.start(p)) {
            TestClient c = new TestClient(sim.baseUri());
            CompletableFuture<TestClient.Streamed> a = CompletableFuture.supplyAsync(
                    () -> c.stream("/v1/chat/completions", TestClient.chat(10, true, false)));
            CompletableFuture<TestClient.Streamed> b = CompletableFuture.supplyAsync(
                    () -> c.stream("/v1/chat/completions", TestClient.chat(10, true, false)));
            int maxQueued = 0;
            while (!(a.isDone() && b.isDone())) {
                SimulatorStats s = sim.stats();
                maxQueued = Math.max(maxQueued, s.queuedRequests());
                assertThat(s.activeSequences()).isLessThanOrEqualTo(1);
                assertThat(s.kvTokensInUse()).isLessThanOrEqualTo(20);
                Thread.sleep(5);
            }
            assertThat(maxQueued).isGreaterThanOrEqualTo(1); // 2 for an instant when both arrive before a step boundary
            long[] ea = sim.emitLog().take(a.get().requestId());
            long[] eb = sim.emitLog().take(b.get().requestId());
            long[] first = ea[0] < eb[0] ? ea : eb;
            long[] second = ea[0] < eb[0] ? eb : ea;
            // the queued request starts only after the first finished: its first token follows the other's last
            assertThat(second[0]).isGreaterThan(first[first.length - 1]);
            assertThat(second[0] - first[0]).isGreaterThan(9 * 10_000_000L);
        }
    }

    @Test
    void batchSharesOneStepAndTheLoopKeepsItsSchedule() throws Exception {
        int streams = 20;
        int tokens = 30;
        try (Simulator sim = Simulator.start(Profile.fixedStep("batch", 10_000))) {
            TestClient c = new TestClient(sim.baseUri());
            @SuppressWarnings("unchecked")
            CompletableFuture<TestClient.Streamed>[] all = new CompletableFuture[streams];
            for (int i = 0; i < streams; i++) {
                all[i] = CompletableFuture.supplyAsync(() -> c.stream("/v1/chat/completions", TestClient.chat(tokens, true, false)));
            }
            CompletableFuture.allOf(all).get();
            for (CompletableFuture<TestClient.Streamed> f : all) {
                long[] e = sim.emitLog().take(f.get().requestId());
                assertThat(e).hasSize(tokens);
                double meanGapMs = (e[tokens - 1] - e[0]) / 1e6 / (tokens - 1);
                // one token per 10 ms step whatever the batch; the bounds allow for a machine shared with other builds
                assertThat(meanGapMs).as("mean gap ms, stats %s", sim.stats()).isBetween(7.0, 30.0);
            }
            SimulatorStats s = sim.stats();
            assertThat(s.tokensEmitted()).isEqualTo((long) streams * tokens);
            assertThat(s.requestsCompleted()).isEqualTo(streams);
            // Sanity bounds only (a shared 2-core machine can stall any thread; a cold JIT runs the first steps slowly):
            // the loop keeps to its schedule on average and a step's own work stays below a few steps. How little the
            // simulator costs under real load is measured by the self-benchmark (README, Performance).
            assertThat(s.meanStepLagMicros()).as("%s", s).isLessThan(50_000);
            assertThat(s.meanStepWorkMicros()).as("%s", s).isLessThan(30_000);
        }
    }

    @Test
    void rooflineStepShowsUpBetweenChunks() throws Exception {
        // fast profile: 2 ms memory-bound step at small batch
        try (Simulator sim = Simulator.start(Profile.fast())) {
            TestClient.Streamed s = new TestClient(sim.baseUri()).stream("/v1/chat/completions", TestClient.chat(40, true, false));
            long[] e = sim.emitLog().take(s.requestId());
            double meanGapMs = (e[39] - e[0]) / 1e6 / 39;
            assertThat(meanGapMs).as("2 ms steps; generous for a shared machine").isBetween(1.5, 10.0);
        }
    }

    @Test
    void sameSeedSameTextOtherSeedOtherText() {
        String body = TestClient.chat(20, false, false);
        String a;
        String b;
        String c;
        try (Simulator s = Simulator.start(SimulatorConfig.builder(Profile.fast()).seed(7).build())) {
            a = text(new TestClient(s.baseUri()).post("/v1/chat/completions", body).body());
        }
        try (Simulator s = Simulator.start(SimulatorConfig.builder(Profile.fast()).seed(7).build())) {
            b = text(new TestClient(s.baseUri()).post("/v1/chat/completions", body).body());
        }
        try (Simulator s = Simulator.start(SimulatorConfig.builder(Profile.fast()).seed(8).build())) {
            c = text(new TestClient(s.baseUri()).post("/v1/chat/completions", body).body());
        }
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    private static String text(String json) {
        try {
            return TestClient.MAPPER.readTree(json).at("/choices/0/message/content").asText();
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
