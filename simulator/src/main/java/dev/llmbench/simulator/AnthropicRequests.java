package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Set;

/**
 * Reads an Anthropic Messages request body ({@code POST /v1/messages}) into a {@link CompletionRequest}, refusing as
 * the API does: {@code model}, {@code max_tokens} and {@code messages} are required, and a field outside the API is
 * an error ({@code min_tokens: Extra inputs are not permitted}). {@code system} and every message's {@code content}
 * may be a string or an array of content blocks (their {@code text} counts toward the prompt). Stateless.
 */
final class AnthropicRequests {

    /** The Messages API's request fields (API reference, 2025). */
    private static final Set<String> FIELDS = Set.of("model", "messages", "max_tokens", "system", "stream", "temperature",
            "top_p", "top_k", "stop_sequences", "metadata", "tools", "tool_choice", "thinking", "service_tier",
            "container", "mcp_servers", "context_management");

    private AnthropicRequests() {
    }

    static CompletionRequest parse(JsonNode root) throws BadRequestException {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new BadRequestException(field + ": Extra inputs are not permitted", field);
            }
        }
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) {
            throw new BadRequestException("model: Field required", "model");
        }
        if (!model.isTextual()) {
            throw new BadRequestException("model: Input should be a valid string", "model");
        }
        JsonNode max = root.get("max_tokens");
        if (max == null || max.isNull()) {
            throw new BadRequestException("max_tokens: Field required", "max_tokens");
        }
        if (!max.isIntegralNumber() || !max.canConvertToInt() || max.intValue() < 1) {
            throw new BadRequestException("max_tokens: Input should be a positive integer, got " + max, "max_tokens");
        }
        RequestParser.PromptText text = new RequestParser.PromptText();
        JsonNode system = root.get("system");
        if (system != null && !system.isNull()) {
            addContent(text, system, "system");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            throw new BadRequestException("messages: Field required", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new BadRequestException("messages: Input should be a non-empty list", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String where = "messages." + i;
            if (!m.isObject()) {
                throw new BadRequestException(where + ": Input should be a valid dictionary", where);
            }
            JsonNode role = m.get("role");
            if (role == null || !role.isTextual() || !(role.asText().equals("user") || role.asText().equals("assistant"))) {
                throw new BadRequestException(where + ".role: Input should be 'user' or 'assistant'", where + ".role");
            }
            JsonNode content = m.get("content");
            if (content == null || content.isNull()) {
                throw new BadRequestException(where + ".content: Field required", where + ".content");
            }
            addContent(text, content, where + ".content");
        }
        boolean stream = RequestParser.bool(root, "stream", false);
        int promptTokens = (int) Math.max(1, Math.min(Integer.MAX_VALUE, text.tokens()));
        return new CompletionRequest(CompletionRequest.Endpoint.MESSAGES, model.asText(), promptTokens, max.intValue(), true,
                stream, stream, text.hash);
    }

    /** A string, or an array of content blocks whose {@code text} counts. */
    private static void addContent(RequestParser.PromptText text, JsonNode content, String where) throws BadRequestException {
        if (content.isTextual()) {
            text.add(content.asText());
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                JsonNode t = block.get("text");
                if (t != null && t.isTextual()) {
                    text.add(t.asText());
                }
            }
        } else {
            throw new BadRequestException(where + ": Input should be a valid string or a list of content blocks", where);
        }
    }
}
