package dev.llmbench.harness.endpoint.realtime;

import dev.llmbench.harness.endpoint.Failure;

import java.util.Map;

/**
 * One thing that happened to a request on a Realtime connection, handed from the thread that saw it (the connection's
 * reader, the sender, the watchdog) to the endpoint's one listener thread. Server events are parsed on the reader
 * thread; {@link #nanos} was taken first thing when the frame arrived. Fields a type does not use stay at their
 * defaults. Written by one thread before it is queued, then read by the listener thread only.
 */
final class RealtimeEvent {

    enum Type {
        /** The request's frames were handed to the connection's writer. */
        SENT,
        /** {@code response.created}: {@link #responseId}. */
        RESPONSE_CREATED,
        /** {@code response.output_text.delta} (GA) or {@code response.text.delta} (beta): {@link #text}. */
        TEXT_DELTA,
        /** {@code rate_limits.updated}: {@link #rateLimits} as {@code x-ratelimit-*} header names. */
        RATE_LIMITS,
        /** {@code response.done}: {@link #status}, usage, and {@link #failure} when the response failed. */
        RESPONSE_DONE,
        /** An {@code error} event, the connection's close, a malformed frame, a timeout or a cancel: {@link #failure}. */
        FAILED,
        /** Any other server event: only its arrival counts (it keeps the idle timeout from firing). */
        OTHER
    }

    final RealtimeConnection connection;
    final RealtimeRequest request;
    final Type type;
    final long nanos;
    String text;
    String responseId;
    String status;
    int inputTokens = -1;
    int outputTokens = -1;
    int cachedTokens = -1;
    Map<String, String> rateLimits;
    Failure failure;
    /** Whether the failure leaves the connection unfit for another request (closed by the endpoint then). */
    boolean closeConnection = true;

    RealtimeEvent(RealtimeConnection connection, RealtimeRequest request, Type type, long nanos) {
        this.connection = connection;
        this.request = request;
        this.type = type;
        this.nanos = nanos;
    }

    static RealtimeEvent failed(RealtimeConnection c, RealtimeRequest r, long nanos, Failure failure) {
        RealtimeEvent e = new RealtimeEvent(c, r, Type.FAILED, nanos);
        e.failure = failure;
        return e;
    }
}
