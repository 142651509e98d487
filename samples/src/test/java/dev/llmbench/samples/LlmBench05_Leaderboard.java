package dev.llmbench.samples;

import static dev.llmbench.harness.load.NamedTier.*;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;
import org.junit.jupiter.api.Nested;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/*
 * Sample 05: a leaderboard — the same benchmark against several models (or providers), side by side.
 *
 * The provider leaderboards compare endpoints on one workload at fixed concurrency levels: TTFT p50/p90, output
 * speed, throughput, errors, cost. Here the workload is declared ONCE on the outer class, and each @Nested class says
 * only where to send it. All of them carry the same @LlmBenchmark(name = "leaderboard"), so their results are results
 * of one benchmark, "leaderboard.chat-small-c2-64x48", measured against different models; the report
 * (mvn verify, then open target/llmbench/report.html) turns them into a leaderboard table, sortable by each column.
 * Without the shared name each class would be its own benchmark, named after the class.
 *
 * Annotations nest: the inner class's @LlmBenchmark attributes win over the outer's, one attribute at a time, and
 * the outer class's @LoadTier, @PromptShape, @Measurement and @Slo apply to every inner class.
 *
 * RUN THE REAL THING
 *   Replace simulatorProfile with endpoint = "https://…" and model = "…" in each nested class (keys come from the
 *   environment variable named by apiKeyEnv, one per provider). Or keep one class and run it once per provider
 *   in CI, each run writing to its own folder, then merge the folders into one report:
 *     mvn verify -Dllmbench.endpoint=$URL_A -Dllmbench.model=$MODEL_A -Dllmbench.outputDirectory=target/llmbench/a
 *     mvn verify -Dllmbench.endpoint=$URL_B -Dllmbench.model=$MODEL_B -Dllmbench.outputDirectory=target/llmbench/b
 *     mvn llmbench:report -Dllmbench.resultDirectories=target/llmbench/a,target/llmbench/b
 */
@LlmBenchmark(name = "leaderboard")
@LoadTier(tiers = SMALL)                               // 2 concurrent users, as the leaderboards' first tier
@PromptShape(inputTokens = 64, outputTokens = 48)
@Measurement(requests = 8)                               // keeps `mvn verify` fast; a real comparison wants hundreds
@Slo("error_rate < 1%")
class LlmBench05_Leaderboard {

    @Nested
    @LlmBenchmark(simulatorProfile = "llama-2-70b-4xa100")   // model llama-2-70b-chat: 17.2 ms per decode step
    class Llama2_70B_On4xA100 {
        @BenchmarkTest
        void chat(BenchmarkResult result) {
            assertThat(result).hasNoFailures();
            // The profile's decode step bounds TPOT from below; a loaded machine only adds to it.
            assertThat(result).tpot().mean().isGreaterThan(Duration.ofMillis(15));
        }
    }

    @Nested
    @LlmBenchmark(simulatorProfile = "mixtral-8x7b-2xh100")  // model mixtral-8x7b-instruct: 13.9 ms per decode step
    class Mixtral8x7B_On2xH100 {
        @BenchmarkTest
        void chat(BenchmarkResult result) {
            assertThat(result).hasNoFailures();
            assertThat(result).tpot().mean().isGreaterThan(Duration.ofMillis(12));
            // Which model is faster is the leaderboard's job (target/llmbench/report.html), not an assertion's:
            // on a loaded machine both slow down.
        }
    }
}
