package dev.llmbench.harness.endpoint;

import java.util.Map;

/**
 * Receives the timed events of one request, in order. Times are {@link System#nanoTime()} values taken in the
 * I/O callback when the bytes arrived, never after queuing.
 *
 * <p>Threading: every call for a request comes from one thread (the endpoint's decoder thread), one at a time, in
 * order, and exactly one of {@link #done} or {@link #failed} ends the sequence.
 */
public interface StreamListener {

    /**
     * The request was put on a connection at {@code nanos} (after any wait for a pooled connection, which is client
     * queueing). A request cancelled while it still waited for a connection never reports {@code sent}.
     */
    void sent(long nanos);

    /** The response head arrived. {@code headers} hold the rate-limit related headers (lower-case names). */
    void headers(long nanos, int status, Map<String, String> headers);

    /**
     * A chunk carrying generated output arrived. Chunks that arrived in the same read share the same
     * {@code nanos} (their gaps cannot be known).
     *
     * @param deltaText  the text the chunk carries; only valid during the call (it may be a reused buffer): copy it to keep it
     * @param responseId the server's id of the response (the {@code id} field), or null when it has none
     */
    void chunk(long nanos, CharSequence deltaText, ChunkKind kind, String responseId);

    /** The server reported token usage (-1 for a figure it did not give). */
    void usage(int inputTokens, int outputTokens, int cachedTokens);

    /**
     * Of the input tokens {@link #usage} reported, how many the server wrote to its prompt cache (Anthropic's
     * {@code cache_creation_input_tokens}, priced apart); reported after {@code usage}, last value wins. Default: ignore.
     */
    default void cacheWrite(int inputTokens) {}

    /** The stream ended normally at {@code nanos} ({@code [DONE]}, final event, or the end of a non-streamed body). */
    void done(long nanos);

    /**
     * The stream was a complete answer but ended without its protocol's final event ({@code data: [DONE]}); called
     * just before {@link #done}, only when the endpoint is not strict about it. Default: ignore.
     */
    default void missingFinalEvent() {}

    /**
     * The request provably never reached the server (its kept-alive connection was closed before any response byte came
     * back) and is being sent again, once, on a fresh connection. Its start stays the original one, so the reconnect's
     * cost stays in its latency. Default: ignore.
     */
    default void reconnected(long nanos) {}

    /** The request failed at {@code nanos}. */
    void failed(long nanos, Failure failure);
}
