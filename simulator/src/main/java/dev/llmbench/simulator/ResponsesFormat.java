package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;

/**
 * OpenAI's Responses API ({@code POST /v1/responses}) as a {@link StreamFormat}: typed SSE events, each with an
 * {@code event:} line and a {@code data:} JSON object carrying {@code type} and a {@code sequence_number} that counts
 * from 0 across the stream:
 * <ol>
 *   <li>opening: {@code response.created}, {@code response.in_progress} (the response, {@code status: in_progress}),
 *       {@code response.output_item.added} (an assistant message), {@code response.content_part.added} (an empty
 *       {@code output_text} part);</li>
 *   <li>one {@code response.output_text.delta} per token ({@code item_id}, {@code output_index}, {@code content_index},
 *       {@code delta});</li>
 *   <li>closing: {@code response.output_text.done}, {@code response.content_part.done}, {@code response.output_item.done},
 *       each with the whole text;</li>
 *   <li>final: {@code response.completed}, the whole response with its {@code usage} ({@code input_tokens},
 *       {@code input_tokens_details.cached_tokens} 0, {@code output_tokens}, {@code output_tokens_details.reasoning_tokens}
 *       0). There is no {@code [DONE]}.</li>
 * </ol>
 * Not streamed: the {@code Response} object ({@code object: "response"}) as {@code response.completed} carries it.
 * Every output token is generated, so the status is {@code completed} even at {@code max_output_tokens}.
 *
 * <p>A token's event is three pre-built byte templates around its sequence number and its pre-encoded word: array copies
 * only. Built once per request on the reactor thread; immutable afterwards.
 */
final class ResponsesFormat implements StreamFormat {

    /** What the {@code malformed_json_after} fault writes: a delta event whose JSON is cut short. */
    static final byte[] MALFORMED_JSON = ("event: response.output_text.delta\n"
            + "data: {\"type\":\"response.output_text.delta\",\"delta\":\n\n").getBytes(StandardCharsets.US_ASCII);

    /** Events before the first token. */
    private static final int OPENING_EVENTS = 4;
    private static final String DELTA = "response.output_text.delta";

    private final CompletionRequest request;
    private final String responseId;
    private final String itemId;
    private final long created;
    private final long streamKey;
    /** {@code event: …delta\ndata: {"type":…,"sequence_number":} */
    private final byte[] tokenPrefix;
    /** {@code ,"item_id":…,"delta":} */
    private final byte[] tokenMiddle;
    /** {@code ,"logprobs":[]}\n\n} */
    private final byte[] tokenSuffix;

    ResponsesFormat(CompletionRequest request, String responseId, long createdEpochSeconds, long streamKey) {
        this.request = request;
        this.responseId = responseId;
        this.itemId = "msg_" + responseId.substring(responseId.indexOf('_') + 1);
        this.created = createdEpochSeconds;
        this.streamKey = streamKey;
        this.tokenPrefix = utf8("event: " + DELTA + "\ndata: {\"type\":\"" + DELTA + "\",\"sequence_number\":");
        this.tokenMiddle = utf8(",\"item_id\":" + Json.quote(itemId) + ",\"output_index\":0,\"content_index\":0,\"delta\":");
        this.tokenSuffix = utf8(",\"logprobs\":[]}\n\n");
    }

    @Override
    public byte[] opening() {
        String inProgress = response("in_progress", "[]", "null");
        return utf8(event("response.created", 0, "\"response\":" + inProgress)
                + event("response.in_progress", 1, "\"response\":" + inProgress)
                + event("response.output_item.added", 2, "\"output_index\":0,\"item\":" + message("in_progress", "[]"))
                + event("response.content_part.added", 3, "\"item_id\":" + Json.quote(itemId)
                        + ",\"output_index\":0,\"content_index\":0,\"part\":" + textPart("\"\"")));
    }

    @Override
    public byte[] token(int position) {
        byte[] word = TokenVocabulary.json(TokenVocabulary.index(streamKey, position));
        int sequence = OPENING_EVENTS + position;
        int digits = digits(sequence);
        byte[] out = new byte[tokenPrefix.length + digits + tokenMiddle.length + word.length + tokenSuffix.length];
        int at = copy(tokenPrefix, out, 0);
        for (int i = at + digits - 1, v = sequence; i >= at; i--, v /= 10) {
            out[i] = (byte) ('0' + v % 10);
        }
        at = copy(tokenMiddle, out, at + digits);
        at = copy(word, out, at);
        copy(tokenSuffix, out, at);
        return out;
    }

    @Override
    public byte[] closing() {
        int n = OPENING_EVENTS + request.maxTokens();
        String text = text();
        String where = "\"item_id\":" + Json.quote(itemId) + ",\"output_index\":0,\"content_index\":0,";
        return utf8(event("response.output_text.done", n, where + "\"text\":" + text + ",\"logprobs\":[]")
                + event("response.content_part.done", n + 1, where + "\"part\":" + textPart(text))
                + event("response.output_item.done", n + 2, "\"output_index\":0,\"item\":" + completedMessage(text)));
    }

    @Override
    public byte[] finalEvent() {
        String text = text();
        return utf8(event("response.completed", OPENING_EVENTS + request.maxTokens() + 3,
                "\"response\":" + response("completed", "[" + completedMessage(text) + "]", usage())));
    }

    @Override
    public byte[] fullBody() {
        return utf8(response("completed", "[" + completedMessage(text()) + "]", usage()));
    }

    @Override
    public byte[] malformedJson() {
        return MALFORMED_JSON;
    }

    private String text() {
        return Json.quote(TokenVocabulary.text(streamKey, request.maxTokens()));
    }

    private static String event(String type, int sequence, String fields) {
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence + "," + fields + "}\n\n";
    }

    /** The Response object. */
    private String response(String status, String output, String usage) {
        return "{\"id\":" + Json.quote(responseId) + ",\"object\":\"response\",\"created_at\":" + created
                + ",\"status\":\"" + status + "\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
                + "\"max_output_tokens\":" + (request.maxTokensGiven() ? Integer.toString(request.maxTokens()) : "null")
                + ",\"model\":" + Json.quote(request.model()) + ",\"output\":" + output
                + ",\"parallel_tool_calls\":true,\"previous_response_id\":null,\"store\":false,\"tool_choice\":\"auto\","
                + "\"tools\":[],\"truncation\":\"disabled\",\"usage\":" + usage + "}";
    }

    private String message(String status, String content) {
        return "{\"id\":" + Json.quote(itemId) + ",\"type\":\"message\",\"status\":\"" + status
                + "\",\"role\":\"assistant\",\"content\":" + content + "}";
    }

    private String completedMessage(String text) {
        return message("completed", "[" + textPart(text) + "]");
    }

    private static String textPart(String quotedText) {
        return "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":" + quotedText + "}";
    }

    private String usage() {
        int p = request.promptTokens();
        int n = request.maxTokens();
        return "{\"input_tokens\":" + p + ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + n
                + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" + ((long) p + n) + "}";
    }

    private static int digits(int v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    private static int copy(byte[] from, byte[] to, int at) {
        System.arraycopy(from, 0, to, at, from.length);
        return at + from.length;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
