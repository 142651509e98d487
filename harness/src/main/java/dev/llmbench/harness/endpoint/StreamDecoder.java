package dev.llmbench.harness.endpoint;

/**
 * Turns one response's framed events into {@link StreamListener} calls: the protocol-specific half of an endpoint.
 * One instance per request; called only from the harness's decoder thread, never from an I/O thread, so JSON
 * parsing never delays the timestamp of another stream's bytes.
 */
public interface StreamDecoder {

    /** What the stream should do after an event. */
    enum Next { CONTINUE, FINISHED }

    /**
     * One SSE event of a streamed response, read at {@code nanos}.
     *
     * @return FINISHED when this was the protocol's final event ({@code [DONE]}, {@code message_stop})
     * @throws ProtocolException when the event is malformed or reports an error
     */
    Next onEvent(long nanos, String eventType, byte[] data, StreamListener listener) throws ProtocolException;

    /** The whole body of a non-streamed response, complete at {@code nanos}. */
    void onBody(long nanos, byte[] body, StreamListener listener) throws ProtocolException;

    /** Whether the protocol requires a final event, so that a stream ending without it is a protocol error. */
    boolean requiresFinalEvent();

    /** The short name of the final event, for error messages ("[DONE]"). */
    String finalEventName();

    /**
     * Whether the events so far make a complete answer by the protocol's own markers (OpenAI: a {@code finish_reason}
     * and the usage), so that a stream that then ends cleanly without its final event can count as a success.
     * Default: false (the final event is needed).
     */
    default boolean completeWithoutFinalEvent() { return false; }
}
