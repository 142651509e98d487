package dev.llmbench.simulator;

import java.util.ArrayDeque;

/**
 * Requests-per-minute and tokens-per-minute limits over a sliding 60 s window, like a hosted API's. A request
 * admitted counts once towards RPM and with its prompt + max output tokens towards TPM. Thread-safe (synchronized;
 * one short critical section per request).
 */
final class RateLimiter {

    static final long WINDOW_NANOS = 60_000_000_000L;

    /** Verdict: {@code retryAfterSeconds == 0} means admitted. Remaining counts are after this request. */
    record Decision(long retryAfterSeconds, long remainingRequests, long remainingTokens, String reason) {
        boolean admitted() {
            return retryAfterSeconds == 0;
        }
    }

    private final int requestsPerMinute;   // per window, scaled from per minute
    private final long tokensPerMinute;    // per window, scaled from per minute
    private final long windowNanos;
    private final String rpmReason;
    private final String tpmReason;
    private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {timeNanos, tokens}
    private long tokensInWindow;

    RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this(requestsPerMinute, tokensPerMinute, WINDOW_NANOS);
    }

    /** Limits per minute scaled to a sliding window of {@code windowNanos} (at least 1 request or token when set). */
    RateLimiter(int requestsPerMinute, long tokensPerMinute, long windowNanos) {
        this.windowNanos = windowNanos;
        this.rpmReason = "requests per minute (RPM) limit " + requestsPerMinute;
        this.tpmReason = "tokens per minute (TPM) limit " + tokensPerMinute;
        this.requestsPerMinute = requestsPerMinute == 0 ? 0 : (int) Math.max(1, Math.round(requestsPerMinute * (windowNanos / (double) WINDOW_NANOS)));
        this.tokensPerMinute = tokensPerMinute == 0 ? 0 : Math.max(1, Math.round(tokensPerMinute * (windowNanos / (double) WINDOW_NANOS)));
    }

    boolean isUnlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }

    synchronized Decision tryAcquire(long nowNanos, long tokens) {
        while (!window.isEmpty() && nowNanos - window.peekFirst()[0] >= windowNanos) {
            tokensInWindow -= window.pollFirst()[1];
        }
        if (requestsPerMinute > 0 && window.size() >= requestsPerMinute) {
            long frees = window.peekFirst()[0] + windowNanos;
            return new Decision(ceilSeconds(frees - nowNanos), 0, remainingTokens(), rpmReason);
        }
        if (tokensPerMinute > 0 && tokensInWindow + tokens > tokensPerMinute) {
            if (tokens > tokensPerMinute) {
                // Can never fit: tell the client to wait a whole window, as hosted APIs do.
                return new Decision(ceilSeconds(windowNanos), remainingRequests(), remainingTokens(), tpmReason);
            }
            long freed = 0;
            long frees = nowNanos;
            for (long[] entry : window) {
                freed += entry[1];
                frees = entry[0] + windowNanos;
                if (tokensInWindow - freed + tokens <= tokensPerMinute) {
                    break;
                }
            }
            return new Decision(ceilSeconds(frees - nowNanos), remainingRequests(), remainingTokens(), tpmReason);
        }
        window.addLast(new long[] {nowNanos, tokens});
        tokensInWindow += tokens;
        return new Decision(0, remainingRequests(), remainingTokens(), null);
    }

    private long remainingRequests() {
        return requestsPerMinute == 0 ? Long.MAX_VALUE : Math.max(0, requestsPerMinute - window.size());
    }

    private long remainingTokens() {
        return tokensPerMinute == 0 ? Long.MAX_VALUE : Math.max(0, tokensPerMinute - tokensInWindow);
    }

    private static long ceilSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
