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

    private final int requestsPerMinute;
    private final long tokensPerMinute;
    private final ArrayDeque<long[]> window = new ArrayDeque<>(); // {timeNanos, tokens}
    private long tokensInWindow;

    RateLimiter(int requestsPerMinute, long tokensPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
    }

    boolean isUnlimited() {
        return requestsPerMinute == 0 && tokensPerMinute == 0;
    }

    synchronized Decision tryAcquire(long nowNanos, long tokens) {
        while (!window.isEmpty() && nowNanos - window.peekFirst()[0] >= WINDOW_NANOS) {
            tokensInWindow -= window.pollFirst()[1];
        }
        if (requestsPerMinute > 0 && window.size() >= requestsPerMinute) {
            long frees = window.peekFirst()[0] + WINDOW_NANOS;
            return new Decision(ceilSeconds(frees - nowNanos), 0, remainingTokens(), "requests per minute (RPM) limit " + requestsPerMinute);
        }
        if (tokensPerMinute > 0 && tokensInWindow + tokens > tokensPerMinute) {
            if (tokens > tokensPerMinute) {
                // Can never fit: tell the client to wait a whole window, as hosted APIs do.
                return new Decision(60, remainingRequests(), remainingTokens(), "tokens per minute (TPM) limit " + tokensPerMinute);
            }
            long freed = 0;
            long frees = nowNanos;
            for (long[] entry : window) {
                freed += entry[1];
                frees = entry[0] + WINDOW_NANOS;
                if (tokensInWindow - freed + tokens <= tokensPerMinute) {
                    break;
                }
            }
            return new Decision(ceilSeconds(frees - nowNanos), remainingRequests(), remainingTokens(), "tokens per minute (TPM) limit " + tokensPerMinute);
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
