package dev.llmbench.harness.endpoint;

import java.util.Map;

/**
 * One generation request, independent of protocol. Endpoints translate it into their wire format.
 *
 * @param model            the model name sent to the server
 * @param prompt           the prompt text (sent as a single user message by chat APIs)
 * @param promptTokens     input tokens the prompt was built for, or -1 when unknown
 * @param maxTokens        requested output tokens ({@code max_tokens}); 0 lets the server decide
 * @param minTokens        when &gt; 0, also sends {@code min_tokens} and {@code ignore_eos} so the server
 *                         generates exactly {@code maxTokens} where it supports that
 * @param stream           streamed (SSE) or not
 * @param extraFields      extra JSON body fields passed through untouched (temperature, provider-specific); never null
 */
public record GenerationRequest(String model, String prompt, int promptTokens, int maxTokens, int minTokens,
                                boolean stream, Map<String, Object> extraFields) {
    public GenerationRequest {
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model must not be blank");
        if (prompt == null) throw new IllegalArgumentException("prompt must not be null");
        if (maxTokens < 0) throw new IllegalArgumentException("maxTokens must be >= 0, was " + maxTokens);
        extraFields = extraFields == null ? Map.of() : Map.copyOf(extraFields);
    }
}
