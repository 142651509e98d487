package dev.llmbench.harness.workload;

import dev.llmbench.harness.endpoint.ChatMessage;

import java.util.List;
import java.util.Objects;

/**
 * Everything one request needs from the workload.
 *
 * @param requestIndex the request's index in the run (it appears in the unique prefix)
 * @param text         the prompt text; for a conversation, its messages' contents joined by blank lines
 * @param inputTokens  the prompt's size in tokens by the workload's tokenizer ({@link Prompt#estimatedTokens()});
 *                     approximate when {@code approximate} is true. For a conversation, the sum over its messages'
 *                     contents (a server's chat template adds a few tokens per message)
 * @param outputTokens the output length to request ({@code max_tokens}, and {@code min_tokens} where the server
 *                     supports steering the exact length)
 * @param approximate  true when {@code inputTokens} is an estimate (1 token ≈ 4 characters), not an exact count
 * @param messages     the conversation to send to a chat API; empty (never null) for a plain prompt
 */
public record WorkItem(long requestIndex, String text, int inputTokens, int outputTokens, boolean approximate,
                       List<ChatMessage> messages) {
    public WorkItem {
        Objects.requireNonNull(text, "text must not be null");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** A plain-prompt item. */
    public WorkItem(long requestIndex, String text, int inputTokens, int outputTokens, boolean approximate) {
        this(requestIndex, text, inputTokens, outputTokens, approximate, List.of());
    }
}
