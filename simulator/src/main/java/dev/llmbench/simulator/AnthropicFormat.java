package dev.llmbench.simulator;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpRequest;

import java.nio.charset.StandardCharsets;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}) as a {@link StreamFormat}, from Anthropic's streaming
 * documentation and its SDKs' event types. A stream is
 * {@code message_start} (usage: input tokens, output_tokens 1), {@code content_block_start} (an empty text block) and a
 * {@code ping}; one {@code content_block_delta} ({@code text_delta}) per token; {@code content_block_stop} and
 * {@code message_delta} (stop reason {@code max_tokens}, cumulative usage); then {@code message_stop}. Every event has
 * its {@code event:} line. The body of a non-streamed request is a Message; errors are
 * {@code {"type":"error","error":{"type":…,"message":…}}}. The simulator caches no prompt: the cache figures are 0.
 *
 * <p>Built once per request on the reactor thread; immutable and thread-safe afterwards.
 */
final class AnthropicFormat implements StreamFormat {

    /** The API version the simulator speaks (the only one Anthropic documents for the Messages API). */
    static final String VERSION = "2023-06-01";

    private static final byte[] TOKEN_PREFIX = utf8("event: content_block_delta\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":");
    private static final byte[] TOKEN_SUFFIX = utf8("}}\n\n");
    private static final byte[] MESSAGE_STOP = utf8("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    private static final byte[] MALFORMED = utf8("event: content_block_delta\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\n\n");

    private final CompletionRequest request;
    private final String responseId;
    private final long streamKey;

    AnthropicFormat(CompletionRequest request, String responseId, long streamKey) {
        this.request = request;
        this.responseId = responseId;
        this.streamKey = streamKey;
    }

    @Override
    public byte[] opening() {
        return utf8("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":" + Json.quote(responseId)
                + ",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + Json.quote(request.model())
                + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage(1) + "}}\n\n"
                + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                + "event: ping\ndata: {\"type\":\"ping\"}\n\n");
    }

    @Override
    public byte[] token(int position) {
        byte[] word = TokenVocabulary.json(TokenVocabulary.index(streamKey, position));
        byte[] out = new byte[TOKEN_PREFIX.length + word.length + TOKEN_SUFFIX.length];
        System.arraycopy(TOKEN_PREFIX, 0, out, 0, TOKEN_PREFIX.length);
        System.arraycopy(word, 0, out, TOKEN_PREFIX.length, word.length);
        System.arraycopy(TOKEN_SUFFIX, 0, out, TOKEN_PREFIX.length + word.length, TOKEN_SUFFIX.length);
        return out;
    }

    /** {@code content_block_stop}, then {@code message_delta} with the stop reason and the final, cumulative usage. */
    @Override
    public byte[] closing() {
        return utf8("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason()
                + "\",\"stop_sequence\":null},\"usage\":" + usage(request.maxTokens()) + "}\n\n");
    }

    @Override
    public byte[] finalEvent() {
        return MESSAGE_STOP;
    }

    @Override
    public byte[] fullBody() {
        return utf8("{\"id\":" + Json.quote(responseId) + ",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                + Json.quote(request.model()) + ",\"content\":[{\"type\":\"text\",\"text\":"
                + Json.quote(TokenVocabulary.text(streamKey, request.maxTokens())) + "}],\"stop_reason\":\"" + stopReason()
                + "\",\"stop_sequence\":null,\"usage\":" + usage(request.maxTokens()) + "}");
    }

    @Override
    public byte[] malformedJson() {
        return MALFORMED;
    }

    /** The simulator always generates max_tokens (which the Messages API requires), so it stops for that reason. */
    private String stopReason() {
        return request.maxTokensGiven() ? "max_tokens" : "end_turn";
    }

    private String usage(int outputTokens) {
        return "{\"input_tokens\":" + request.promptTokens() + ",\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0,\"output_tokens\":" + outputTokens + "}";
    }

    /** An Anthropic error body; the error type follows the status as the API documents it. */
    static byte[] error(int status, String message) {
        return utf8("{\"type\":\"error\",\"error\":{\"type\":\"" + errorType(status) + "\",\"message\":"
                + Json.quote(message) + "}}");
    }

    static String errorType(int status) {
        switch (status) {
            case 400: return "invalid_request_error";
            case 401: return "authentication_error";
            case 403: return "permission_error";
            case 404: return "not_found_error";
            case 413: return "request_too_large";
            case 429: return "rate_limit_error";
            case 529: return "overloaded_error";
            default: return status >= 500 ? "api_error" : "invalid_request_error";
        }
    }

    /**
     * What the API would refuse in the request's headers, as {@code {status, message}}, or null: a missing
     * {@code anthropic-version} (400), and a key sent as {@code Authorization} instead of {@code x-api-key} (401).
     * The simulator checks no key's value.
     */
    static String[] headerProblem(HttpRequest request) {
        Header version = request.getFirstHeader("anthropic-version");
        if (version == null || version.getValue().isBlank()) {
            return new String[] {"400", "anthropic-version: header is required"};
        }
        if (request.getFirstHeader("x-api-key") == null && request.getFirstHeader("Authorization") != null) {
            return new String[] {"401", "x-api-key header is required"};
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
