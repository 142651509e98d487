package dev.llmbench.junit.assertions;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a fraction of the measured requests: {@code error_rate} (errors: every failed request, rate-limited
 * ones included; not requests the run cut off) or {@code rate_limited_rate} (429, or 503 with Retry-After). Limits are fractions,
 * not percentages: {@code isLessThan(0.01)} means below 1%.
 * <pre>
 * Expected error_rate &lt; 1% but was 3% (3 errors of 100 measured requests: HTTP_STATUS 2, PROTOCOL_ERROR 1)
 * </pre>
 * A run that measured no request fails every ratio assertion: 0 of 0 vouches for nothing.
 */
public final class RatioAssert extends AbstractAssert<RatioAssert, Double> {

    private final BenchmarkResultAssert parent;
    private final String metric;
    private final long numerator;
    private final String noun;
    private final long measured;
    private final String breakdown;

    RatioAssert(BenchmarkResultAssert parent, String metric, long numerator, String noun, long measured, String breakdown) {
        super(measured == 0 ? Double.NaN : (double) numerator / measured, RatioAssert.class);
        this.parent = parent;
        this.metric = metric;
        this.numerator = numerator;
        this.noun = noun;
        this.measured = measured;
        this.breakdown = breakdown;
        Descriptions.inherit(this, parent);
    }

    /** Strictly below {@code fraction} (0–1). */
    public RatioAssert isLessThan(double fraction) {
        check(fraction);
        if (!(actual < fraction)) fail("< " + Formats.percent(fraction));
        return this;
    }

    /** At most {@code fraction} (0–1). */
    public RatioAssert isAtMost(double fraction) {
        check(fraction);
        if (!(actual <= fraction)) fail("<= " + Formats.percent(fraction));
        return this;
    }

    /** Same as {@link #isAtMost(double)}. */
    public RatioAssert isLessThanOrEqualTo(double fraction) {
        return isAtMost(fraction);
    }

    /** None at all. */
    public RatioAssert isZero() {
        if (!(actual == 0)) fail("= 0%");
        return this;
    }

    /** Back to the whole result. */
    public BenchmarkResultAssert and() {
        return parent;
    }

    private void fail(String expectation) {
        String was = measured == 0 ? "no requests were measured"
                : "was " + Formats.percent(actual) + " (" + Formats.plural(numerator, noun) + " of "
                  + Formats.plural(measured, "measured request") + (breakdown.isEmpty() ? "" : ": " + breakdown) + ")";
        failWithMessage("%s", "Expected " + metric + " " + expectation + " but " + was);
    }

    private void check(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(metric + " limits are fractions in [0, 1] (0.01 = 1%): " + fraction);
        }
    }
}
