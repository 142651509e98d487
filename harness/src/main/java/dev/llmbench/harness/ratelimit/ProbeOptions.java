package dev.llmbench.harness.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RateLimitProbe} ramps.
 *
 * @param startRequestsPerSecond the first step's offered rate, requests per second, in (0, 1e6]
 * @param growthFactor           each step's rate is the previous one's times this, &gt; 1 (1.5: +50 % a step)
 * @param maxRequestsPerSecond   the highest rate offered (the last step is clamped to it), at least the start rate
 * @param stepDuration           how long each step offers load (its request count is rate × this, at least 1)
 * @param maxLimitedShare        a step whose share of 429/503 answers exceeds this fraction, in [0, 1), is rate limited
 * @param timeBudget             no step starts once this much time has passed since the probe began
 */
public record ProbeOptions(double startRequestsPerSecond, double growthFactor, double maxRequestsPerSecond,
                           Duration stepDuration, double maxLimitedShare, Duration timeBudget) {

    public ProbeOptions {
        Objects.requireNonNull(stepDuration, "stepDuration");
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (!(startRequestsPerSecond > 0 && startRequestsPerSecond <= 1e6))
            throw new IllegalArgumentException("startRequestsPerSecond must be in (0, 1e6], got " + startRequestsPerSecond);
        if (!(growthFactor > 1 && growthFactor < 100))
            throw new IllegalArgumentException("growthFactor must be in (1, 100), got " + growthFactor);
        if (!(maxRequestsPerSecond >= startRequestsPerSecond && maxRequestsPerSecond <= 1e6))
            throw new IllegalArgumentException("maxRequestsPerSecond must be in [startRequestsPerSecond, 1e6], got " + maxRequestsPerSecond);
        if (stepDuration.isNegative() || stepDuration.isZero())
            throw new IllegalArgumentException("stepDuration must be > 0, got " + stepDuration);
        if (!(maxLimitedShare >= 0 && maxLimitedShare < 1))
            throw new IllegalArgumentException("maxLimitedShare must be in [0, 1), got " + maxLimitedShare);
        if (timeBudget.isNegative() || timeBudget.isZero())
            throw new IllegalArgumentException("timeBudget must be > 0, got " + timeBudget);
    }

    /** From {@code startRequestsPerSecond} up to {@code maxRequestsPerSecond}: ×1.5 a step, 5 s steps, 5 % limited share, 10 min budget. */
    public static ProbeOptions between(double startRequestsPerSecond, double maxRequestsPerSecond) {
        return new ProbeOptions(startRequestsPerSecond, 1.5, maxRequestsPerSecond, Duration.ofSeconds(5), 0.05, Duration.ofMinutes(10));
    }

    public ProbeOptions withStepDuration(Duration d) {
        return new ProbeOptions(startRequestsPerSecond, growthFactor, maxRequestsPerSecond, d, maxLimitedShare, timeBudget);
    }

    public ProbeOptions withTimeBudget(Duration d) {
        return new ProbeOptions(startRequestsPerSecond, growthFactor, maxRequestsPerSecond, stepDuration, maxLimitedShare, d);
    }

    public ProbeOptions withMaxLimitedShare(double share) {
        return new ProbeOptions(startRequestsPerSecond, growthFactor, maxRequestsPerSecond, stepDuration, share, timeBudget);
    }
}
