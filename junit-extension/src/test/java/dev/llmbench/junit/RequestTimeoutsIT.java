package dev.llmbench.junit;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-request timeouts from an annotation: on the 70B profile (17 ms per decode step) 100 output tokens take well
 * over a second, so a 300 ms total timeout ends every request as a total timeout — the run goes on and says so.
 */
class RequestTimeoutsIT {

    @TestKitOnly
    @LlmBenchmark(simulatorProfile = "llama-2-70b-4xa100")
    @RequestTimeouts(total = "300ms")
    @Measurement(requests = 2)
    @PromptShape(inputTokens = 8, outputTokens = 100)
    static class TooSlowForItsTimeout {
        @BenchmarkTest
        void chat() {
        }
    }

    @Test
    void anAnnotatedTotalTimeoutEndsSlowRequestsAsTotalTimeouts(@TempDir Path dir) throws Exception {
        Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString()), TooSlowForItsTimeout.class);

        BenchmarkResult r = ResultFiles.read(dir.resolve("RequestTimeoutsIT_TooSlowForItsTimeout.chat-c1-8x100.json"));
        assertThat(r.counts().failedByKind().get(FailureKind.TOTAL_TIMEOUT)).isEqualTo(2L);
        assertThat(r.counts().succeeded()).isZero();
    }

    @Test
    void aBadDurationNamesTheAnnotationAndWhatIsAllowed() {
        String m = String.join("\n", Kit.failureMessages(Kit.run(Map.of(Settings.TIMEOUT_IDLE.key(), "soon"),
                TooSlowForItsTimeout.class)));
        assertThat(m).contains("llmbench.timeouts.idle (configuration parameter llmbench.timeouts.idle (junit-platform.properties)): "
                + "'soon' is not a duration; allowed: a duration such as 500ms, 10s, 2m, 1h, or seconds (2.5); 0 = no limit");
    }
}
