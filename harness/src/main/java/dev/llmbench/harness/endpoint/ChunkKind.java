package dev.llmbench.harness.endpoint;

/** What a streamed chunk carries. Only chunks of these kinds count as generated output (role-only and empty deltas do not). */
public enum ChunkKind {
    /** Answer text ({@code delta.content}, or {@code text} for completions). */
    CONTENT,
    /** Reasoning text ({@code delta.reasoning_content} / {@code delta.reasoning}). */
    REASONING,
    /** Tool-call arguments or names ({@code delta.tool_calls}). */
    TOOL_CALL
}
