package dev.llmbench.harness.load;

import java.time.Duration;

/**
 * When a run stops, and which of its first requests are warmup.
 *
 * @param maxRequests     measured requests to send (warmup not included); 0 = no count bound
 * @param maxDuration     how long to send measured requests, from the end of warmup; zero = no time bound.
 *                        Requests in flight when it runs out finish normally (within {@link #drainTimeout})
 * @param warmupRequests  the first requests of the run that are warmup: excluded from metrics, kept in raw logs
 * @param warmupDuration  requests intended to start within this time from the run start are warmup too
 * @param drainTimeout    how long to wait for in-flight requests after the last send; they are then cancelled
 */
public record RunBounds(long maxRequests, Duration maxDuration, long warmupRequests, Duration warmupDuration,
                        Duration drainTimeout) {

    public RunBounds {
        if (maxRequests < 0) throw new IllegalArgumentException("maxRequests must be >= 0, was " + maxRequests);
        if (warmupRequests < 0) throw new IllegalArgumentException("warmupRequests must be >= 0, was " + warmupRequests);
        maxDuration = nonNegative(maxDuration, "maxDuration");
        warmupDuration = nonNegative(warmupDuration, "warmupDuration");
        drainTimeout = nonNegative(drainTimeout, "drainTimeout");
        if (maxRequests == 0 && maxDuration.isZero())
            throw new IllegalArgumentException("a run needs a bound: set maxRequests > 0 or a maxDuration");
    }

    /** {@code n} measured requests, no warmup, a 60 s drain. */
    public static RunBounds requests(long n) {
        return new RunBounds(n, Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(60));
    }

    /** Measured requests for {@code d}, no warmup, a 60 s drain. */
    public static RunBounds duration(Duration d) {
        return new RunBounds(0, d, 0, Duration.ZERO, Duration.ofSeconds(60));
    }

    public RunBounds withWarmupRequests(long n) { return new RunBounds(maxRequests, maxDuration, n, warmupDuration, drainTimeout); }
    public RunBounds withWarmupDuration(Duration d) { return new RunBounds(maxRequests, maxDuration, warmupRequests, d, drainTimeout); }
    public RunBounds withMaxRequests(long n) { return new RunBounds(n, maxDuration, warmupRequests, warmupDuration, drainTimeout); }
    public RunBounds withMaxDuration(Duration d) { return new RunBounds(maxRequests, d, warmupRequests, warmupDuration, drainTimeout); }
    public RunBounds withDrainTimeout(Duration d) { return new RunBounds(maxRequests, maxDuration, warmupRequests, warmupDuration, d); }

    private static Duration nonNegative(Duration d, String name) {
        if (d == null) return Duration.ZERO;
        if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative, was " + d);
        return d;
    }
}
