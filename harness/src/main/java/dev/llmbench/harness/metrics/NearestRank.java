package dev.llmbench.harness.metrics;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The one percentile definition of llmbench: the nearest rank, exactly as HdrHistogram computes it, so that a
 * percentile of exact samples, of a histogram, and of a histogram with failures added (error-adjusted) agree.
 *
 * <p>Percentile {@code p} (0–100) of {@code n} values is the value at rank {@code max(1, ceil(p' × n / 100))},
 * where {@code p'} is {@code p} clamped to [0, 100] and lowered by one ulp (as
 * {@link AbstractHistogram#getValueAtPercentile} does, so that p = 90 of 100 samples is rank 90, not 91).
 * Stateless and thread-safe.
 */
public final class NearestRank {

    private NearestRank() {
    }

    /** The 1-based rank of percentile {@code p} (0–100) among {@code n ≥ 1} values. */
    public static long rank(double p, long n) {
        if (Double.isNaN(p)) throw new IllegalArgumentException("p is NaN");
        double clamped = Math.min(Math.max(Math.nextAfter(p, Double.NEGATIVE_INFINITY), 0.0), 100.0);
        return Math.min(n, Math.max(1, (long) Math.ceil(clamped * n / 100.0)));
    }

    /**
     * The {@code rank}-th smallest recorded value (1-based) as HdrHistogram reports it: the highest value equivalent
     * to it (the lowest for p = 0, as HdrHistogram does), in the histogram's unit; the maximum when the rank is
     * beyond the count.
     */
    public static long valueAtRank(AbstractHistogram h, long rank, boolean lowest) {
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return lowest ? h.lowestEquivalentValue(v.getValueIteratedTo()) : h.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return h.getMaxValue();
    }

    /** Percentile {@code p} of the first {@code count ≥ 1} values of {@code sorted} (ascending): exact, no buckets. */
    public static long ofSorted(long[] sorted, int count, double p) {
        if (count < 1) throw new IllegalArgumentException("no values");
        return sorted[(int) rank(p, count) - 1];
    }
}
