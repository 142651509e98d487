package dev.llmbench.harness.endpoint.responses;

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
 * OpenAI's Responses API ({@code POST /v1/responses}), streamed as typed SSE events ({@code response.output_text.delta},
 * reasoning and function-call argument deltas, ending with {@code response.completed}) or answered as one
 * {@code Response} object. Stateless and thread-safe.
 *
 * <p>The body: {@code model}; {@code input} (the prompt as a string, or a conversation's non-system messages as
 * message items); {@code instructions} (a conversation's system messages, joined by blank lines); {@code
 * max_output_tokens}; {@code stream}. {@code min_tokens} and {@code ignore_eos} are never sent, whatever the request
 * asks: the Responses API refuses fields it does not know. {@link GenerationRequest#extraFields()} are written last and
 * win (e.g. {@code "store": false}, {@code "reasoning": {"effort": "low"}}).
 */
public final class ResponsesProtocol implements WireProtocol {

    /** The API refuses fields outside it: {@code min_tokens} and {@code ignore_eos} are never written. */
    @Override
    public boolean sendsOutputLengthFields() {
        return false;
    }

    @Override public String name() { return "openai-responses"; }

    @Override public String path() { return "/v1/responses"; }

    @Override
    public byte[] requestBody(GenerationRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", r.model());
        if (r.messages().isEmpty()) {
            body.put("input", r.prompt());
        } else {
            List<String> system = new ArrayList<>();
            List<Map<String, String>> items = new ArrayList<>(r.messages().size());
            for (ChatMessage m : r.messages()) {
                if (m.role().equals("system")) {
                    system.add(m.content());
                    continue;
                }
                Map<String, String> item = new LinkedHashMap<>();
                item.put("type", "message");
                item.put("role", m.role());
                item.put("content", m.content());
                items.add(item);
            }
            if (items.isEmpty()) {
                body.put("input", r.prompt());                  // only system messages: their text is the input
            } else {
                if (!system.isEmpty()) body.put("instructions", String.join("\n\n", system));
                body.put("input", items);
            }
        }
        if (r.maxTokens() > 0) body.put("max_output_tokens", r.maxTokens());
        body.put("stream", r.stream());
        body.putAll(r.extraFields());
        return RequestBodies.json(body);
    }

    @Override
    public StreamDecoder newDecoder(boolean streamed) { return new ResponsesStreamDecoder(); }
}
