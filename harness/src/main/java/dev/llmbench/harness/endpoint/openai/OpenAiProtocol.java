package dev.llmbench.harness.endpoint.openai;

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
 * OpenAI's chat completions ({@code /v1/chat/completions}) and completions ({@code /v1/completions}) APIs, streamed
 * with {@code stream_options.include_usage} or not. Covers vLLM, SGLang, TGI, llama.cpp's server, Ollama's /v1 and most
 * hosted providers. Stateless and thread-safe.
 */
public final class OpenAiProtocol implements WireProtocol {

    /** Which of the two APIs. */
    public enum Api { CHAT_COMPLETIONS, COMPLETIONS }

    private final Api api;

    private OpenAiProtocol(Api api) { this.api = api; }

    public static OpenAiProtocol chat() { return new OpenAiProtocol(Api.CHAT_COMPLETIONS); }
    public static OpenAiProtocol completions() { return new OpenAiProtocol(Api.COMPLETIONS); }

    public Api api() { return api; }

    @Override public String name() { return api == Api.CHAT_COMPLETIONS ? "openai-chat" : "openai-completions"; }

    @Override public String path() { return api == Api.CHAT_COMPLETIONS ? "/v1/chat/completions" : "/v1/completions"; }

    /**
     * Builds the body; {@link GenerationRequest#extraFields()} are written last and win over the harness's own fields.
     * Chat: {@code messages} from {@link GenerationRequest#messages()} when given, else one user message with the
     * prompt. Completions: {@code prompt}. {@code min_tokens} when {@code minTokens > 0}, {@code ignore_eos: true} when
     * {@link GenerationRequest#ignoreEos()}.
     */
    @Override
    public byte[] requestBody(GenerationRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", r.model());
        if (api == Api.CHAT_COMPLETIONS) body.put("messages", messages(r));
        else body.put("prompt", r.prompt());
        if (r.maxTokens() > 0) body.put("max_tokens", r.maxTokens());
        if (r.minTokens() > 0) body.put("min_tokens", r.minTokens());
        if (r.ignoreEos()) body.put("ignore_eos", true);
        body.put("stream", r.stream());
        if (r.stream()) body.put("stream_options", Map.of("include_usage", true));
        body.putAll(r.extraFields());
        return RequestBodies.json(body);
    }

    private static List<Map<String, String>> messages(GenerationRequest r) {
        if (r.messages().isEmpty()) return List.of(Map.of("role", "user", "content", r.prompt()));
        List<Map<String, String>> list = new ArrayList<>(r.messages().size());
        for (ChatMessage m : r.messages()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("role", m.role());
            one.put("content", m.content());
            list.add(one);
        }
        return list;
    }

    @Override
    public StreamDecoder newDecoder(boolean streamed) { return new OpenAiStreamDecoder(); }
}
