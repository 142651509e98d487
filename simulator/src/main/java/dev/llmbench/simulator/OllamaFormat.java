package dev.llmbench.simulator;

/**
 * Ollama's OpenAI compatibility layer ({@link Personality#OLLAMA}): {@code openai/openai.go} ({@code ToChunk},
 * {@code ToCompleteChunk}, {@code ToChatCompletion}, {@code ToCompletion}, {@code NewError}) and
 * {@code middleware/openai.go} at commit 5dbb81b ({@code ChatWriter} and {@code CompleteWriter}: each Ollama message
 * becomes one chunk, the {@code done} one with empty content and the finish reason, then the usage chunk when asked,
 * then {@code [DONE]}). Field order is the Go structs'. Stateless.
 */
final class OllamaFormat {

    static final String SYSTEM_FINGERPRINT = "fp_ollama";
    private static final String ZERO_USAGE = "{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}";

    private OllamaFormat() {
    }

    /** The format of one chat or completions response. */
    static StreamFormat of(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey) {
        String id = Json.quote(responseId);
        String model = Json.quote(request.model());
        String fp = "\"" + SYSTEM_FINGERPRINT + "\"";
        String usage = TemplateFormat.usage(request);
        String finish = "\"" + request.finishReason() + "\"";
        if (request.endpoint() == CompletionRequest.Endpoint.CHAT) {
            String head = "data: {\"id\":" + id + ",\"object\":\"chat.completion.chunk\",\"created\":" + createdEpochSeconds
                    + ",\"model\":" + model + ",\"system_fingerprint\":" + fp + ",\"choices\":[";
            String prefix = head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":";
            String suffix = "},\"finish_reason\":null}]}\n\n";
            String done = prefix + "\"\"},\"finish_reason\":" + finish + "}]}\n\n";
            return new TemplateFormat(request, streamKey, "", prefix, suffix, prefix, suffix,
                    done + (request.includeUsage() ? head + "],\"usage\":" + usage + "}\n\n" : ""),
                    "{\"id\":" + id + ",\"object\":\"chat.completion\",\"created\":" + createdEpochSeconds + ",\"model\":"
                            + model + ",\"system_fingerprint\":" + fp
                            + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":",
                    "},\"finish_reason\":" + finish + "}],\"usage\":" + usage + "}\n");
        }
        // Completions: CompleteWriter sets a zero usage on every chunk when include_usage is asked, then sends the
        // real usage in a chunk of its own with empty choices.
        String head = "data: {\"id\":" + id + ",\"object\":\"text_completion\",\"created\":" + createdEpochSeconds
                + ",\"choices\":[";
        String tail = "],\"model\":" + model + ",\"system_fingerprint\":" + fp
                + (request.includeUsage() ? ",\"usage\":" + ZERO_USAGE : "") + "}\n\n";
        String prefix = head + "{\"text\":";
        String suffix = ",\"index\":0,\"finish_reason\":null}" + tail;
        String done = head + "{\"text\":\"\",\"index\":0,\"finish_reason\":" + finish + "}" + tail;
        return new TemplateFormat(request, streamKey, "", prefix, suffix, prefix, suffix,
                done + (request.includeUsage()
                        ? head + "],\"model\":" + model + ",\"system_fingerprint\":" + fp + ",\"usage\":" + usage + "}\n\n"
                        : ""),
                "{\"id\":" + id + ",\"object\":\"text_completion\",\"created\":" + createdEpochSeconds + ",\"model\":"
                        + model + ",\"system_fingerprint\":" + fp + ",\"choices\":[{\"text\":",
                ",\"index\":0,\"finish_reason\":" + finish + "}],\"usage\":" + usage + "}\n");
    }

    /**
     * Ollama's {@code ErrorResponse} as Go's encoder writes it (with a trailing newline): type
     * {@code invalid_request_error} for 400, {@code not_found_error} for 404, else {@code api_error}; {@code param} and
     * {@code code} are always null.
     */
    static byte[] error(int status, String message) {
        String type = status == 400 ? "invalid_request_error" : status == 404 ? "not_found_error" : "api_error";
        return TemplateFormat.utf8("{\"error\":{\"message\":" + Json.quote(message) + ",\"type\":\"" + type
                + "\",\"param\":null,\"code\":null}}\n");
    }
}
