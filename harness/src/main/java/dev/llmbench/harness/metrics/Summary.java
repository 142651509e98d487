package dev.llmbench.harness.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.util.Objects;

/**
 * The summary of one metric, computed from an HdrHistogram of the successful samples, plus the number of failed
 * requests that count as +infinity in error-adjusted percentiles.
 *
 * <p><b>Unit.</b> Every value (min, max, mean, stddev, percentiles) is in the histogram's unit, named by
 * {@link #unit()}: {@value #MICROSECONDS} for latencies (ttft, ttfo, e2e, tpot, itl, queue_delay) and
 * {@value #MILLITOKENS_PER_SECOND} for rates (output_speed, request_throughput). Percentiles are HdrHistogram's:
 * the highest value equivalent (at 3 significant digits) to the sample at nearest rank
 * {@code max(1, ceil(p/100 × count))}. With no samples, every value is 0.
 *
 * <p>{@code p50 … p999} cover the recorded (successful) samples only; {@link #errorAdjustedPercentile} adds the
 * failures. The record holds a private copy of its histogram; {@link #histogram()} returns another copy.
 *
 * @param count       samples in the histogram (successful requests, or tokens for itl)
 * @param mean        mean of the samples
 * @param stddev      population standard deviation of the samples
 * @param min         smallest sample (lowest equivalent value)
 * @param max         largest sample (highest equivalent value)
 * @param failedCount failed requests that enter {@link #errorAdjustedPercentile} as +infinity (0 for metrics that
 *                    are not per-request latencies: itl, queue_delay and the rates)
 * @param unit        the unit of every value, e.g. {@value #MICROSECONDS}
 * @param histogram   the histogram the values were computed from
 */
public record Summary(long count, double mean, double stddev, long min, long max,
                      long p50, long p90, long p95, long p99, long p999,
                      long failedCount, String unit, Histogram histogram) {

    /** Unit of latency histograms. */
    public static final String MICROSECONDS = "us";
    /** Unit of rate histograms: thousandths of a token per second. */
    public static final String MILLITOKENS_PER_SECOND = "millitokens/s";

    public Summary {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(histogram, "histogram");
        if (failedCount < 0) throw new IllegalArgumentException("failedCount must be >= 0: " + failedCount);
        histogram = histogram.copy();
    }

    /** Summarises {@code histogram} (copied) with {@code failedCount} failures. */
    public static Summary of(AbstractHistogram histogram, long failedCount, String unit) {
        Histogram h = new Histogram(histogram.getNumberOfSignificantValueDigits());
        h.add(histogram);
        long n = h.getTotalCount();
        return new Summary(n, n == 0 ? 0.0 : h.getMean(), n == 0 ? 0.0 : h.getStdDeviation(),
                n == 0 ? 0 : h.getMinValue(), n == 0 ? 0 : h.getMaxValue(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(95),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), failedCount, unit, h);
    }

    /** A copy of the histogram of the successful samples (mutating it does not affect this summary). */
    @Override
    public Histogram histogram() {
        return histogram.copy();
    }

    /** The figures without the histogram's buckets (which would drown an assertion message). */
    @Override
    public String toString() {
        return "Summary[unit=" + unit + ", count=" + count + ", mean=" + mean + ", stddev=" + stddev + ", min=" + min
                + ", max=" + max + ", p50=" + p50 + ", p90=" + p90 + ", p95=" + p95 + ", p99=" + p99 + ", p999=" + p999
                + ", failedCount=" + failedCount + "]";
    }

    /** Percentile {@code p} (0–100) of the successful samples only, as HdrHistogram computes it. */
    public long percentile(double p) {
        return histogram.getValueAtPercentile(p);
    }

    /** Successful samples plus failures: the population of {@link #errorAdjustedPercentile}. */
    public long totalWithFailures() {
        return count + failedCount;
    }

    /**
     * The error-adjusted percentile {@code p} (0 &lt; p ≤ 100): percentile {@code p} of the population made of the
     * successful samples and {@link #failedCount()} values of +infinity, so that failing requests can never make an
     * endpoint look faster.
     *
     * <p>Precisely: with {@code total = count + failedCount}, the rank is HdrHistogram's nearest rank
     * {@code r = max(1, ceil(p' × total / 100))} ({@link NearestRank#rank}), where {@code p'} is {@code p} clamped to
     * [0, 100] and lowered by one ulp (as {@link AbstractHistogram#getValueAtPercentile} does, so that p = 90 of 100
     * samples is rank 90, not 91).
     * If {@code r > count} the rank falls among the failures and the result is {@link Double#POSITIVE_INFINITY};
     * otherwise it is the r-th smallest successful sample as HdrHistogram reports it (the highest value equivalent
     * to it), in {@link #unit()}. With no failures this equals {@link #percentile(double)}. With no samples and no
     * failures it is {@link Double#NaN}.
     */
    public double errorAdjustedPercentile(double p) {
        if (Double.isNaN(p)) throw new IllegalArgumentException("p is NaN");
        long total = count + failedCount;
        if (total == 0) return Double.NaN;
        long rank = NearestRank.rank(p, total);
        if (rank > count) return Double.POSITIVE_INFINITY;
        return NearestRank.valueAtRank(histogram, rank, p == 0.0);
    }
}
