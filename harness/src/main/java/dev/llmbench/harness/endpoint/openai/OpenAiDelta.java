package dev.llmbench.harness.endpoint.openai;

/**
 * Mutable, reusable result of extracting one OpenAI-style chunk (or one non-streamed response body) with
 * {@link OpenAiDeltaExtractor}; {@link #reset()} before each use. Not thread-safe.
 *
 * <p>Only choice index 0 is read (benchmarks send n=1). Text fields are {@link StringBuilder}s so that a chunk's
 * text can be appended without a {@code String} per chunk; an empty builder means "no such output".
 */
public final class OpenAiDelta {
    /** Top-level {@code "id"}, or null. */
    public String id;
    /** {@code choices[0].delta.content}, or {@code choices[0].text} (completions), or {@code choices[0].message.content} (non-streamed). */
    public final StringBuilder content = new StringBuilder();
    /** {@code delta.reasoning_content} or {@code delta.reasoning} (also {@code message.*} when non-streamed). */
    public final StringBuilder reasoning = new StringBuilder();
    /** Concatenation of {@code tool_calls[*].function.name} and {@code .arguments} (and legacy {@code function_call}). */
    public final StringBuilder toolCall = new StringBuilder();
    /** {@code choices[0].finish_reason}, or null. */
    public String finishReason;
    /** {@code usage.prompt_tokens}, or -1. */
    public int promptTokens = -1;
    /** {@code usage.completion_tokens}, or -1. */
    public int completionTokens = -1;
    /** {@code usage.prompt_tokens_details.cached_tokens}, or -1. */
    public int cachedTokens = -1;
    /** A non-null {@code usage} object was present. */
    public boolean hasUsage;
    /**
     * A top-level {@code "error"} object's {@code message} (or the string when {@code "error"} is a string), or the
     * top-level {@code message} of a vLLM-style {@code {"object":"error","message":...}} body; else null.
     */
    public String errorMessage;

    /** Clears every field back to "absent". */
    public void reset() {
        id = null;
        content.setLength(0);
        reasoning.setLength(0);
        toolCall.setLength(0);
        finishReason = null;
        promptTokens = -1;
        completionTokens = -1;
        cachedTokens = -1;
        hasUsage = false;
        errorMessage = null;
    }

    /** Whether this chunk carries generated output (content, reasoning or a tool call); role-only and empty deltas do not. */
    public boolean hasOutput() {
        return content.length() > 0 || reasoning.length() > 0 || toolCall.length() > 0;
    }

    @Override
    public String toString() {
        return "OpenAiDelta{id=" + id + ", content=" + content + ", reasoning=" + reasoning + ", toolCall=" + toolCall
                + ", finishReason=" + finishReason + ", usage=" + (hasUsage ? promptTokens + "/" + completionTokens + "/" + cachedTokens : "none")
                + ", error=" + errorMessage + '}';
    }
}
