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

/** {@code @LlmBenchmark(protocol = "realtime")}: the OpenAI Realtime flow over WebSocket against the embedded simulator. */
class RealtimeIT {

    @TestKitOnly
    @LlmBenchmark(protocol = "realtime")
    @Measurement(requests = 12)
    @LoadTier(concurrency = 3)
    @PromptShape(inputTokens = 16, outputTokens = 8)
    @Slo("error_rate < 1%")
    static class OverWebSocket {
        @BenchmarkTest
        void realtime(BenchmarkResult result) {
            assertThat(result.counts().succeeded()).isEqualTo(12);
        }
    }

    @Test
    void aRealtimeBenchmarkStreamsFromTheEmbeddedSimulatorOverWebSocket(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString()), OverWebSocket.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        Path file;
        try (var files = java.nio.file.Files.list(dir)) {
            file = files.filter(f -> f.getFileName().toString().startsWith("RealtimeIT_OverWebSocket.realtime-")).findFirst().orElseThrow();
        }
        BenchmarkResult r = ResultFiles.read(file);
        assertThat(r.configuration().endpoint().protocol()).isEqualTo("openai-realtime");
        assertThat(r.configuration().endpoint().url()).matches("ws://127\\.0\\.0\\.1:\\d+/v1/realtime");
        assertThat(r.counts().succeeded()).isEqualTo(12);
        assertThat(r.tokens().output()).isEqualTo(12 * 8);
        assertThat(r.sloVerdicts()).singleElement().satisfies(v -> assertThat(v.passed()).isTrue());
    }
}
