package dev.llmbench.harness.endpoint.responses;

import dev.llmbench.harness.endpoint.ChunkKind;

/**
 * Mutable, reusable result of reading one Responses API stream event with {@link ResponsesEventReader};
 * {@link #reset()} before each use. Not thread-safe.
 */
final class ResponsesEvent {

    /** The event types the harness acts on, by their {@code type} value; every other type is {@link #OTHER}. */
    enum Type {
        OUTPUT_TEXT_DELTA("response.output_text.delta", ChunkKind.CONTENT),
        REASONING_SUMMARY_TEXT_DELTA("response.reasoning_summary_text.delta", ChunkKind.REASONING),
        REASONING_TEXT_DELTA("response.reasoning_text.delta", ChunkKind.REASONING),
        FUNCTION_CALL_ARGUMENTS_DELTA("response.function_call_arguments.delta", ChunkKind.TOOL_CALL),
        CUSTOM_TOOL_CALL_INPUT_DELTA("response.custom_tool_call_input.delta", ChunkKind.TOOL_CALL),
        /** A refusal is the model's answer, so it counts as content. */
        REFUSAL_DELTA("response.refusal.delta", ChunkKind.CONTENT),
        CREATED("response.created", null),
        IN_PROGRESS("response.in_progress", null),
        COMPLETED("response.completed", null),
        INCOMPLETE("response.incomplete", null),
        FAILED("response.failed", null),
        ERROR("error", null),
        OTHER(null, null);

        /** The wire name, or null for {@link #OTHER}. */
        final String wireName;
        /** What a delta of this type carries, or null when it carries no generated output. */
        final ChunkKind kind;

        Type(String wireName, ChunkKind kind) {
            this.wireName = wireName;
            this.kind = kind;
        }

        /** Whether this type ends the response: completed, incomplete or failed. */
        boolean terminal() {
            return this == COMPLETED || this == INCOMPLETE || this == FAILED;
        }

        static Type named(String name) {
            if (name == null) return OTHER;
            for (Type t : values()) {
                if (name.equals(t.wireName)) return t;
            }
            return OTHER;
        }
    }

    /** The {@code type} field (or the SSE event name when the data has none); {@link Type#OTHER} when unknown. */
    Type type = Type.OTHER;
    /** Whether the data had a {@code type} field. */
    boolean typed;
    /** A delta event's {@code delta}; empty when none. */
    final StringBuilder delta = new StringBuilder();
    /** {@code response.id}, or null. */
    String responseId;
    /** {@code response.status}, or null. */
    String status;
    /** {@code response.incomplete_details.reason}, or null. */
    String incompleteReason;
    /** The error's {@code code} ({@code response.error.code}, or the {@code error} event's own), or null. */
    String errorCode;
    /** The error's {@code message}, or null. */
    String errorMessage;
    /** {@code response.usage.input_tokens}, or -1. */
    int inputTokens = -1;
    /** {@code response.usage.output_tokens}, or -1. */
    int outputTokens = -1;
    /** {@code response.usage.input_tokens_details.cached_tokens}, or -1. */
    int cachedTokens = -1;
    /** {@code response.usage.output_tokens_details.reasoning_tokens}, or -1. */
    int reasoningTokens = -1;
    /** A non-null {@code response.usage} object was present. */
    boolean hasUsage;

    void reset() {
        type = Type.OTHER;
        typed = false;
        delta.setLength(0);
        responseId = null;
        status = null;
        incompleteReason = null;
        errorCode = null;
        errorMessage = null;
        inputTokens = -1;
        outputTokens = -1;
        cachedTokens = -1;
        reasoningTokens = -1;
        hasUsage = false;
    }

    /** The error as one line: {@code code: message}, either part when the other is absent. */
    String error() {
        String m = errorMessage == null ? "" : errorMessage;
        if (errorCode == null || errorCode.isEmpty()) return m.isEmpty() ? "(no message)" : m;
        return m.isEmpty() ? errorCode : errorCode + ": " + m;
    }

    @Override
    public String toString() {
        return "ResponsesEvent{type=" + type + ", delta=" + delta + ", id=" + responseId + ", status=" + status
                + ", usage=" + (hasUsage ? inputTokens + "/" + outputTokens + "/" + cachedTokens : "none")
                + ", error=" + errorCode + "/" + errorMessage + ", incomplete=" + incompleteReason + '}';
    }
}
