package dev.llmbench.harness.ratelimit;

import dev.llmbench.harness.result.BenchmarkResult;
import java.util.Map;

/**
 * One step of a rate-limit probe. Per-minute figures are over the step's offered span: the requests sent divided by
 * the offered rate (a constant arrival schedule spans exactly that).
 *
 * @param offeredRequestsPerSecond  the step's constant arrival rate
 * @param sentRequests              measured requests sent
 * @param admittedRequests          of them, those that succeeded
 * @param limitedRequests           of them, those answered 429 or 503
 * @param tokensPerRequest          prompt + output tokens of an admitted request (mean; carried from an earlier step when
 *                                  none was admitted; 0 when never known)
 * @param lastRateLimitHeaders      the {@code x-ratelimit-*} headers last seen in the step (server text, lower-case names)
 */
public record ProbeStep(double offeredRequestsPerSecond, long sentRequests, long admittedRequests, long limitedRequests,
                        double tokensPerRequest, Map<String, String> lastRateLimitHeaders) {

    public ProbeStep {
        lastRateLimitHeaders = Map.copyOf(lastRateLimitHeaders);
    }

    /** The step's figures from its benchmark result; {@code previousTokensPerRequest} when nothing was admitted. */
    static ProbeStep of(double requestsPerSecond, BenchmarkResult r, double previousTokensPerRequest) {
        long admitted = r.counts().succeeded();
        long limited = r.rateLimits().status429() + r.rateLimits().status503();
        double tokens = admitted == 0 ? previousTokensPerRequest : (r.tokens().input() + r.tokens().output()) / (double) admitted;
        return new ProbeStep(requestsPerSecond, r.counts().measured(), admitted, limited, tokens, r.rateLimits().lastRateLimitHeaders());
    }

    /** 429/503 answers / sent requests (0 when none sent); a fraction. */
    public double limitedShare() {
        return sentRequests == 0 ? 0 : (double) limitedRequests / sentRequests;
    }

    /** The step's offered span in minutes. */
    private double minutes() {
        return sentRequests / offeredRequestsPerSecond / 60.0;
    }

    public double offeredRequestsPerMinute() {
        return offeredRequestsPerSecond * 60;
    }

    public double admittedRequestsPerMinute() {
        return sentRequests == 0 ? 0 : admittedRequests / minutes();
    }

    public double offeredTokensPerMinute() {
        return offeredRequestsPerMinute() * tokensPerRequest;
    }

    public double admittedTokensPerMinute() {
        return admittedRequestsPerMinute() * tokensPerRequest;
    }
}
