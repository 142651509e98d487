package dev.llmbench.harness.result;

import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.Timelines;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultMergerTest {

    static final Instant A_START = Fixtures.START;
    static final Instant B_START = Fixtures.START.plusSeconds(2);

    @Test
    void addsHistogramsExactly() {
        BenchmarkResult a = Fixtures.result("chat", A_START, 1.0, 30);
        BenchmarkResult b = Fixtures.result("chat", B_START, 3.0, 50);
        BenchmarkResult merged = ResultMerger.merge(a, b);

        // a histogram recorded with every value of both runs
        MetricsRecorder all = Fixtures.recorder(A_START, 1.0, 30);
        MetricsRecorder other = Fixtures.recorder(B_START, 3.0, 50);
        for (String metric : MetricsRecorder.METRIC_NAMES) {
            Histogram expected = new Histogram(3);
            expected.add(all.snapshot().metrics().get(metric).histogram());
            expected.add(other.snapshot().metrics().get(metric).histogram());
            Summary s = merged.summary(metric);
            assertThat(merged.histogram(metric)).as(metric).isEqualTo(expected);
            assertThat(s.count()).as(metric).isEqualTo(expected.getTotalCount());
            for (double p : new double[] {50, 90, 95, 99, 99.9}) {
                assertThat(s.percentile(p)).as("%s p%s", metric, p).isEqualTo(expected.getValueAtPercentile(p));
            }
            assertThat(s).isEqualTo(Summary.of(expected, a.summary(metric).failedCount() + b.summary(metric).failedCount(), s.unit()));
        }
        assertThat(merged.summary("ttft").count()).isEqualTo(80);
        assertThat(merged.summary("ttft").failedCount()).isEqualTo(4);
        assertThat(merged.summary("ttft").p50()).isEqualTo(Summary.of(expectedTtft(), 0, "us").p50());
    }

    /** TTFT recorded value by value, independently of the recorder: (80 + i % 7) ms × scale, rounded to µs. */
    static Histogram expectedTtft() {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 30; i++) h.recordValue(Math.round((80 + i % 7) * 1.0 * 1000));
        for (int i = 0; i < 50; i++) h.recordValue(Math.round((80 + i % 7) * 3.0 * 1000));
        return h;
    }

    @Test
    void sumsCountsAndTokensAndSpansBothRuns() {
        BenchmarkResult a = Fixtures.result("chat", A_START, 1.0, 30);
        BenchmarkResult b = Fixtures.result("chat", B_START, 3.0, 50).withPartial("interrupted");
        BenchmarkResult m = ResultMerger.merge(a, b);
        assertThat(m.counts()).isEqualTo(a.counts().plus(b.counts()));
        assertThat(m.counts().succeeded()).isEqualTo(80);
        assertThat(m.counts().warmup()).isEqualTo(2);
        assertThat(m.tokens().output()).isEqualTo(480);
        assertThat(m.tokens()).isEqualTo(a.tokens().plus(b.tokens()));
        assertThat(m.metadata().startTime()).isEqualTo(A_START);
        assertThat(m.metadata().endTime()).isEqualTo(B_START.plusSeconds(5));
        assertThat(m.partial()).isTrue();
        assertThat(m.metadata().partialReason()).isEqualTo("interrupted");
        assertThat(m.throughput().windowStart()).isEqualTo(a.throughput().windowStart());
        assertThat(m.throughput().windowEnd()).isEqualTo(b.throughput().windowEnd());
        assertThat(m.throughput().outputTokensPerSecond()).isEqualTo(480 / m.throughput().windowSeconds());
        assertThat(m.fidelity().coalescedChunks()).isEqualTo(80);
        assertThat(m.rateLimits().status429()).isEqualTo(2);
        assertThat(m.warnings()).hasSize(1);
        assertThat(m.configuration()).isEqualTo(a.configuration());
    }

    @Test
    void alignsTimeSeriesByWallClockSecond() {
        MetricsRecorder ra = new MetricsRecorder(Timelines.at(0), A_START);
        ra.record(Timelines.request(0).content(100, "a").done(500));     // a's second 0
        ra.record(Timelines.request(0).content(100, "a").done(2500));    // a's second 2
        MetricsRecorder rb = new MetricsRecorder(Timelines.at(0), B_START);
        rb.record(Timelines.request(0).content(300, "a").done(500));     // b's second 0 = a's second 2
        BenchmarkResult a = BenchmarkResult.of(meta(A_START), BenchmarkConfiguration.empty(), ra.snapshot());
        BenchmarkResult b = BenchmarkResult.of(meta(B_START), BenchmarkConfiguration.empty(), rb.snapshot());

        TimeSeries ts = ResultMerger.merge(a, b).timeSeries();
        assertThat(ts.start()).isEqualTo(A_START);
        assertThat(ts.points()).extracting(TimeSeries.Point::completions).containsExactly(1L, 0L, 2L);
        assertThat(ts.points()).extracting(TimeSeries.Point::inFlight).containsExactly(1L, 1L, 0L);
        assertThat(ts.points().get(2).ttftCount()).isEqualTo(1);
        assertThat(ts.points().get(2).ttftP50Micros()).isEqualTo(300_000L);
    }

    @Test
    void refusesResultsOfDifferentBenchmarks() {
        assertThatThrownBy(() -> ResultMerger.merge(Fixtures.result("chat", A_START, 1, 3), Fixtures.result("completion", A_START, 1, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'chat'").hasMessageContaining("'completion'");
    }

    @Test
    void refusesDifferentConfigurationsNamingTheFirstDifferingKey() {
        BenchmarkResult a = Fixtures.result("chat", A_START, 1, 3);
        Map<String, Object> config = new LinkedHashMap<>(Fixtures.configuration());
        config.put("endpoint", Map.of("url", "https://other.example.com/v1"));
        config.put("concurrency", 50);
        BenchmarkResult b = new BenchmarkResult(a.metadata(), BenchmarkConfiguration.fromPlainValues(config), a.measurements(), List.of(), null);
        assertThatThrownBy(() -> ResultMerger.merge(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'endpoint.url'");
    }

    @Test
    void dropsSloVerdictsAndCostWhichMustBeEvaluatedAgain() {
        BenchmarkResult a = Fixtures.rich();
        BenchmarkResult m = ResultMerger.merge(a, a);
        assertThat(m.sloVerdicts()).isEmpty();
        assertThat(m.cost()).isNull();
        assertThat(m.summary("e2e").count()).isEqualTo(2 * a.summary("e2e").count());
    }

    static RunMetadata meta(Instant start) {
        return new RunMetadata("ts", start, start.plusSeconds(3), "dev", null, "17", "v", "h", "Linux", "6", "amd64", 2, false, null);
    }
}
