package dev.llmbench.harness.endpoint.sse;

/**
 * A line or an event of a {@code text/event-stream} body grew past the parser's limit
 * ({@link SseParser#SseParser(SseEventHandler, int)}). Thrown once by {@link SseParser#feed}; the parser has then freed
 * what it buffered and ignores the rest of the stream until {@link SseParser#reset()}. The only exception bytes can
 * make the parser throw.
 */
public final class SseEventTooLargeException extends RuntimeException {

    private final int limit;

    public SseEventTooLargeException(int limit) {
        super("SSE event larger than " + limit + " bytes (llmbench.maxEventBytes)", null, false, false);
        this.limit = limit;
    }

    /** The limit in bytes that was crossed. */
    public int limit() {
        return limit;
    }
}
