package dev.llmbench.harness.endpoint.anthropic;

/**
 * Mutable, reusable result of extracting one Anthropic Messages stream event (one SSE {@code data} payload) or one
 * non-streamed Message body with {@link AnthropicEventExtractor}; {@link #reset()} before each use. Not thread-safe.
 *
 * <p>Text fields are {@link StringBuilder}s so a delta's text is appended without a {@code String} per event; an empty
 * builder means "no such output".
 */
final class AnthropicEvent {
    /** The payload's top-level {@code type} ({@code message_start}, {@code content_block_delta}, ..., {@code message} for a body), or null. */
    String type;
    /** {@code message.id} (stream) or the top-level {@code id} (body), or null. */
    String messageId;
    /** {@code text_delta.text}, or a text block's {@code text}. */
    final StringBuilder text = new StringBuilder();
    /** {@code thinking_delta.thinking}, or a thinking block's {@code thinking}. */
    final StringBuilder thinking = new StringBuilder();
    /** {@code input_json_delta.partial_json}, or a {@code tool_use} block's {@code name} (and, in a body, its input). */
    final StringBuilder toolCall = new StringBuilder();
    /** {@code stop_reason} (of a {@code message_delta}'s delta, or of a body), or null. */
    String stopReason;
    /** A {@code usage} object was present. */
    boolean hasUsage;
    /** {@code usage.input_tokens}: input tokens NOT read from or written to the cache; -1 when absent. */
    int inputTokens = -1;
    /** {@code usage.output_tokens}, or -1. */
    int outputTokens = -1;
    /** {@code usage.cache_creation_input_tokens}, or -1. */
    int cacheCreationTokens = -1;
    /** {@code usage.cache_read_input_tokens}, or -1. */
    int cacheReadTokens = -1;
    /** {@code error.type} ({@code overloaded_error}, ...), or null. */
    String errorType;
    /** {@code error.message}, or null. */
    String errorMessage;

    void reset() {
        type = null;
        messageId = null;
        text.setLength(0);
        thinking.setLength(0);
        toolCall.setLength(0);
        stopReason = null;
        hasUsage = false;
        inputTokens = -1;
        outputTokens = -1;
        cacheCreationTokens = -1;
        cacheReadTokens = -1;
        errorType = null;
        errorMessage = null;
    }

    @Override
    public String toString() {
        return "AnthropicEvent{type=" + type + ", id=" + messageId + ", text=" + text + ", thinking=" + thinking
                + ", toolCall=" + toolCall + ", stopReason=" + stopReason + ", usage=" + (hasUsage ? inputTokens + "/"
                + outputTokens + "/" + cacheCreationTokens + "/" + cacheReadTokens : "none") + ", error=" + errorType
                + ": " + errorMessage + '}';
    }
}
