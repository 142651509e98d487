package dev.llmbench.harness.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds and thresholds of a capacity search.
 *
 * @param maxConcurrency          highest concurrency tried (≥ 1); the geometric ascent ends at it
 * @param resolution              bisection stops when first failing − last passing ≤ this (≥ 1)
 * @param maxErrorRate            a step whose error rate exceeds this (0–1) fails and stops the search
 * @param timeBudget              no step starts once this much time has passed (steps are not cut short)
 * @param saturationThroughputGain over-saturation: a passing step whose output tokens/s rose by less than this
 *                                fraction over the previous step's …
 * @param saturationLatencyRise   … while its TTFT p90 rose by more than this fraction stops the ascent
 */
public record SearchOptions(int maxConcurrency, int resolution, double maxErrorRate, Duration timeBudget,
                            double saturationThroughputGain, double saturationLatencyRise) {

    public SearchOptions {
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1: " + maxConcurrency);
        if (resolution < 1) throw new IllegalArgumentException("resolution must be >= 1: " + resolution);
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1))
            throw new IllegalArgumentException("maxErrorRate must be in 0..1: " + maxErrorRate);
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero())
            throw new IllegalArgumentException("timeBudget must be > 0: " + timeBudget);
        if (!(saturationThroughputGain >= 0)) throw new IllegalArgumentException("saturationThroughputGain must be >= 0");
        if (!(saturationLatencyRise >= 0)) throw new IllegalArgumentException("saturationLatencyRise must be >= 0");
    }

    /**
     * Up to {@code maxConcurrency} users, resolution 1, at most 5 % errors, a 30-minute budget; over-saturated when
     * throughput rises by less than 3 % while TTFT p90 rises by more than 10 %.
     */
    public static SearchOptions upTo(int maxConcurrency) {
        return new SearchOptions(maxConcurrency, 1, 0.05, Duration.ofMinutes(30), 0.03, 0.10);
    }

    public SearchOptions withResolution(int r) {
        return new SearchOptions(maxConcurrency, r, maxErrorRate, timeBudget, saturationThroughputGain, saturationLatencyRise);
    }

    public SearchOptions withMaxErrorRate(double e) {
        return new SearchOptions(maxConcurrency, resolution, e, timeBudget, saturationThroughputGain, saturationLatencyRise);
    }

    public SearchOptions withTimeBudget(Duration d) {
        return new SearchOptions(maxConcurrency, resolution, maxErrorRate, d, saturationThroughputGain, saturationLatencyRise);
    }
}
