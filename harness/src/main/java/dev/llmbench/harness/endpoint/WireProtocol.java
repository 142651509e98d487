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

    /** A fresh decoder for one response. */
    StreamDecoder newDecoder(boolean streamed);
}
