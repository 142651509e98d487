package dev.llmbench.harness.endpoint.anthropic;

import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.RequestBodies;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.WireProtocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}), streamed over SSE or not. The key goes in {@code x-api-key}
 * (never {@code Authorization}), with {@code anthropic-version: 2023-06-01}. Stateless and thread-safe.
 */
public final class AnthropicProtocol implements WireProtocol {

    /** The API version sent in {@code anthropic-version}. */
    public static final String VERSION = "2023-06-01";
    /** {@code max_tokens} is required by the API: sent when the request leaves the length to the server. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    /** The API refuses fields outside it: {@code min_tokens} and {@code ignore_eos} are never written. */
    @Override
    public boolean sendsOutputLengthFields() {
        return false;
    }

    @Override public String name() { return "anthropic-messages"; }

    @Override public String path() { return "/v1/messages"; }

    /**
     * {@code x-api-key} (when a key is set) and {@code anthropic-version}; the values never leave the request.
     */
    @Override
    public Map<String, String> headers(String apiKey) {
        return apiKey == null ? Map.of("anthropic-version", VERSION) : Map.of("x-api-key", apiKey, "anthropic-version", VERSION);
    }

    /**
     * Builds the body: {@code model}, {@code max_tokens} (required: {@link #DEFAULT_MAX_TOKENS} when the request gives
     * none), {@code system} from the conversation's {@code system} messages (joined by blank lines), {@code messages}
     * (the other messages, or one user message with the prompt), {@code stream}; then
     * {@link GenerationRequest#extraFields()}, which win. OpenAI's {@code min_tokens} and {@code ignore_eos} are not
     * sent: the API rejects unknown fields, and it stops only at {@code max_tokens} or its end of turn.
     */
    @Override
    public byte[] requestBody(GenerationRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", r.model());
        body.put("max_tokens", r.maxTokens() > 0 ? r.maxTokens() : DEFAULT_MAX_TOKENS);
        List<String> system = new ArrayList<>();
        List<Map<String, String>> messages = new ArrayList<>();
        if (r.messages().isEmpty()) {
            messages.add(message("user", r.prompt()));
        } else {
            for (ChatMessage m : r.messages()) {
                if (m.role().equals("system")) system.add(m.content());
                else messages.add(message(m.role(), m.content()));
            }
        }
        if (!system.isEmpty()) body.put("system", String.join("\n\n", system));
        body.put("messages", messages);
        body.put("stream", r.stream());
        body.putAll(r.extraFields());
        return RequestBodies.json(body);
    }

    private static Map<String, String> message(String role, String content) {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("role", role);
        one.put("content", content);
        return one;
    }

    @Override
    public StreamDecoder newDecoder(boolean streamed) { return new AnthropicStreamDecoder(); }
}
