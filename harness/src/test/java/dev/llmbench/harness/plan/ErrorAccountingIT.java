package dev.llmbench.harness.plan;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.testing.LoopbackServer;
import dev.llmbench.harness.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that failed is an error, whatever its status: an endpoint that answers every request 503 or 429 fails
 * {@code error_rate < 1%}, and the run's log line says how many failed and how many of those were rate limited.
 */
class ErrorAccountingIT {

    private static final String HTML_503 = "<html><head><title>503 Service Temporarily Unavailable</title></head>"
            + "<body><center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>";

    @TempDir
    Path dir;

    private List<PlanRunner.Outcome> run(LoopbackServer server, List<String> log) throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.from(LayeredSettings.of(List.of(BenchmarkPlan.builder()
                .endpoint(server.url()).model("m").concurrency(2).requests(20).shape("8:4")
                .slo("error_rate < 1%").outputDirectory(dir).set(Settings.PROGRESS_SECONDS, "0").layer())));
        return PlanRunner.run(plan, log::add);
    }

    @Test
    void everyRequestAnswered503WithAnHtmlPageIsAnErrorAndFailsTheErrorRateSlo() throws Exception {
        List<String> log = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.always(Answer.of(503, "text/html", HTML_503))) {
            BenchmarkResult r = run(server, log).get(0).result();

            assertThat(r.counts().measured()).isEqualTo(20);
            assertThat(r.counts().failed(FailureKind.HTTP_STATUS)).as("a 503 without Retry-After is unavailability, not rate limiting")
                    .isEqualTo(20);
            assertThat(r.counts().errors()).isEqualTo(20);
            assertThat(r.counts().errorRate()).isEqualTo(1.0);
            assertThat(r.rateLimits().status503()).isEqualTo(20);
            SloVerdict v = r.sloVerdicts().get(0);
            assertThat(v.passed()).as(v.detail()).isFalse();
            assertThat(v.measured()).isEqualTo(100.0);
            assertThat(r.summary("ttft").failedCount()).as("failures enter the percentiles as +∞").isEqualTo(20);
        }
        assertThat(log).anySatisfy(line -> assertThat(line).contains(": 20 requests, 20 errors"));
    }

    @Test
    void everyRequestRateLimitedIsAnErrorCountedApartAsRateLimited() throws Exception {
        List<String> log = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.always(Answer.of(429, "application/json",
                "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", "Retry-After", "2",
                "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2s"))) {
            BenchmarkResult r = run(server, log).get(0).result();

            assertThat(r.counts().rateLimited()).isEqualTo(20);
            assertThat(r.counts().errors()).isEqualTo(20);
            assertThat(r.counts().errorRate()).isEqualTo(1.0);
            assertThat(r.counts().rateLimitedRate()).isEqualTo(1.0);
            assertThat(r.rateLimits().status429()).isEqualTo(20);
            assertThat(r.rateLimits().retryAfterMillis()).first().isEqualTo(2000L);
            assertThat(r.rateLimits().lastRateLimitHeaders()).containsEntry("x-ratelimit-reset-requests", "2s");
            SloVerdict v = r.sloVerdicts().get(0);
            assertThat(v.passed()).as(v.detail()).isFalse();
            assertThat(v.detail()).isEqualTo("20 errors (20 rate-limited) in 20 measured requests");
        }
        assertThat(log).anySatisfy(line -> assertThat(line).contains(": 20 requests, 20 errors (20 rate limited)"));
    }

    @Test
    void a503WithRetryAfterIsRateLimiting() throws Exception {
        List<String> log = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.always(Answer.of(503, "text/html", HTML_503, "Retry-After", "1"))) {
            BenchmarkResult r = run(server, log).get(0).result();
            assertThat(r.counts().rateLimited()).isEqualTo(20);
            assertThat(r.counts().errors()).isEqualTo(20);
        }
    }
}
