package dev.llmbench.samples;

import dev.llmbench.junit.Arrival;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/*
 * Sample 03: open-loop load — requests arrive at a rate, whether or not the server keeps up.
 *
 * Closed loop (sample 01: N users, each waits for its answer before asking again) is polite: when the server slows
 * down, the users slow down with it, and the latency you measure hides the queue that real traffic would build.
 * Real users do not wait for each other. Open loop sends on a schedule: here Poisson arrivals (random, memoryless
 * gaps, as independent users produce) at 4 and then 8 requests per second.
 *
 * Latency is measured from the INTENDED send time, not from when the client got round to sending, so a client or
 * server that falls behind shows up in TTFT and E2E instead of vanishing (no coordinated omission). The gap between
 * intended and actual send is recorded as queue_delay: it tells you whether the load generator kept its schedule.
 *
 * Other arrival processes: distribution = Arrival.CONSTANT (evenly spaced) or Arrival.GAMMA with burstiness < 1 (burstier than
 * Poisson). maxConcurrency caps requests in flight, as a client-side connection pool would.
 */
@LlmBenchmark(simulatorProfile = "llama-2-70b-4xa100")
@LoadTier(rate = {4, 8}, distribution = Arrival.POISSON, maxConcurrency = 32)    // two invocations: 4 rps, then 8 rps
@PromptShape(inputTokens = 200, outputTokens = 24)
@Measurement(requests = 10)                                                 // ~2.5 s at 4 rps, ~1.3 s at 8 rps
@Slo("p99(queue_delay) < 250ms")   // the client kept its schedule (generous: a busy shared machine delays it too)
class LlmBench03_OpenLoopPoisson {

    @BenchmarkTest
    void poissonArrivals(BenchmarkResult result) {
        assertThat(result).errorRate().isZero();
        assertThat(result).rateLimitedRate().isZero();

        // TTFT counts from the intended send: if requests queued anywhere, it shows here.
        assertThat(result).ttft().p90().isLessThan(Duration.ofMillis(800));

        // Goodput-style check on the whole run: requests completed per second over the measured window.
        // (A Poisson run of 10 requests is short and noisy; real runs measure minutes, not seconds.)
        assertThat(result).requestRate().isGreaterThan(1.0);
    }
}
