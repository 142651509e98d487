package dev.llmbench.harness.metrics;

import java.util.List;
import java.util.Map;

/**
 * What the endpoint said about rate limiting, over the measured requests, and how long the run held back for it.
 *
 * @param status429            responses with HTTP 429
 * @param status503            responses with HTTP 503 (rate limiting only those with {@code Retry-After})
 * @param retryAfterCount      failures that carried a {@code Retry-After}
 * @param retryAfterMillis     the first {@link MetricsRecorder#MAX_RETRY_AFTER_VALUES} {@code Retry-After} values, in order
 * @param lastRateLimitHeaders the {@code x-ratelimit-*} headers of the last request that carried any (lower-case names)
 * @param backoff              the time the run held back after rate-limited requests ({@code llmbench.backoff}), or
 *                             null when backoff was off (the default: every request was sent as the load model said)
 */
public record RateLimits(long status429, long status503, long retryAfterCount, List<Long> retryAfterMillis,
                         Map<String, String> lastRateLimitHeaders, Backoff backoff) {

    /**
     * Time spent backing off. It is never part of a latency: a paused virtual user's next request starts its clock
     * when it is handed to the client, and a paused arrival schedule moves its later intended send times.
     *
     * @param pauses  pauses of a virtual user, or of the arrival schedule, over the whole run (warmup included)
     * @param totalMs their total length in milliseconds (summed over virtual users: 2 users paused 1 s each = 2000);
     *                a pause still running when the run ended counts up to the end
     */
    public record Backoff(long pauses, long totalMs) {
        public Backoff {
            if (pauses < 0 || totalMs < 0) throw new IllegalArgumentException("backoff pauses and totalMs must be >= 0");
        }

        /** Both added (merging results). */
        public Backoff plus(Backoff other) {
            return other == null ? this : new Backoff(pauses + other.pauses, totalMs + other.totalMs);
        }
    }

    public RateLimits {
        retryAfterMillis = List.copyOf(retryAfterMillis);
        lastRateLimitHeaders = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(lastRateLimitHeaders));
    }

    /** Without backoff. */
    public RateLimits(long status429, long status503, long retryAfterCount, List<Long> retryAfterMillis,
                      Map<String, String> lastRateLimitHeaders) {
        this(status429, status503, retryAfterCount, retryAfterMillis, lastRateLimitHeaders, null);
    }
}
