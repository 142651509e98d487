package dev.llmbench.harness.endpoint.http;

/**
 * Ends a runaway stream: a server that ignores {@code max_tokens} (or never stops) would otherwise hold a request,
 * and the run, until the total timeout. A stream may carry {@link #FACTOR} times the requested tokens in events, plus
 * {@link #SLACK} for role, usage and keep-alive events; one event more fails the request as a protocol error. A
 * request without {@code max_tokens} has no cap. Stateless.
 */
final class RunawayGuard {

    /** Events allowed per requested token: servers send one token per event, at most; four is generous. */
    static final long FACTOR = 4;
    /** Events every stream may have besides tokens (role chunk, usage chunk, empty deltas, comments). */
    static final long SLACK = 64;

    private RunawayGuard() {
    }

    /** The most events a request for {@code maxTokens} tokens may receive; {@link Long#MAX_VALUE} when unbounded. */
    static long maxEvents(int maxTokens) {
        return maxTokens <= 0 ? Long.MAX_VALUE : FACTOR * maxTokens + SLACK;
    }

    static String message(long maxEvents) {
        return "runaway stream: more than " + maxEvents + " events for its max_tokens (" + FACTOR + " per requested token + "
                + SLACK + "); the server ignores max_tokens";
    }
}
