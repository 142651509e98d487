package dev.llmbench.harness.endpoint;

import java.util.List;
import java.util.Map;

/**
 * One generation request, independent of protocol. Endpoints translate it into their wire format.
 *
 * @param model            the model name sent to the server
 * @param prompt           the prompt text (sent as a single user message by chat APIs unless {@code messages} are
 *                         given; for a conversation, its messages' contents joined by blank lines, which is what a
 *                         completions API is sent)
 * @param promptTokens     input tokens the prompt was built for, or -1 when unknown
 * @param maxTokens        requested output tokens ({@code max_tokens}); 0 lets the server decide
 * @param minTokens        when &gt; 0, also sends {@code min_tokens} so the server generates at least that many
 * @param stream           streamed (SSE) or not
 * @param extraFields      extra JSON body fields passed through untouched (temperature, provider-specific); never null
 * @param messages         the conversation to send to a chat API instead of one user message with {@code prompt};
 *                         empty (never null) for a plain prompt
 * @param ignoreEos        also send {@code ignore_eos: true} so the server does not stop at its end-of-sequence token
 */
public record GenerationRequest(String model, String prompt, int promptTokens, int maxTokens, int minTokens,
                                boolean stream, Map<String, Object> extraFields, List<ChatMessage> messages,
                                boolean ignoreEos) {
    public GenerationRequest {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be blank");
        if (prompt == null) throw new IllegalArgumentException("prompt must not be null");
        if (maxTokens < 0) throw new IllegalArgumentException("maxTokens must be >= 0, was " + maxTokens);
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /**
     * A plain-prompt request, as before conversations existed: {@code minTokens > 0} sends both {@code min_tokens} and
     * {@code ignore_eos}.
     */
    public GenerationRequest(String model, String prompt, int promptTokens, int maxTokens, int minTokens,
                             boolean stream, Map<String, Object> extraFields) {
        this(model, prompt, promptTokens, maxTokens, minTokens, stream, extraFields, List.of(), minTokens > 0);
    }
}
