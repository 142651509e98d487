package dev.llmbench.junit.assertions;

import java.time.Duration;

/**
 * One statistic of one latency metric, as a {@link DurationMetricAssert} checks it: e.g. p90 of ttft is 912.3 ms
 * over 100 samples, 3 of them failed requests counted as +∞.
 *
 * @param metric                  the metric's name as the SLO grammar spells it: ttft, ttfo, tpot, itl, e2e, queue_delay
 * @param statistic               p50, p90, p99.9, mean, max, min
 * @param micros                  the value in microseconds; {@code +∞} when failed requests reach it, NaN when there
 *                                were no samples at all
 * @param samples                 the population: successful samples, plus the failed requests when error-adjusted
 * @param failedCountedAsInfinite failed requests in the population as +∞ (0 when not error-adjusted)
 * @param failedLeftOut           failed requests left out because {@link LatencyAssert#successfulOnly()} was asked for
 */
public record LatencyStatistic(String metric, String statistic, double micros, long samples,
                               long failedCountedAsInfinite, long failedLeftOut) {

    /** As the SLO grammar writes it: {@code p90(ttft)}, {@code mean(tpot)}. */
    public String label() {
        return statistic + "(" + metric + ")";
    }

    /** True when failed requests (+∞) reach this statistic. */
    public boolean isInfinite() {
        return micros == Double.POSITIVE_INFINITY;
    }

    /** True when there was nothing to compute it from. */
    public boolean isEmpty() {
        return Double.isNaN(micros);
    }

    /**
     * The value as a Duration (rounded to the nanosecond).
     *
     * @throws IllegalStateException when it is +∞ or there were no samples
     */
    public Duration toDuration() {
        if (!Double.isFinite(micros)) {
            throw new IllegalStateException(label() + " is " + Formats.duration(micros, Formats.TimeUnit.MILLISECONDS)
                    + ", not a duration " + sampleNote());
        }
        return Duration.ofNanos(Math.round(micros * 1_000));
    }

    /** E.g. "(100 samples, 3 failed counted as +∞)" or "(97 samples, successful requests only: 3 failed left out)". */
    public String sampleNote() {
        StringBuilder b = new StringBuilder("(").append(Formats.plural(samples, "sample"));
        if (failedCountedAsInfinite > 0) b.append(", ").append(failedCountedAsInfinite).append(" failed counted as +∞");
        if (failedLeftOut > 0) b.append(", successful requests only: ").append(failedLeftOut).append(" failed left out");
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        return label() + " = " + Formats.duration(micros, Formats.TimeUnit.readableFor(micros)) + " " + sampleNote();
    }
}
