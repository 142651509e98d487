package dev.llmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity search against a simulator whose capacity follows from its own timing model: fixed 10 ms decode
 * steps, and a KV cache that holds exactly 6 sequences of prompt + max output tokens. Up to 6 users run in one
 * batch (TTFT at most 2 steps: wait for a step boundary, then one step); a 7th queues until a sequence ends,
 * which in a closed loop delays requests by N / 6 steps on average (Little's law: 7 users, 6 served, N steps each).
 */
class CapacitySearchIT {

    private static final long STEP_MICROS = 10_000;
    private static final int BATCH = 6;
    private static final int PROMPT_TOKENS = 40;
    private static final int OUTPUT_TOKENS = 40;
    private static final String MODEL = "capacity-6";

    @Test
    void the_search_finds_the_kv_cache_bound_of_the_batch_as_the_capacity_and_the_knee() {
        int kvPerSequence = kvTokensPerSequence();
        // Room for 6 sequences and half of a 7th: the 7th must queue.
        Profile profile = Profile.fixedStep(MODEL, STEP_MICROS).withKvCapacityTokens(BATCH * kvPerSequence + kvPerSequence / 2);
        // Below the bound: TTFT ≤ 2 steps. Above it: TTFT grows by N/6 steps on average. The limit sits between.
        long ttftLimitMillis = (2 * STEP_MICROS + OUTPUT_TOKENS * STEP_MICROS / (2 * BATCH)) / 1000;

        CapacityOutcome outcome;
        BenchmarkSteps steps;
        try (Simulator sim = Simulator.start(profile)) {
            steps = new BenchmarkSteps(c -> step(sim, c), List.of("p90(ttft) < " + ttftLimitMillis + "ms"));
            outcome = new CapacitySearch(SearchOptions.upTo(16)).run(steps);
        }

        assertThat(outcome.maxConcurrencyMeetingSlo()).as(outcome.summary() + "\n" + outcome.curve())
                .isBetween(BATCH - 1, BATCH + 1);
        assertThat(outcome.firstFailingConcurrency() - outcome.maxConcurrencyMeetingSlo()).isEqualTo(1);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BOUNDARY_FOUND);
        assertThat(outcome.kneeConcurrency()).as(outcome.curve().toString()).isBetween(BATCH - 1, BATCH + 1);
        assertThat(outcome.curve()).extracting(SweepPoint::concurrency).as("doubling to the first failure, then bisection").contains(1, 2, 4, 8);
        assertThat(outcome.curve()).allSatisfy(p -> assertThat(p.errorRate()).isZero());
        assertThat(steps.results()).hasSize(outcome.curve().size());
    }

    /** How many KV tokens the simulator reserves for one request of the test's shape (prompt as it counts + max output). */
    private static int kvTokensPerSequence() {
        try (Simulator sim = Simulator.start(Profile.fixedStep(MODEL, STEP_MICROS))) {
            BenchmarkResult probe = step(sim, 1).load(LoadModel.concurrency(1)).maxRequests(1).warmupRequests(0).build().run();
            assertThat(probe.counts().succeeded()).isEqualTo(1);
            assertThat(probe.tokens().output()).isEqualTo(OUTPUT_TOKENS);
            return (int) probe.tokens().input() + OUTPUT_TOKENS;
        }
    }

    /** A small bounded run per step: one warmup round, then four requests per user. */
    private static Benchmark.Builder step(Simulator sim, int concurrency) {
        return Benchmark.builder("capacity-" + concurrency)
                .endpoint(sim.baseUri().toString())
                .model(MODEL)
                .promptShape(RequestShape.of(PROMPT_TOKENS, OUTPUT_TOKENS))
                .warmupRequests(concurrency)
                .maxRequests(4L * concurrency);
    }
}
