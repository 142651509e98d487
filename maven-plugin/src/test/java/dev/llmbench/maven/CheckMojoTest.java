package dev.llmbench.maven;

import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.RunMetadata;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the check goal reads per-metric tolerances from XML element names, which cannot hold parentheses; and that a
 * benchmark whose every request failed fails the goal unless {@code llmbench.allowAllFailed}.
 */
class CheckMojoTest {

    /** A result file of 3 requests, each answered 503 with an HTML page. */
    private static Path allFailedResult(Path dir) throws Exception {
        long t0 = System.nanoTime();
        MetricsRecorder recorder = new MetricsRecorder(t0);
        for (int i = 0; i < 3; i++) {
            RequestTimeline t = new RequestTimeline(i, false, t0 + i * 1_000_000L, 8);
            t.sent(t0 + i * 1_000_000L + 10);
            t.headers(t0 + i * 1_000_000L + 500_000, 503, Map.of());
            t.failed(t0 + i * 1_000_000L + 600_000, new Failure(FailureKind.HTTP_STATUS, 503, "HTTP 503: <html>down</html>", -1));
            recorder.record(t);
        }
        BenchmarkResult r = BenchmarkResult.of(RunMetadata.capture("chat", Instant.now(), Instant.now()), null, recorder.snapshot());
        return ResultFiles.writeToDirectory(r, dir);
    }

    private static CheckMojo check(Path results, String allowAllFailed) {
        CheckMojo mojo = new CheckMojo();
        mojo.resultDirectories = List.of(results.toString());
        mojo.baselineDirectory = results.resolve("no-baseline").toString();
        mojo.allowAllFailed = allowAllFailed;
        return mojo;
    }

    @Test
    void aBenchmarkWhoseEveryRequestFailedFailsTheBuildWithoutAnySlo(@TempDir Path dir) throws Exception {
        allFailedResult(dir);
        assertThatThrownBy(() -> check(dir, null).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("llmbench check FAILED: 1 benchmark, 0 SLO verdicts (0 violated), no baseline")
                .hasMessageContaining("chat: all 3 requests failed: 3 × http_status (\"HTTP 503: <html>down</html>\")")
                .hasMessageContaining("llmbench.allowAllFailed=true");
    }

    @Test
    void allowAllFailedLetsSuchABenchmarkPass(@TempDir Path dir) throws Exception {
        allFailedResult(dir);
        check(dir, "true").execute();
    }

    @Test
    void aStatisticIsWrittenWithAnUnderscoreInsteadOfParentheses() {
        assertThat(CheckMojo.metricKey("p99_itl")).isEqualTo("p99(itl)");
        assertThat(CheckMojo.metricKey("p99.9_e2e")).isEqualTo("p99.9(e2e)");
        assertThat(CheckMojo.metricKey("mean_tpot")).isEqualTo("mean(tpot)");
        assertThat(CheckMojo.metricKey("p90_queue_delay")).isEqualTo("p90(queue_delay)");
    }

    @Test
    void baseAndSystemMetricsKeepTheirNames() {
        assertThat(CheckMojo.metricKey("itl")).isEqualTo("itl");
        assertThat(CheckMojo.metricKey("error_rate")).isEqualTo("error_rate");
        assertThat(CheckMojo.metricKey("output_throughput")).isEqualTo("output_throughput");
    }

    @Test
    void theTranslatedKeysAreAcceptedByTheHarnessAndAnUnknownOneIsRefused() {
        CompareOptions o = CompareOptions.defaults().withMetricTolerances(Map.of(
                CheckMojo.metricKey("p90_ttft"), 0.05, CheckMojo.metricKey("itl"), 0.25));
        assertThat(o.metricTolerances()).containsEntry("p90(ttft)", 0.05).containsEntry("itl", 0.25);
        assertThatThrownBy(() -> CompareOptions.defaults().withMetricTolerance(CheckMojo.metricKey("p90_latency"), 0.1))
                .hasMessageContaining("'p90(latency)'");
    }
}
