package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;

/**
 * OpenAI chat completions and completions as a {@link StreamFormat}: pre-built byte templates of one response's SSE
 * events and JSON body, so a token chunk costs three array copies, with the {@link Personality}'s variations (role
 * chunk, where usage goes). Built once per request on the reactor thread; immutable and thread-safe afterwards.
 */
final class ResponseTemplates implements StreamFormat {

    static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    /** What the {@code malformed_sse_after} fault writes: a line with no SSE field name. */
    static final byte[] MALFORMED_SSE = "garbage without field\n\n".getBytes(StandardCharsets.US_ASCII);
    /** What the {@code malformed_json_after} fault writes: a data event whose JSON is cut short. */
    static final byte[] MALFORMED_JSON = "data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\n\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final CompletionRequest request;
    private final Personality personality;
    private final long startNanos;
    private final String head;      // {"id":..,"object":..,"created":..,"model":..,
    private final String responseId;
    private final long created;
    private final long streamKey;
    private final byte[] tokenPrefix;
    private final byte[] tokenSuffix;
    private final byte[] lastTokenSuffix;

    ResponseTemplates(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey) {
        this(request, responseId, createdEpochSeconds, streamKey, Personality.VLLM);
    }

    ResponseTemplates(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey,
                      Personality personality) {
        this.request = request;
        this.personality = personality;
        this.startNanos = System.nanoTime();
        this.responseId = responseId;
        this.created = createdEpochSeconds;
        this.streamKey = streamKey;
        this.head = "{\"id\":" + Json.quote(responseId) + ",\"object\":\"" + request.endpoint().chunkObject
                + "\",\"created\":" + createdEpochSeconds + ",\"model\":" + Json.quote(request.model()) + ",";
        String finish = "\"finish_reason\":\"" + request.finishReason() + "\"";
        // llama.cpp: the final chunk goes on with usage and timings, written when it is sent (tokenChunk).
        String end = personality.usageOnFinalChunk() ? "}]," : "}]}\n\n";
        if (request.endpoint() == CompletionRequest.Endpoint.CHAT) {
            tokenPrefix = ascii("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":");
            tokenSuffix = ascii("},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
            lastTokenSuffix = ascii("},\"logprobs\":null," + finish + end);
        } else {
            tokenPrefix = ascii("data: " + head + "\"choices\":[{\"index\":0,\"text\":");
            tokenSuffix = ascii(",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
            lastTokenSuffix = ascii(",\"logprobs\":null," + finish + end);
        }
    }

    /**
     * The SSE event carrying token {@code position}; the last one carries the finish reason (and, for llama.cpp,
     * usage and timings).
     */
    @Override
    public byte[] token(int position) {
        return tokenChunk(position);
    }

    @Override
    public byte[] opening() {
        return request.endpoint() == CompletionRequest.Endpoint.CHAT && personality.sendsRoleChunk() ? roleChunk() : NOTHING;
    }

    @Override
    public byte[] closing() {
        return sendsUsageChunk() ? usageChunk() : NOTHING;
    }

    @Override
    public byte[] finalEvent() {
        return DONE;
    }

    byte[] tokenChunk(int position) {
        byte[] token = TokenVocabulary.json(TokenVocabulary.index(streamKey, position));
        boolean last = position == request.maxTokens() - 1;
        byte[] suffix = last ? lastTokenSuffix : tokenSuffix;
        byte[] tail = last && personality.usageOnFinalChunk() ? utf8(usage() + "," + timings() + "}\n\n") : new byte[0];
        byte[] out = new byte[tokenPrefix.length + token.length + suffix.length + tail.length];
        System.arraycopy(tokenPrefix, 0, out, 0, tokenPrefix.length);
        System.arraycopy(token, 0, out, tokenPrefix.length, token.length);
        System.arraycopy(suffix, 0, out, tokenPrefix.length + token.length, suffix.length);
        System.arraycopy(tail, 0, out, tokenPrefix.length + token.length + suffix.length, tail.length);
        return out;
    }

    /** Whether a separate usage chunk (empty choices) goes before [DONE]: asked for, and not already on the last chunk. */
    boolean sendsUsageChunk() {
        return request.includeUsage() && !personality.usageOnFinalChunk();
    }

    /** llama.cpp's {@code timings} object; {@code predicted_ms} is the time since this response was admitted. */
    private String timings() {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        int n = request.maxTokens();
        return "\"timings\":{\"prompt_n\":" + request.promptTokens() + ",\"predicted_n\":" + n
                + ",\"predicted_ms\":" + ms + ",\"predicted_per_second\":" + (ms > 0 ? n * 1000.0 / ms : 0.0) + "}";
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
    @Override
    public byte[] fullBody() {
        String text = Json.quote(TokenVocabulary.text(streamKey, request.maxTokens()));
        String choice = request.endpoint() == CompletionRequest.Endpoint.CHAT
                ? "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + text + "},"
                : "{\"index\":0,\"text\":" + text + ",";
        return utf8("{\"id\":" + Json.quote(responseId) + ",\"object\":\"" + request.endpoint().object
                + "\",\"created\":" + created + ",\"model\":" + Json.quote(request.model()) + ",\"choices\":["
                + choice + "\"logprobs\":null,\"finish_reason\":\"" + request.finishReason() + "\"}]," + usage()
                + (personality.usageOnFinalChunk() ? "," + timings() : "") + "}");
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

    /** A llama.cpp-style error body: {@code {"error":{"code":N,"message":"…","type":"…"}}}. */
    static byte[] llamaCppError(int code, String message, String type) {
        return utf8("{\"error\":{\"code\":" + code + ",\"message\":" + Json.quote(message) + ",\"type\":"
                + Json.quote(type) + "}}");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
