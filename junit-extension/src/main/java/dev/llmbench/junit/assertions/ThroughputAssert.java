package dev.llmbench.junit.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a system rate over the measured window (first request's intended start to last request's end):
 * {@code output_throughput} / {@code input_throughput} in tokens/s, {@code request_rate} in successful requests/s.
 * <pre>
 * Expected output_throughput &gt;= 500 tok/s but was 312.4 tok/s (15620 output tokens of 50 successful requests over 50 s)
 * </pre>
 */
public final class ThroughputAssert extends AbstractAssert<ThroughputAssert, Double> {

    private final BenchmarkResultAssert parent;
    private final String metric;
    private final String unit;
    private final String detail;

    ThroughputAssert(BenchmarkResultAssert parent, String metric, double value, String unit, String detail) {
        super(value, ThroughputAssert.class);
        this.parent = parent;
        this.metric = metric;
        this.unit = unit;
        this.detail = detail;
        Descriptions.inherit(this, parent);
    }

    /** Strictly above {@code minimum}. */
    public ThroughputAssert isGreaterThan(double minimum) {
        if (!(actual > minimum)) fail(">", minimum);
        return this;
    }

    /** At least {@code minimum}. */
    public ThroughputAssert isAtLeast(double minimum) {
        if (!(actual >= minimum)) fail(">=", minimum);
        return this;
    }

    /** Same as {@link #isAtLeast(double)}. */
    public ThroughputAssert isGreaterThanOrEqualTo(double minimum) {
        return isAtLeast(minimum);
    }

    /** Strictly below {@code maximum} (e.g. that a rate limit held). */
    public ThroughputAssert isLessThan(double maximum) {
        if (!(actual < maximum)) fail("<", maximum);
        return this;
    }

    /** Back to the whole result. */
    public BenchmarkResultAssert and() {
        return parent;
    }

    private void fail(String operator, double limit) {
        failWithMessage("%s", "Expected " + metric + " " + operator + " " + Formats.number(limit) + " " + unit
                + " but was " + Formats.number(actual) + " " + unit + " (" + detail + ")");
    }
}
