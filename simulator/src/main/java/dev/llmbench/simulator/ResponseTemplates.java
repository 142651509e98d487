package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Pre-built byte templates of one response's SSE events and JSON body, so a token chunk costs three array copies.
 * Built once per request on the reactor thread; immutable and thread-safe afterwards.
 */
final class ResponseTemplates {

    static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    /** What the {@code malformed_sse_after} fault writes: a line with no SSE field name. */
    static final byte[] MALFORMED_SSE = "garbage without field\n\n".getBytes(StandardCharsets.US_ASCII);
    /** What the {@code malformed_json_after} fault writes: a data event whose JSON is cut short. */
    static final byte[] MALFORMED_JSON = "data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\n\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final CompletionRequest request;
    private final String head;      // {"id":..,"object":..,"created":..,"model":..,
    private final String responseId;
    private final long created;
    private final long streamKey;
    private final byte[] tokenPrefix;
    private final byte[] tokenSuffix;
    private final byte[] lastTokenSuffix;

    ResponseTemplates(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey) {
        this.request = request;
        this.responseId = responseId;
        this.created = createdEpochSeconds;
        this.streamKey = streamKey;
        this.head = "{\"id\":" + Json.quote(responseId) + ",\"object\":\"" + request.endpoint().chunkObject
                + "\",\"created\":" + createdEpochSeconds + ",\"model\":" + Json.quote(request.model()) + ",";
        String finish = "\"finish_reason\":\"" + request.finishReason() + "\"";
        if (request.endpoint() == CompletionRequest.Endpoint.CHAT) {
            tokenPrefix = ascii("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":");
            tokenSuffix = ascii("},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
            lastTokenSuffix = ascii("},\"logprobs\":null," + finish + "}]}\n\n");
        } else {
            tokenPrefix = ascii("data: " + head + "\"choices\":[{\"index\":0,\"text\":");
            tokenSuffix = ascii(",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
            lastTokenSuffix = ascii(",\"logprobs\":null," + finish + "}]}\n\n");
        }
    }

    /** The SSE event carrying token {@code position}; the last one carries the finish reason. */
    byte[] tokenChunk(int position) {
        byte[] token = TokenVocabulary.json(TokenVocabulary.index(streamKey, position));
        byte[] suffix = position == request.maxTokens() - 1 ? lastTokenSuffix : tokenSuffix;
        byte[] out = new byte[tokenPrefix.length + token.length + suffix.length];
        System.arraycopy(tokenPrefix, 0, out, 0, tokenPrefix.length);
        System.arraycopy(token, 0, out, tokenPrefix.length, token.length);
        System.arraycopy(suffix, 0, out, tokenPrefix.length + token.length, suffix.length);
        return out;
    }

    /** The chat stream's first, role-only event. */
    byte[] roleChunk() {
        return utf8("data: " + head
                + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}\n\n");
    }

    /** The usage event sent before [DONE] when {@code stream_options.include_usage} is true. */
    byte[] usageChunk() {
        return utf8("data: " + head + "\"choices\":[]," + usage() + "}\n\n");
    }

    /** The complete non-streamed response body. */
    byte[] fullBody() {
        String text = Json.quote(TokenVocabulary.text(streamKey, request.maxTokens()));
        String choice = request.endpoint() == CompletionRequest.Endpoint.CHAT
                ? "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + text + "},"
                : "{\"index\":0,\"text\":" + text + ",";
        return utf8("{\"id\":" + Json.quote(responseId) + ",\"object\":\"" + request.endpoint().object
                + "\",\"created\":" + created + ",\"model\":" + Json.quote(request.model()) + ",\"choices\":["
                + choice + "\"logprobs\":null,\"finish_reason\":\"" + request.finishReason() + "\"}]," + usage() + "}");
    }

    private String usage() {
        int p = request.promptTokens();
        int n = request.maxTokens();
        return "\"usage\":{\"prompt_tokens\":" + p + ",\"completion_tokens\":" + n + ",\"total_tokens\":"
                + ((long) p + n) + "}";
    }

    /** An OpenAI-style error body. */
    static byte[] error(String message, String type, String param, String code) {
        return utf8("{\"error\":{\"message\":" + Json.quote(message) + ",\"type\":" + Json.quote(type)
                + ",\"param\":" + Json.quote(param) + ",\"code\":" + Json.quote(code) + "}}");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
