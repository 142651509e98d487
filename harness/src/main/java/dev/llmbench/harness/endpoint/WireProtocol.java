package dev.llmbench.harness.endpoint;

/**
 * The protocol half of an HTTP streaming endpoint: where to post, what body to send, how to decode the answer.
 * Implementations are stateless and thread-safe; per-request state lives in the {@link StreamDecoder}.
 */
public interface WireProtocol {

    /** Short name for results ("openai-chat"). */
    String name();

    /** Path appended to the endpoint's base URL. */
    String path();

    /** The JSON request body. */
    byte[] requestBody(GenerationRequest request);

    /**
     * The headers that carry the API key, e.g. {@code Authorization: Bearer KEY} (the default) or Anthropic's
     * {@code x-api-key}, plus any fixed header the protocol needs (e.g. {@code anthropic-version}). Their values never
     * leave the request.
     *
     * @param apiKey the key, or null when none is configured (then only the fixed headers)
     */
    default java.util.Map<String, String> headers(String apiKey) {
        return apiKey == null ? java.util.Map.of() : java.util.Map.of("Authorization", "Bearer " + apiKey);
    }

    /**
     * Whether {@link #requestBody} writes {@code min_tokens} / {@code ignore_eos} when the request asks for them, so a
     * result records only what was really sent. Default: true (OpenAI chat and completions).
     */
    default boolean sendsOutputLengthFields() {
        return true;
    }

    /** A fresh decoder for one response. */
    StreamDecoder newDecoder(boolean streamed);
}
