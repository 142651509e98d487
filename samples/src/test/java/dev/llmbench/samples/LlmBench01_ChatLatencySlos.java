package dev.llmbench.samples;

import static dev.llmbench.harness.load.NamedTier.*;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;
import dev.llmbench.junit.Warmup;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/*
 * Sample 01: latency SLOs of a chat endpoint at three levels of load.
 *
 * A benchmark test looks like a unit test. The class says WHAT to send and HOW MUCH load to put on the endpoint;
 * each @BenchmarkTest method is invoked once per load tier, after the benchmark of that tier has run, and receives
 * the BenchmarkResult to assert on.
 *
 * Two ways to state what "fast enough" means, and you can mix them:
 *  - @Slo on the class (or method): one line of the SLO grammar each, checked after every invocation. A violated
 *    SLO fails that invocation with a table: SLO, measured, limit, verdict. The Maven plugin reads the same grammar.
 *  - AssertJ in the method body: typed, chainable, and the place for anything an SLO line cannot say.
 *
 * Failed requests are never hidden: in percentiles they count as +∞ (error-adjusted), so an endpoint that fails
 * 20% of its requests cannot pass "p90(ttft) < 800ms" by answering the other 80% quickly.
 *
 * RUN IT
 *   mvn -B verify                      (all samples, against the embedded simulator: no GPU, no network)
 *   Results: samples/target/llmbench/*.json, one file per invocation.
 *
 * RUN THE REAL THING
 *   Nothing in this class names a server. Point it at any OpenAI-compatible endpoint from the command line:
 *     LLMBENCH_API_KEY=... mvn -B verify -pl samples -am -DskipITs -Dtest='LlmBench01*' -Dsurefire.failIfNoSpecifiedTests=false \
 *         -Dllmbench.endpoint=https://my-vllm.internal:8000 -Dllmbench.model=meta-llama/Llama-2-70b-chat-hf \
 *         -Dllmbench.requests=500 -Dllmbench.seconds=120
 *   System properties beat annotations (and environment variables beat both: LLMBENCH_ENDPOINT=...), so the tiny
 *   request counts below, which keep `mvn verify` fast, become a real measurement without editing the code.
 */
@LlmBenchmark(model = "llama-2-70b-chat",
        simulatorProfile = "llama-2-70b-4xa100")        // the simulator models 70B fp16 on 4×A100: 17.2 ms decode step
@LoadTier(tiers = {SMALL, MEDIUM, LARGE})          // 2, 20 and 50 concurrent users (closed loop): 3 invocations
@PromptShape(inputTokens = 50, outputTokens = 32)        // a short chat turn; real answers are longer (see sample 02)
@Warmup(requests = 2)                                    // connection set-up and first-request effects, not measured
@Measurement(requests = 100, seconds = 1)                // whichever comes first; in-flight requests then finish
@Slo("p90(ttft) < 1500ms")                               // time to first token, error-adjusted (see below)
@Slo("mean(tpot) <= 40ms")                               // time per output token after the first
@Slo("error_rate < 1%")
class LlmBench01_ChatLatencySlos {

    @BenchmarkTest
    void chat(BenchmarkResult result) {                  // display name: chat [medium: 20 concurrent, 50→32 tokens]
        // Nothing may fail: not errors, not rate limiting (429s are counted apart from errors).
        assertThat(result).hasNoFailures();

        // Load shows up in TTFT first: every new request's prompt must be prefilled, and prefills queue behind each
        // other. On this simulated 4×A100, p90 TTFT is ~50 ms at 2 users, ~0.25 s at 20 and ~0.6 s at 50: the SLO
        // above is set for the largest tier. Double the prompt to 100 tokens and the large tier needs ~1.2 s.
        assertThat(result).ttft().p50().isLessThan(Duration.ofSeconds(1));

        // Decode is memory-bound: one step serves the whole batch, so the typical TPOT barely moves from 2 to 50
        // users (~17 ms). Its p90 does: requests that decode while others prefill are paused (see ITL below).
        assertThat(result).tpot().p50().isLessThan(Duration.ofMillis(40));

        // Inter-token latency: one sample per token, so even a short run has plenty. On average a gap is one decode
        // step, but the tail is another story: whenever a newly arrived prompt is prefilled, every running stream
        // pauses (prefill/decode interference), so p99(itl) grows with the number of users (up to ~0.3 s at 50 here).
        // Assert on what you promise your users — here: smooth on average, no pause longer than a second.
        assertThat(result).itl().mean().isLessThan(Duration.ofMillis(60));
        assertThat(result).itl().p99().isLessThan(Duration.ofSeconds(1));

        // A failing assertion names metric, statistic, measured value, limit and sample count, e.g.
        //   Expected p90(e2e) < 2 s but was 2.31 s (38 samples)
        assertThat(result).e2e().p90().isLessThan(Duration.ofSeconds(5));

        // The same grammar as @Slo works inside the body too, e.g. for an SLO only this method needs.
        assertThat(result).satisfiesSlo("output_throughput >= 50tok/s");
    }
}
