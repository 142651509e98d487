package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.llmbench.harness.metrics.Timelines.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsRecorderTest {

    static final Instant WALL = Instant.parse("2026-11-02T10:00:00Z");

    /** A recorder whose run started at ms 0 of {@link Timelines}. */
    static MetricsRecorder recorder() {
        return new MetricsRecorder(Timelines.at(0), WALL);
    }

    /** Asserts that {@code value} lies in the same 3-significant-digit bucket as {@code expected}. */
    static void assertEquivalent(Summary s, long value, long expected) {
        assertThat(s.histogram().valuesAreEquivalent(value, expected))
                .as("%d equivalent to %d at 3 significant digits", value, expected).isTrue();
    }

    @Test
    void recordsEveryMetricOfASuccessfulRequestInMicroseconds() {
        MetricsRecorder r = recorder();
        // queued 5 ms, first token at 100 ms, 5 tokens 100 ms apart, done at 500 ms
        r.record(Timelines.unsent(0).sent(5).contents(100, 100, 5).done(500));
        Map<String, Summary> m = r.snapshot().metrics();
        assertThat(m.keySet()).containsExactlyElementsOf(MetricsRecorder.METRIC_NAMES);
        assertEquivalent(m.get("ttft"), m.get("ttft").p50(), 100_000);
        assertEquivalent(m.get("ttfo"), m.get("ttfo").p50(), 100_000);
        assertEquivalent(m.get("e2e"), m.get("e2e").max(), 500_000);
        assertEquivalent(m.get("tpot"), m.get("tpot").max(), 100_000);
        assertThat(m.get("itl").count()).isEqualTo(4);
        assertEquivalent(m.get("itl"), m.get("itl").p99(), 100_000);
        assertEquivalent(m.get("queue_delay"), m.get("queue_delay").max(), 5_000);
        assertThat(m.get("output_speed").unit()).isEqualTo("millitokens/s");
        assertEquivalent(m.get("output_speed"), m.get("output_speed").max(), 10_000); // 10 tokens/s
        assertEquivalent(m.get("request_throughput"), m.get("request_throughput").max(), 10_000); // 5 tokens / 0.5 s
        assertThat(m.get("ttft").histogram().getTotalCount()).isEqualTo(1);
    }

    @Test
    void excludesWarmupFromMetricsButCountsIt() {
        MetricsRecorder r = recorder();
        r.record(Timelines.warmup(0).content(10, "a").done(20));
        r.record(Timelines.warmup(0).failed(20, FailureKind.HTTP_STATUS, "500"));
        r.record(request(0).content(100, "a").content(200, "b").done(300));
        Measurements m = r.snapshot();
        assertThat(m.counts().warmup()).isEqualTo(2);
        assertThat(m.counts().measured()).isEqualTo(1);
        assertThat(m.counts().failed()).isZero();
        assertThat(m.metrics().get("ttft").count()).isEqualTo(1);
        assertEquivalent(m.metrics().get("ttft"), m.metrics().get("ttft").p50(), 100_000);
        assertThat(m.tokens().output()).isEqualTo(2);
        assertThat(m.fidelity().outputChunks()).isEqualTo(2);
    }

    @Nested
    class Outcomes {

        MetricsRecorder r = recorder();

        Measurements recordMix() {
            r.record(request(0).content(100, "a").done(200));
            r.record(request(0).headers(10, 429, Map.of("x-ratelimit-remaining-requests", "0", "x-request-id", "r1"))
                    .failed(10, new Failure(FailureKind.RATE_LIMITED, 429, "too many requests", 2000)));
            r.record(request(0).headers(10, 503, Map.of()).failed(10, new Failure(FailureKind.RATE_LIMITED, 503, "overloaded", 500)));
            r.record(request(0).headers(10, 500, Map.of()).failed(10, new Failure(FailureKind.HTTP_STATUS, 500, "boom 1", -1)));
            r.record(request(0).headers(10, 500, Map.of()).failed(10, new Failure(FailureKind.HTTP_STATUS, 500, "boom 1", -1)));
            r.record(request(0).headers(10, 502, Map.of()).failed(10, new Failure(FailureKind.HTTP_STATUS, 502, "boom 2", -1)));
            r.record(request(0).content(100, "a").failed(150, FailureKind.CONNECTION_ERROR, "reset"));
            r.record(request(0).content(100, "a").failed(150, FailureKind.CANCELLED, "run ended"));
            r.record(request(0).content(100, "a").inFlight()); // never ended: counts as cancelled
            return r.snapshot();
        }

        @Test
        void countsEveryFailureButCancellationAsAnErrorWithRateLimitingAlsoApart() {
            Counts c = recordMix().counts();
            assertThat(c.succeeded()).isEqualTo(1);
            assertThat(c.failed()).isEqualTo(8);
            assertThat(c.measured()).isEqualTo(9);
            assertThat(c.failed(FailureKind.RATE_LIMITED)).isEqualTo(2);
            assertThat(c.failed(FailureKind.HTTP_STATUS)).isEqualTo(3);
            assertThat(c.failed(FailureKind.CONNECTION_ERROR)).isEqualTo(1);
            assertThat(c.failed(FailureKind.CANCELLED)).isEqualTo(2);
            assertThat(c.failed(FailureKind.IDLE_TIMEOUT)).isZero();
            assertThat(c.rateLimited()).isEqualTo(2);
            assertThat(c.cancelled()).isEqualTo(2);
            assertThat(c.errors()).as("3 HTTP, 1 connection and 2 rate-limited").isEqualTo(6);
            assertThat(c.errorRate()).isCloseTo(6 / 9.0, within(1e-12));
            assertThat(c.rateLimitedRate()).isCloseTo(2 / 9.0, within(1e-12));
        }

        @Test
        void letsErrorsAndRateLimitingButNotCancellationEnterLatencyPercentilesAsInfinity() {
            Measurements m = recordMix();
            assertThat(m.metrics().get("ttft").failedCount()).isEqualTo(6);
            assertThat(m.metrics().get("e2e").failedCount()).isEqualTo(6);
            assertThat(m.metrics().get("itl").failedCount()).isZero();
            assertThat(m.metrics().get("output_speed").failedCount()).isZero();
            // 1 success + 6 failures: only the lowest 1/7 is finite
            assertThat(m.metrics().get("e2e").errorAdjustedPercentile(10)).isFinite();
            assertThat(m.metrics().get("e2e").errorAdjustedPercentile(50)).isInfinite();
        }

        @Test
        void keepsTheFirstDistinctMessagesPerKind() {
            Measurements m = recordMix();
            assertThat(m.failureExamples().get(FailureKind.HTTP_STATUS)).containsExactly("boom 1", "boom 2");
            assertThat(m.failureExamples().get(FailureKind.RATE_LIMITED)).containsExactly("too many requests", "overloaded");
            assertThat(m.failureExamples()).doesNotContainKey(FailureKind.IDLE_TIMEOUT);
        }

        @Test
        void recordsRateLimitInformation() {
            RateLimits rl = recordMix().rateLimits();
            assertThat(rl.status429()).isEqualTo(1);
            assertThat(rl.status503()).isEqualTo(1);
            assertThat(rl.retryAfterCount()).isEqualTo(2);
            assertThat(rl.retryAfterMillis()).containsExactly(2000L, 500L);
            assertThat(rl.lastRateLimitHeaders()).containsExactly(Map.entry("x-ratelimit-remaining-requests", "0"));
        }
    }

    @Test
    void totalsTokensWithTheirSources() {
        MetricsRecorder r = recorder();
        r.record(request(0).content(10, "a").content(20, "b").usage(120, 7, 100).done(30));
        r.record(request(0).content(10, "a").content(20, "b").done(30)); // no usage: 2 chunks, prompt built for 100
        Measurements m = r.snapshot();
        TokenTotals t = m.tokens();
        assertThat(t.output()).isEqualTo(9);
        assertThat(t.input()).isEqualTo(220);
        assertThat(t.cached()).isEqualTo(100);
        assertThat(t.outputSources()).containsEntry(TokenSource.USAGE, 1L).containsEntry(TokenSource.CHUNK_COUNT, 1L)
                .containsEntry(TokenSource.TOKENIZER, 0L);
        assertThat(t.inputSources()).containsEntry(TokenSource.USAGE, 1L).containsEntry(TokenSource.TOKENIZER, 1L);
    }

    @Test
    void measuresSystemThroughputOverTheMeasuredWindow() {
        MetricsRecorder r = recorder();
        r.record(request(1000).contents(1100, 10, 10).usage(100, 10, 0).done(3000));
        r.record(request(2000).contents(2100, 10, 30).usage(300, 30, 0).done(5000));
        SystemThroughput tp = r.snapshot().throughput();
        // window: first t0 (1 s) to last end (5 s) = 4 s; 40 output tokens, 400 input tokens, 2 requests
        assertThat(tp.windowStart()).isEqualTo(WALL.plusSeconds(1));
        assertThat(tp.windowEnd()).isEqualTo(WALL.plusSeconds(5));
        assertThat(tp.windowSeconds()).isEqualTo(4.0);
        assertThat(tp.outputTokensPerSecond()).isEqualTo(10.0);
        assertThat(tp.inputTokensPerSecond()).isEqualTo(100.0);
        assertThat(tp.requestsPerSecond()).isEqualTo(0.5);
        assertThat(tp.goodputRequestsPerSecond()).as("no SLOs yet: absent, not estimated").isNull();
    }

    @Nested
    class TimeSeriesBins {

        @Test
        void binsCompletionsTokensInFlightAndTtftBySecondSinceTheRunStart() {
            MetricsRecorder r = recorder();
            // A: t0 0.2 s, tokens at 0.5, 1.0, 1.4 s, done 1.5 s (TTFT 300 ms)
            r.record(request(200).content(500, "a").content(1000, "b").content(1400, "c").done(1500));
            // B: t0 0.9 s, tokens at 2.1, 2.5 s, done exactly at 3.0 s (TTFT 1.2 s)
            r.record(request(900).content(2100, "a").content(2500, "b").done(3000));
            TimeSeries ts = r.snapshot().timeSeries();
            assertThat(ts.start()).isEqualTo(WALL);
            assertThat(ts.points()).containsExactly(
                    new TimeSeries.Point(0, 0, 0, 1, 2, 1, 300_000L),
                    new TimeSeries.Point(1, 1, 0, 2, 1, 0, null),
                    new TimeSeries.Point(2, 0, 0, 2, 0, 1, 1_200_000L), // B ends exactly at 3.0 s: not in flight then
                    new TimeSeries.Point(3, 1, 0, 0, 0, 0, null));
        }

        @Test
        void takesTheMedianTtftOfTheRequestsWhoseFirstTokenFellInTheSecond() {
            MetricsRecorder r = recorder();
            r.record(request(0).content(100, "a").done(2100));
            r.record(request(0).content(300, "a").done(2100));
            r.record(request(0).content(200, "a").done(2100));
            r.record(request(0).content(1200, "a").done(2100));
            List<TimeSeries.Point> points = r.snapshot().timeSeries().points();
            assertThat(points.get(0).ttftCount()).isEqualTo(3);
            assertThat(points.get(0).ttftP50Micros()).isEqualTo(200_000L);
            assertThat(points.get(1).ttftP50Micros()).isEqualTo(1_200_000L);
            assertThat(points.get(1).inFlight()).isEqualTo(4);
            assertThat(points.get(2).completions()).isEqualTo(4);
        }

        @Test
        void spreadsUsageTokensOverTheChunksThatCarriedThem() {
            MetricsRecorder r = recorder();
            r.record(request(0).content(500, "a").content(1500, "bcd").usage(1, 4, 0).done(1600));
            List<TimeSeries.Point> points = r.snapshot().timeSeries().points();
            assertThat(points.get(0).outputTokens()).isEqualTo(1);
            assertThat(points.get(1).outputTokens()).isEqualTo(3);
        }

        @Test
        void countsFailuresInTheSecondTheyEnded() {
            MetricsRecorder r = recorder();
            r.record(request(0).failed(2500, FailureKind.TOTAL_TIMEOUT, "total"));
            List<TimeSeries.Point> points = r.snapshot().timeSeries().points();
            assertThat(points).hasSize(3);
            assertThat(points.get(2).failures()).isEqualTo(1);
            assertThat(points.get(0).inFlight()).isEqualTo(1);
            assertThat(points.get(1).inFlight()).isEqualTo(1);
            assertThat(points.get(2).inFlight()).isZero();
        }
    }

    @Nested
    class MeasurementFidelity {

        @Test
        void warnsWhenTheClientIoThreadsWereBusyMoreThan70Percent() {
            MetricsRecorder r = recorder();
            r.clientIoBusy(0.85);
            Measurements m = r.snapshot();
            assertThat(m.fidelity().clientIoBusy()).isEqualTo(0.85);
            assertThat(m.warnings()).containsExactly(
                    "client I/O threads were busy 85% of the run: the load generator may have been the bottleneck");
        }

        @Test
        void doesNotWarnAtOrBelow70Percent() {
            MetricsRecorder r = recorder();
            r.clientIoBusy(0.70);
            assertThat(r.snapshot().warnings()).isEmpty();
        }

        @Test
        void hasNoIoBusyFigureUnlessTheEndpointSuppliedOne() {
            assertThat(recorder().snapshot().fidelity().clientIoBusy()).isNull();
        }

        @Test
        void reportsTheRatioOfCoalescedChunks() {
            MetricsRecorder r = recorder();
            r.record(request(0).content(100, "a").content(100, "b").content(100, "c").content(130, "d").done(130));
            r.record(request(0).contents(100, 10, 4).done(140));
            Fidelity f = r.snapshot().fidelity();
            assertThat(f.outputChunks()).isEqualTo(8);
            assertThat(f.coalescedChunks()).isEqualTo(2);
            assertThat(f.coalescedChunkRatio()).isEqualTo(0.25);
        }
    }

    @Test
    void snapshotsSafelyFromAnotherThreadWhileRecording() throws Exception {
        MetricsRecorder r = recorder();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    Measurements m = r.snapshot();
                    assertThat(m.metrics().get("ttft").count()).isEqualTo(m.counts().succeeded());
                }
            } catch (Throwable t) {
                error.set(t);
            }
        });
        reader.start();
        for (int i = 0; i < 20_000; i++) r.record(request(i % 5000).content(i % 5000 + 50, "a").content(i % 5000 + 70, "b").done(i % 5000 + 90));
        reader.join();
        assertThat(error.get()).isNull();
        assertThat(r.snapshot().counts().succeeded()).isEqualTo(20_000);
    }
}
