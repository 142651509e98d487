package dev.llmbench.simulator;

/**
 * A parsed, validated generation request. Immutable.
 *
 * @param endpoint       the generation API
 * @param model          the model name the request gave (echoed back), or the profile's
 * @param promptTokens   the simulator's approximation: ceil(characters of all prompt text / 4), at least 1;
 *                       characters are Unicode code points; a prompt given as token ids counts one per id
 * @param maxTokens      output tokens to generate (the simulator always generates exactly this many)
 * @param maxTokensGiven whether the request set max_tokens / max_completion_tokens / max_output_tokens (finish_reason "length"),
 *                       else the profile default was used (finish_reason "stop")
 * @param stream         SSE streaming
 * @param includeUsage   {@code stream_options.include_usage}
 * @param promptHash     a hash of the prompt text (with the seed, it picks the output words)
 */
record CompletionRequest(
        Endpoint endpoint,
        String model,
        int promptTokens,
        int maxTokens,
        boolean maxTokensGiven,
        boolean stream,
        boolean includeUsage,
        long promptHash) {

    /** The generation endpoints. */
    enum Endpoint {
        CHAT("chatcmpl-", "chat.completion.chunk", "chat.completion"),
        COMPLETIONS("cmpl-", "text_completion", "text_completion"),
        /** Anthropic Messages ({@code POST /v1/messages}). */
        MESSAGES("msg_", "message", "message"),
        /** OpenAI's Responses API ({@link ResponsesFormat}); its events have no chunk object. */
        RESPONSES("resp_", "response", "response");

        final String idPrefix;
        final String chunkObject;
        final String object;

        Endpoint(String idPrefix, String chunkObject, String object) {
            this.idPrefix = idPrefix;
            this.chunkObject = chunkObject;
            this.object = object;
        }
    }

    /** KV-cache tokens the sequence reserves while active. */
    long kvTokens() {
        return (long) promptTokens + maxTokens;
    }

    String finishReason() {
        return maxTokensGiven ? "length" : "stop";
    }
}
