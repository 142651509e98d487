package dev.llmbench.samples;

import static dev.llmbench.harness.load.NamedTier.*;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.*;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/**
 * The README's "first benchmark in five minutes" class, verbatim but for its name: if the README's example stops
 * compiling or running, this test says so.
 */
@LlmBenchmark                                        // no endpoint configured: an embedded simulator is used
@Warmup(requests = 2)
@Measurement(requests = 20)
@LoadTier(tiers = {SMALL, MEDIUM})              // 2 and 20 concurrent users
@PromptShape(inputTokens = 100, outputTokens = 200)
@Slo("p90(ttft) < 800ms")
@Slo("error_rate < 1%")
class ReadmeExampleTest {

    @BenchmarkTest                                  // runs once per tier × prompt shape
    void chat(BenchmarkResult result) {
        assertThat(result).ttft().percentile(50).isLessThan(Duration.ofMillis(300));
    }
}
