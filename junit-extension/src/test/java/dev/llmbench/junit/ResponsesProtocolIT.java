package dev.llmbench.junit;

import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/**
 * {@code @LlmBenchmark(protocol = "responses")}: a benchmark test speaks OpenAI's Responses API to the embedded
 * simulator, and its result says so.
 */
class ResponsesProtocolIT {

    @TestKitOnly
    @LlmBenchmark(protocol = "responses")
    @Measurement(requests = 6)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = 8)
    @Slo("error_rate < 1%")
    static class OverResponses {
        @BenchmarkTest
        void respond(BenchmarkResult result) {
            assertThat(result).hasNoFailures().hasSucceeded(6);
        }
    }

    /** The same benchmark over chat completions, which sends {@code min_tokens}: the contrast. */
    @TestKitOnly
    @LlmBenchmark(protocol = "chat")
    @Measurement(requests = 2)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = 8)
    static class OverChat {
        @BenchmarkTest
        void chat(BenchmarkResult result) {
            assertThat(result).hasNoFailures();
        }
    }

    private static BenchmarkResult only(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
            org.assertj.core.api.Assertions.assertThat(json).hasSize(1);
            return ResultFiles.read(json.get(0));
        }
    }

    @Test
    void aBenchmarkTestStreamsOverTheResponsesApiAndItsResultRecordsTheProtocol(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString()), OverResponses.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

        BenchmarkResult r = only(dir);
        org.assertj.core.api.Assertions.assertThat(r.configuration().endpoint().protocol()).isEqualTo("openai-responses");
        org.assertj.core.api.Assertions.assertThat(r.counts().succeeded()).isEqualTo(6);
        org.assertj.core.api.Assertions.assertThat(r.tokens().output()).isEqualTo(6 * 8);
        org.assertj.core.api.Assertions.assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(6L);
    }

    @Test
    void theOpenAiPersonalityServesItBecauseTheResponsesProtocolNeverSendsMinTokensOrIgnoreEos(@TempDir Path dir) {
        EngineExecutionResults results = Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString(),
                Settings.SIMULATOR_PERSONALITY.key(), "openai"), OverResponses.class, OverChat.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        org.assertj.core.api.Assertions.assertThat(Kit.failureMessages(results)).anySatisfy(m ->
                org.assertj.core.api.Assertions.assertThat(m).contains("Unrecognized request argument supplied: min_tokens"));
    }
}
