package dev.llmbench.harness.workload;

import java.util.Objects;

/**
 * Everything one request needs from the workload.
 *
 * @param requestIndex the request's index in the run (it appears in the unique prefix)
 * @param text         the prompt text
 * @param inputTokens  the prompt's size in tokens ({@link Prompt#estimatedTokens()}); approximate when
 *                     {@code approximate} is true
 * @param outputTokens the sampled output length to request ({@code max_tokens}, and {@code min_tokens} where the
 *                     server supports steering the exact length)
 * @param approximate  true when {@code inputTokens} is an estimate (1 token ≈ 4 characters), not an exact count
 */
public record WorkItem(long requestIndex, String text, int inputTokens, int outputTokens, boolean approximate) {
    public WorkItem {
        Objects.requireNonNull(text, "text must not be null");
    }
}
