package dev.llmbench.harness.endpoint.sse;

/**
 * Receives what an {@link SseParser} finds in a byte stream, on the thread that feeds the parser.
 *
 * <p>An exception thrown by a handler method propagates out of {@link SseParser#feed}; the parser's state is
 * consistent at that point (the event was already consumed) but the rest of that feed's bytes are not.
 */
public interface SseEventHandler {

    /**
     * A complete event (dispatched on a blank line).
     *
     * @param eventType the last {@code event:} value of this event, or null when there was none (or it was empty,
     *                  which the spec treats as the default type {@code "message"})
     * @param data      the event's data lines joined with {@code '\n'} (no trailing {@code '\n'}), raw bytes as
     *                  they arrived (UTF-8 is not decoded or validated); a fresh array the handler may keep
     */
    void onEvent(String eventType, byte[] data);

    /**
     * A line that is not a comment ({@code ":..."}) and whose field name is not data/event/id/retry. Per the spec
     * such a line is ignored; it is reported so a caller can count protocol noise. The line is given without its
     * line terminator, in a fresh array. Default: ignore.
     */
    default void onMalformedLine(byte[] line) {}
}
