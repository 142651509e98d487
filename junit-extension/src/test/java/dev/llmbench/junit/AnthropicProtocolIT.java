package dev.llmbench.junit;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @LlmBenchmark(protocol = "anthropic")}: a benchmark test speaking Anthropic Messages to the embedded simulator. */
class AnthropicProtocolIT {

    @TestKitOnly
    @LlmBenchmark(protocol = "anthropic", model = "claude-sim")
    @Measurement(requests = 6)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 32, outputTokens = 12)
    @Slo("error_rate < 1%")
    static class Messages {
        @BenchmarkTest
        void messages(BenchmarkResult result) {
            assertThat(result.counts().succeeded()).isEqualTo(6);
        }
    }

    @Test
    void theBenchmarkStreamsAnthropicMessagesAndRecordsTheProtocol(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString()), Messages.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        BenchmarkResult r = ResultFiles.read(dir.resolve("AnthropicProtocolIT_Messages.messages-small-c2-32x12.json"));
        assertThat(r.configuration().endpoint().protocol()).isEqualTo("anthropic-messages");
        assertThat(r.configuration().endpoint().url()).endsWith("/v1/messages");
        assertThat(r.counts().succeeded()).isEqualTo(6);
        assertThat(r.tokens().output()).as("exact output length: the simulator generates max_tokens").isEqualTo(6 * 12);
        assertThat(r.tokens().input()).isPositive();
        assertThat(r.sloVerdicts()).singleElement().satisfies(v -> assertThat(v.passed()).isTrue());
    }
}
