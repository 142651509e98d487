package dev.llmbench.harness.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SummaryTest {

    static Histogram values(long from, long to) {
        Histogram h = new Histogram(3);
        for (long v = from; v <= to; v++) h.recordValue(v);
        return h;
    }

    @Test
    void summarisesTheHistogram() {
        Summary s = Summary.of(values(1, 100), 0, Summary.MICROSECONDS);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.mean()).isCloseTo(50.5, within(1e-9));
        assertThat(s.stddev()).isCloseTo(28.866, within(0.001));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p90()).isEqualTo(90);
        assertThat(s.p95()).isEqualTo(95);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.p999()).isEqualTo(100);
        assertThat(s.unit()).isEqualTo("us");
    }

    @Test
    void isAllZeroWithoutSamples() {
        Summary s = Summary.of(new Histogram(3), 0, Summary.MICROSECONDS);
        assertThat(s.count()).isZero();
        assertThat(s.mean()).isZero();
        assertThat(s.p99()).isZero();
        assertThat(s.errorAdjustedPercentile(50)).isNaN();
    }

    @Test
    void errorAdjustedPercentilesCountFailuresAsInfinity() {
        // 90 successes (1..90 us) and 10 failures: ranks 1..90 are finite, 91..100 are +infinity
        Summary s = Summary.of(values(1, 90), 10, Summary.MICROSECONDS);
        assertThat(s.totalWithFailures()).isEqualTo(100);
        assertThat(s.errorAdjustedPercentile(50)).isEqualTo(50.0);
        assertThat(s.errorAdjustedPercentile(90)).isEqualTo(90.0);
        assertThat(s.errorAdjustedPercentile(90.5)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.errorAdjustedPercentile(95)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.errorAdjustedPercentile(100)).isEqualTo(Double.POSITIVE_INFINITY);
        // the plain percentiles cover the successes only
        assertThat(s.p95()).isEqualTo(86);
    }

    @Test
    void errorAdjustedPercentilesAreInfiniteWhenEverythingFailed() {
        Summary s = Summary.of(new Histogram(3), 3, Summary.MICROSECONDS);
        assertThat(s.errorAdjustedPercentile(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.errorAdjustedPercentile(50)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void errorAdjustedPercentilesEqualHdrHistogramsWithoutFailures() {
        Random random = new Random(42);
        Histogram h = new Histogram(3);
        for (int i = 0; i < 1537; i++) h.recordValue((long) Math.exp(random.nextDouble() * 14));
        Summary s = Summary.of(h, 0, Summary.MICROSECONDS);
        for (double p : new double[] {0, 0.1, 1, 10, 25, 33.3, 50, 66.7, 75, 90, 95, 99, 99.9, 99.99, 100}) {
            assertThat(s.errorAdjustedPercentile(p)).as("p%s", p).isEqualTo((double) h.getValueAtPercentile(p));
        }
    }

    @Test
    void keepsItsOwnCopyOfTheHistogram() {
        Histogram h = values(1, 10);
        Summary s = Summary.of(h, 0, Summary.MICROSECONDS);
        h.recordValue(1_000_000);
        s.histogram().recordValue(5);
        assertThat(s.histogram().getTotalCount()).isEqualTo(10);
        assertThat(s.percentile(100)).isEqualTo(10);
    }

    @Test
    void rejectsANegativeFailedCount() {
        assertThatThrownBy(() -> Summary.of(new Histogram(3), -1, "us")).isInstanceOf(IllegalArgumentException.class);
    }
}
