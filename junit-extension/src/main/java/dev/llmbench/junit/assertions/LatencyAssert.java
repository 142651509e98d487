package dev.llmbench.junit.assertions;

import dev.llmbench.harness.metrics.Summary;
import org.assertj.core.api.AbstractAssert;

import java.math.BigDecimal;

/**
 * Assertions on one latency metric (ttft, ttfo, tpot, itl, e2e, queue_delay): pick a statistic, then compare it.
 * <pre>{@code
 * assertThat(result).ttft().p90().isLessThan(Duration.ofMillis(800));
 * assertThat(result).tpot().mean().isLessThanOrEqualTo(Duration.ofMillis(40));
 * assertThat(result).e2e().successfulOnly().p99().isLessThan(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p><b>Failures count.</b> By default statistics are error-adjusted, as DESIGN.md and the SLO grammar define them:
 * every failed request (errors and rate-limited requests; not requests the run itself cut off) enters the population
 * as +∞, so a failing endpoint can never look faster. A percentile that the failures reach is +∞ and fails every
 * upper bound, and so is the max as soon as one request failed. The mean has no +∞ to take: it is always the mean of
 * the successful requests, and its message says how many failed requests it leaves out (exactly as the SLO grammar's
 * {@code mean(…)}). {@link #successfulOnly()} looks at the successful requests alone for every statistic. itl and
 * queue_delay are per-token / per-send figures of successful requests and carry no failures, so for them both views
 * agree.
 */
public final class LatencyAssert extends AbstractAssert<LatencyAssert, Summary> {

    private final BenchmarkResultAssert parent;
    private final String metric;
    private final boolean errorAdjusted;

    LatencyAssert(BenchmarkResultAssert parent, String metric, Summary summary, boolean errorAdjusted) {
        super(summary, LatencyAssert.class);
        this.parent = parent;
        this.metric = metric;
        this.errorAdjusted = errorAdjusted;
        if (parent != null) Descriptions.inherit(this, parent);
    }

    /** The same metric over the successful requests only: failed requests are left out instead of counting as +∞. */
    public LatencyAssert successfulOnly() {
        LatencyAssert a = new LatencyAssert(parent, metric, actual, false);
        Descriptions.inherit(a, this);
        return a;
    }

    /** Percentile {@code p} (0–100), e.g. {@code percentile(99.9)}. */
    public DurationMetricAssert percentile(double p) {
        if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("percentile must be within [0, 100]: " + p);
        double value;
        if (errorAdjusted) value = actual.errorAdjustedPercentile(p);
        else value = actual.count() == 0 ? Double.NaN : actual.percentile(p);
        return statistic("p" + percentileName(p), value);
    }

    public DurationMetricAssert p50() {
        return percentile(50);
    }

    public DurationMetricAssert p90() {
        return percentile(90);
    }

    public DurationMetricAssert p95() {
        return percentile(95);
    }

    public DurationMetricAssert p99() {
        return percentile(99);
    }

    public DurationMetricAssert p999() {
        return percentile(99.9);
    }

    /** The mean of the successful samples (failed requests are left out, and the message says how many). */
    public DurationMetricAssert mean() {
        return statistic("mean", actual.count() == 0 ? Double.NaN : actual.mean(), false);
    }

    /** The largest value; +∞ when error-adjusted and any request failed. */
    public DurationMetricAssert max() {
        return statistic("max", withFailures(actual.max()));
    }

    /** The smallest value (of the successful samples; +∞ only when every request failed). */
    public DurationMetricAssert min() {
        double v = actual.count() > 0 ? actual.min()
                : errorAdjusted && actual.failedCount() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return statistic("min", v);
    }

    /** Back to the whole result, for chaining: {@code .ttft().p90().isLessThan(a).and().tpot()…}. */
    public BenchmarkResultAssert and() {
        return parent;
    }

    private double withFailures(double successfulValue) {
        if (errorAdjusted && actual.failedCount() > 0) return Double.POSITIVE_INFINITY;
        return actual.count() == 0 ? Double.NaN : successfulValue;
    }

    private DurationMetricAssert statistic(String name, double micros) {
        return statistic(name, micros, errorAdjusted);
    }

    private DurationMetricAssert statistic(String name, double micros, boolean failuresIncluded) {
        LatencyStatistic s = new LatencyStatistic(metric, name, micros,
                failuresIncluded ? actual.totalWithFailures() : actual.count(),
                failuresIncluded ? actual.failedCount() : 0,
                failuresIncluded ? 0 : actual.failedCount());
        DurationMetricAssert a = new DurationMetricAssert(s, this);
        Descriptions.inherit(a, this);
        return a;
    }

    static String percentileName(double p) {
        return new BigDecimal(Double.toString(p)).stripTrailingZeros().toPlainString();
    }
}
