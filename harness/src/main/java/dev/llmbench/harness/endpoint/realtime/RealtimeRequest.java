package dev.llmbench.harness.endpoint.realtime;

import dev.llmbench.harness.endpoint.StreamListener;

/**
 * One request on its way through a Realtime connection. The listener thread owns {@link #listener} calls and the
 * plain fields; the volatile fields are written by the connection's reader (arrival times) or the watchdog
 * (timed out) and read by the watchdog.
 */
final class RealtimeRequest {

    final StreamListener listener;
    /** {@code conversation.item.create} + {@code response.create}, as sent. */
    final String[] frames;
    /** The model, for the connection URL's {@code model=} when the endpoint URL has none. */
    final String model;
    final long startNanos;

    volatile RealtimeConnection connection;
    /** When its frames were handed to the writer, or -1 before. */
    volatile long wireNanos = -1;
    volatile long lastReadNanos;
    volatile boolean firstOutputSeen;
    /** Set by the watchdog or a cancel: a failure is queued, nothing else may end it. */
    volatile boolean timedOut;

    // Listener thread only.
    boolean finished;
    boolean headersReported;
    long createdNanos = -1;
    String responseId;

    RealtimeRequest(StreamListener listener, String[] frames, String model, long startNanos) {
        this.listener = listener;
        this.frames = frames;
        this.model = model;
        this.startNanos = startNanos;
        this.lastReadNanos = startNanos;
    }
}
