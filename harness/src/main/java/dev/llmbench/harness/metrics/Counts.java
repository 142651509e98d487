package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.FailureKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Requests by outcome. Warmup requests are counted apart ({@link #warmup()}) and in nothing else.
 *
 * <p>Rate limiting ({@link FailureKind#RATE_LIMITED}) is counted apart from errors, and so are requests the run
 * cut off ({@link FailureKind#CANCELLED}: the duration bound or an interruption ended them, the endpoint did not
 * fail them).
 *
 * @param succeeded    measured requests that ended normally
 * @param failedByKind measured failed requests by kind; every kind is present (0 when none)
 * @param warmup       warmup requests (any outcome), excluded from every metric
 * @param missingDone  of the succeeded requests, streams that were a complete answer (a {@code finish_reason} and the
 *                     usage) but ended without {@code data: [DONE]}; they fail instead with {@code llmbench.strictSse}
 */
public record Counts(long succeeded, Map<FailureKind, Long> failedByKind, long warmup, long missingDone) {

    /** Counts without streams that missed their final event. */
    public Counts(long succeeded, Map<FailureKind, Long> failedByKind, long warmup) {
        this(succeeded, failedByKind, warmup, 0);
    }

    public Counts {
        EnumMap<FailureKind, Long> all = new EnumMap<>(FailureKind.class);
        for (FailureKind k : FailureKind.values()) all.put(k, 0L);
        if (failedByKind != null) {
            failedByKind.forEach((k, v) -> all.put(k, v == null ? 0L : v));
        }
        failedByKind = Collections.unmodifiableMap(all);
    }

    /** Failed requests of one kind. */
    public long failed(FailureKind kind) {
        return failedByKind.get(kind);
    }

    /** Measured failed requests of every kind. */
    public long failed() {
        return failedByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Measured requests: succeeded + failed (warmup excluded). */
    public long measured() {
        return succeeded + failed();
    }

    /** Requests refused by rate limiting (429, or 503 with Retry-After). */
    public long rateLimited() {
        return failed(FailureKind.RATE_LIMITED);
    }

    /** Requests the run cut off (not the endpoint's fault). */
    public long cancelled() {
        return failed(FailureKind.CANCELLED);
    }

    /** Errors: failures other than rate limiting and cancellation. */
    public long errors() {
        return failed() - rateLimited() - cancelled();
    }

    /** Failures that enter error-adjusted latency percentiles as +infinity: errors and rate-limited requests. */
    public long failuresCountedAsInfinite() {
        return errors() + rateLimited();
    }

    /** Error rate: errors / measured requests (0 when nothing was measured); a fraction, not a percentage. */
    public double errorRate() {
        long m = measured();
        return m == 0 ? 0.0 : (double) errors() / m;
    }

    /** Rate-limited requests / measured requests (0 when nothing was measured). */
    public double rateLimitedRate() {
        long m = measured();
        return m == 0 ? 0.0 : (double) rateLimited() / m;
    }

    /** Adds two counts (for merging results). */
    public Counts plus(Counts other) {
        EnumMap<FailureKind, Long> sum = new EnumMap<>(failedByKind);
        other.failedByKind.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new Counts(succeeded + other.succeeded, sum, warmup + other.warmup, missingDone + other.missingDone);
    }
}
