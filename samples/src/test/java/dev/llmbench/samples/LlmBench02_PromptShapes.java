package dev.llmbench.samples;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/*
 * Sample 02: the shape of the prompt decides which latency you are measuring.
 *
 * An LLM answers in two phases. PREFILL reads the whole prompt at once (compute-bound: cost grows with input
 * tokens) and ends with the first token, so input length drives TTFT. DECODE then produces one token per step
 * (memory-bound: every step reads all the weights), so output length drives E2E, at TPOT per token.
 *
 * @PromptShape is repeatable: each @BenchmarkTest runs once per load tier × shape. Here, two shapes:
 *   - short-in/long-out  (100 → 1000 tokens, a chat answer or code generation): TTFT small, E2E long;
 *   - long-in/short-out  (2000 → 128 tokens, summarising or classifying a document): TTFT grows with the prompt.
 * Presets name the usual shapes (short-in-short-out, short-in-long-out, long-in-short-out, chat); fixed counts
 * (inputTokens/outputTokens) and distributions (inputMean/inputStddev/…) are the other two forms.
 *
 * Prompts are built from a public-domain corpus to the exact token count, each with a unique prefix, so a server's
 * prefix cache cannot flatter the long-input shape.
 *
 * The simulator profile "fast" (a 0.5B model: 2 ms per decode step) keeps 1000-token answers quick here; on a real
 * 70B endpoint expect ~20 s per long answer and size the run with -Dllmbench.requests / -Dllmbench.seconds.
 */
@LlmBenchmark(simulatorProfile = "fast")
@LoadTier(concurrency = 4)
@PromptShape(preset = "short-in-long-out")
@PromptShape(preset = "long-in-short-out")
@Measurement(requests = 4)                           // one request per user: tiny, to keep `mvn verify` quick
class LlmBench02_PromptShapes {

    // Two invocations: "shapes [4 concurrent, short-in-long-out …]" and "shapes [4 concurrent, long-in-short-out …]".
    @BenchmarkTest
    void shapes(BenchmarkResult result) {
        assertThat(result).hasSucceeded(4);

        // Both shapes must start answering promptly; a long prompt is allowed a slower first token than a chat turn.
        assertThat(result).ttft().p90().isLessThan(Duration.ofSeconds(2));

        // Decode speed does not depend on the shape: every token after the first costs about one step.
        assertThat(result).tpot().mean().isLessThan(Duration.ofMillis(50));

        // The shapes differ in where the time goes. The token counts come from the server's usage report
        // (or the tokenizer), never from assumptions: compare output tokens per request to tell them apart.
        long outputPerRequest = result.tokens().output() / result.counts().succeeded();
        if (outputPerRequest >= 1000) {
            // short-in/long-out: most of E2E is decoding the 999 tokens after the first (2 ms a step here)
            assertThat(result).e2e().p50().isGreaterThan(Duration.ofMillis(1500));
        } else {
            // long-in/short-out: 128 tokens decode quickly; the 2000-token prefill is the bigger share of TTFT
            assertThat(result).e2e().p50().isLessThan(Duration.ofSeconds(2));
        }
    }
}
