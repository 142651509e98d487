package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.FailureKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Requests by outcome. Warmup requests are counted apart ({@link #warmup()}) and in nothing else.
 *
 * <p><b>Errors.</b> A request that failed is an error, whatever the reason: every {@link FailureKind} except
 * {@link FailureKind#CANCELLED} (the run's duration bound or an interruption cut it off; the endpoint did not fail
 * it). Rate-limited requests ({@link FailureKind#RATE_LIMITED}: 429, and 503 with {@code Retry-After}) are errors
 * too — an endpoint that refuses every request never meets {@code error_rate < 1%} — and are also counted apart
 * ({@link #rateLimited()}, {@code rate_limited_rate}). Every error enters the error-adjusted latency percentiles as
 * +infinity ({@link #failuresCountedAsInfinite()}).
 *
 * @param succeeded    measured requests that ended normally
 * @param failedByKind measured failed requests by kind; every kind is present (0 when none)
 * @param warmup       warmup requests (any outcome), excluded from every metric
 * @param missingDone  of the succeeded requests, streams that were a complete answer (a {@code finish_reason} and the
 *                     usage) but ended without {@code data: [DONE]}; they fail instead with {@code llmbench.strictSse}
 * @param reconnects   measured requests (any outcome) sent a second time on a fresh connection because their kept-alive
 *                     connection was closed before any response byte came back (the request provably never reached the
 *                     server); the reconnect's cost stays in their latency
 */
public record Counts(long succeeded, Map<FailureKind, Long> failedByKind, long warmup, long missingDone, long reconnects) {

    /** Counts without reconnected requests. */
    public Counts(long succeeded, Map<FailureKind, Long> failedByKind, long warmup, long missingDone) {
        this(succeeded, failedByKind, warmup, missingDone, 0);
    }

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

    /** Requests refused by rate limiting (429, or 503 with Retry-After); a part of {@link #errors()}. */
    public long rateLimited() {
        return failed(FailureKind.RATE_LIMITED);
    }

    /** Requests the run cut off (not the endpoint's fault). */
    public long cancelled() {
        return failed(FailureKind.CANCELLED);
    }

    /** Errors: every failure except cancellation, rate-limited requests included. */
    public long errors() {
        return failed() - cancelled();
    }

    /** Failures that enter error-adjusted latency percentiles as +infinity: the {@link #errors()}. */
    public long failuresCountedAsInfinite() {
        return errors();
    }

    /** True when requests were measured and not one of them succeeded: nothing the run measured is a latency. */
    public boolean allFailed() {
        return measured() > 0 && succeeded == 0;
    }

    /** Error rate: errors (rate-limited included) / measured requests (0 when nothing was measured); a fraction. */
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
        return new Counts(succeeded + other.succeeded, sum, warmup + other.warmup, missingDone + other.missingDone,
                reconnects + other.reconnects);
    }
}
