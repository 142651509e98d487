package dev.llmbench.junit.assertions;

import org.assertj.core.api.AbstractAssert;

import java.time.Duration;
import java.util.Objects;

/**
 * Compares one latency statistic ({@link LatencyStatistic}) with a {@link Duration}. Failure messages name the
 * statistic, the metric, the limit, the measured value in the same unit and the sample count:
 * <pre>
 * Expected p90(ttft) &lt; 800 ms but was 912.3 ms (100 samples, 3 failed counted as +∞)
 * </pre>
 * No samples at all fails every comparison: there is nothing to vouch for.
 */
public final class DurationMetricAssert extends AbstractAssert<DurationMetricAssert, LatencyStatistic> {

    private final LatencyAssert parent;

    DurationMetricAssert(LatencyStatistic statistic, LatencyAssert parent) {
        super(statistic, DurationMetricAssert.class);
        this.parent = parent;
    }

    /** Strictly below {@code limit}. */
    public DurationMetricAssert isLessThan(Duration limit) {
        double l = limit(limit, "limit");
        check(actual.micros() < l, "<", limit);
        return this;
    }

    /** At most {@code limit}. */
    public DurationMetricAssert isLessThanOrEqualTo(Duration limit) {
        double l = limit(limit, "limit");
        check(actual.micros() <= l, "<=", limit);
        return this;
    }

    /** Strictly above {@code limit}. */
    public DurationMetricAssert isGreaterThan(Duration limit) {
        double l = limit(limit, "limit");
        check(actual.micros() > l, ">", limit);
        return this;
    }

    /** At least {@code limit}. */
    public DurationMetricAssert isGreaterThanOrEqualTo(Duration limit) {
        double l = limit(limit, "limit");
        check(actual.micros() >= l, ">=", limit);
        return this;
    }

    /** Within [{@code low}, {@code high}], both ends included (as AssertJ's {@code isBetween}). */
    public DurationMetricAssert isBetween(Duration low, Duration high) {
        double lo = limit(low, "low");
        double hi = limit(high, "high");
        if (lo > hi) throw new IllegalArgumentException("low (" + Formats.duration(low) + ") must not exceed high ("
                + Formats.duration(high) + ")");
        double v = actual.micros();
        if (!(v >= lo && v <= hi)) {
            Formats.TimeUnit u = Formats.TimeUnit.readableFor(hi);
            fail("Expected " + actual.label() + " between " + Formats.duration(lo, u) + " and " + Formats.duration(hi, u)
                    + " (inclusive) but " + was(u, v < lo ? lo : hi));
        }
        return this;
    }

    /** Back to the metric, to check another statistic: {@code .ttft().p50().isLessThan(a).and().p99()…}. */
    public LatencyAssert and() {
        return parent;
    }

    private void check(boolean ok, String operator, Duration limit) {
        if (ok) return;
        double l = Formats.micros(limit);
        Formats.TimeUnit u = Formats.TimeUnit.readableFor(l);
        fail("Expected " + actual.label() + " " + operator + " " + Formats.duration(l, u) + " but " + was(u, l));
    }

    private String was(Formats.TimeUnit u, double limitMicros) {
        if (actual.isEmpty()) {
            return "there were no samples " + actual.sampleNote();
        }
        String s = "was " + Formats.durationDistinctFrom(actual.micros(), limitMicros, u) + " " + actual.sampleNote();
        if (actual.isInfinite()) {
            s += ": the failed requests reach this statistic; successfulOnly() would leave them out";
        }
        return s;
    }

    private void fail(String message) {
        failWithMessage("%s", message);
    }

    private static double limit(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative: " + d);
        return Formats.micros(d);
    }
}
