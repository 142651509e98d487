package dev.llmbench.harness.load;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.testing.LoopbackServer;
import dev.llmbench.harness.testing.LoopbackServer.Answer;
import dev.llmbench.harness.workload.RequestShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code llmbench.backoff}: against a server that answers 429 with {@code Retry-After: 1}, a run that backs off sends
 * a handful of requests in 3 s and reports the time it held back; one that does not (the default) is not slowed at all.
 * The time backed off is never part of a latency.
 */
class BackoffIT {

    private static final Answer LIMITED = Answer.of(429, "application/json",
            "{\"error\":{\"message\":\"Rate limit reached. Please try again in 1s.\"}}", "Retry-After", "1");

    @TempDir
    Path dir;

    private BenchmarkResult runPlan(LoopbackServer server, boolean backoff) throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.from(LayeredSettings.of(List.of(BenchmarkPlan.builder()
                .endpoint(server.url()).model("m").concurrency(2).requests(200).seconds(3).shape("8:4")
                .set(Settings.BACKOFF, Boolean.toString(backoff)).set(Settings.PROGRESS_SECONDS, "0")
                .outputDirectory(dir).layer())));
        List<String> log = new ArrayList<>();
        return PlanRunner.run(plan, log::add).get(0).result();
    }

    @Test
    void withBackoffEachVirtualUserWaitsWhatRetryAfterSays() throws Exception {
        try (LoopbackServer server = LoopbackServer.always(LIMITED)) {
            BenchmarkResult r = runPlan(server, true);

            // 2 users, Retry-After 1 s, 3 s: about 3 requests each; far from the 200 allowed.
            assertThat(r.counts().measured()).isBetween(2L, 12L);
            assertThat(r.counts().rateLimited()).isEqualTo(r.counts().measured());
            RateLimits.Backoff b = r.rateLimits().backoff();
            assertThat(b).as("backoff reported").isNotNull();
            assertThat(b.pauses()).isGreaterThanOrEqualTo(2);
            assertThat(b.totalMs()).as("2 users held back about 1 s at least once each").isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void withoutBackoffRequestsAreNotDelayed() throws Exception {
        try (LoopbackServer server = LoopbackServer.always(LIMITED)) {
            BenchmarkResult r = runPlan(server, false);

            // Held back 1 s after each, 2 users would send about 6 in 3 s; not held back, many more.
            assertThat(r.counts().measured()).isGreaterThan(20);
            assertThat(r.counts().rateLimited()).isEqualTo(r.counts().measured());
            assertThat(r.rateLimits().backoff()).as("off: nothing reported").isNull();
        }
    }

    @Test
    void timeBackedOffIsNeverLatencyClosedLoop() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(n -> n < 2 ? LIMITED : LoopbackServer.STREAMED_OK)) {
            BenchmarkResult r = benchmark(server, LoadModel.concurrency(1)).run();

            assertThat(r.counts().rateLimited()).isEqualTo(2);
            assertThat(r.counts().succeeded()).isEqualTo(4);
            assertThat(r.rateLimits().backoff().pauses()).isEqualTo(2);
            assertThat(r.rateLimits().backoff().totalMs()).isGreaterThanOrEqualTo(1900);
            assertThat(r.summary("e2e").max()).as("µs; a loopback answer, not the 2 s held back").isLessThan(900_000);
        }
    }

    @Test
    void timeBackedOffMovesTheArrivalScheduleAndIsNeitherLatencyNorQueueDelay() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(n -> n < 1 ? LIMITED : LoopbackServer.STREAMED_OK)) {
            BenchmarkResult r = benchmark(server, LoadModel.arrivalRate(10, ArrivalProcess.CONSTANT)).run();

            assertThat(r.counts().rateLimited()).isEqualTo(1);
            assertThat(r.counts().succeeded()).isEqualTo(5);
            assertThat(r.rateLimits().backoff().pauses()).isGreaterThanOrEqualTo(1);
            assertThat(r.rateLimits().backoff().totalMs()).isGreaterThanOrEqualTo(500);
            assertThat(r.summary("queue_delay").max()).as("µs").isLessThan(500_000);
            assertThat(r.summary("e2e").max()).as("µs").isLessThan(500_000);
        }
    }

    private static Benchmark benchmark(LoopbackServer server, LoadModel load) {
        return Benchmark.builder("backoff").endpoint(server.url()).model("m").load(load)
                .promptShape(RequestShape.of(8, 2)).maxRequests(6).drainTimeout(Duration.ofSeconds(10)).backoff(true).build();
    }
}
