package dev.llmbench.harness.metrics;

import java.util.List;
import java.util.Map;

/**
 * What the endpoint said about rate limiting, over the measured requests.
 *
 * @param status429            responses with HTTP 429
 * @param status503            responses with HTTP 503
 * @param retryAfterCount      failures that carried a {@code Retry-After}
 * @param retryAfterMillis     the first {@link MetricsRecorder#MAX_RETRY_AFTER_VALUES} {@code Retry-After} values, in order
 * @param lastRateLimitHeaders the {@code x-ratelimit-*} headers of the last request that carried any (lower-case names)
 */
public record RateLimits(long status429, long status503, long retryAfterCount, List<Long> retryAfterMillis,
                         Map<String, String> lastRateLimitHeaders) {

    public RateLimits {
        retryAfterMillis = List.copyOf(retryAfterMillis);
        lastRateLimitHeaders = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(lastRateLimitHeaders));
    }
}
