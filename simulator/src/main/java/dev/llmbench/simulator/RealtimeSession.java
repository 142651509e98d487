package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.WebSocket;

/**
 * One Realtime WebSocket connection: the OpenAI Realtime text flow as the GA API names its events.
 *
 * <ul>
 *   <li>on open: {@code session.created};</li>
 *   <li>{@code session.update} (text output: {@code output_modalities: ["text"]}, or the beta {@code modalities}):
 *       {@code session.updated};</li>
 *   <li>{@code conversation.item.create} (a user message of {@code input_text} parts): {@code conversation.item.added};
 *       its text becomes the next response's input (earlier turns are not modelled: input is what was added since the
 *       last response);</li>
 *   <li>{@code response.create} (optional {@code response.max_output_tokens}, or the beta
 *       {@code max_response_output_tokens}): {@code response.created}, {@code rate_limits.updated} when the simulator
 *       has limits, {@code response.output_item.added}, {@code response.content_part.added}, then one
 *       {@code response.output_text.delta} per token as the step loop releases it, then
 *       {@code response.output_text.done}, {@code response.content_part.done}, {@code response.output_item.done} and
 *       {@code response.done} with {@code usage} ({@code input_tokens}, {@code output_tokens},
 *       {@code input_token_details.cached_tokens}, always 0 here);</li>
 *   <li>{@code response.cancel}: the response ends with {@code response.done}, status {@code cancelled};</li>
 *   <li>anything else, bad JSON, a second {@code response.create} while one runs, or a request over the RPM/TPM
 *       limits ({@code code: rate_limit_exceeded}): an {@code error} event; the connection stays open.</li>
 * </ul>
 * The emit time of each delta goes to the {@link EmitLog} under the response id, taken just before the frame is handed
 * to Java-WebSocket (which queues it for its selector thread: the wire write follows within microseconds).
 *
 * <p>Thread-safety: messages arrive on a server worker thread, tokens on the step-loop thread; the response state is
 * guarded by this session's monitor, and Java-WebSocket's {@code send} is thread-safe.
 */
final class RealtimeSession implements Sequence.Listener {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RealtimeServer server;
    private final ServerState state;
    private final WebSocket conn;
    private final String sessionId;

    // Guarded by this.
    private long inputCodePoints;
    private long inputHash = 1125899906842597L;
    private Sequence sequence;
    private String responseId;
    private String itemId;
    private long streamKey;
    private int sent;
    private EmitLog.Times emitTimes;
    private boolean maxGiven;

    RealtimeSession(RealtimeServer server, WebSocket conn) {
        this.server = server;
        this.state = server.state;
        this.conn = conn;
        this.sessionId = "sess_" + server.eventIds.incrementAndGet();
    }

    void opened() {
        send("{\"type\":\"session.created\",\"event_id\":" + eventId() + ",\"session\":" + session() + "}");
    }

    void onMessage(String message) {
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (Exception e) {
            error("invalid_request_error", "invalid_json", "The event is not valid JSON.", null);
            return;
        }
        String type = root.path("type").asText("");
        String clientEventId = root.path("event_id").isTextual() ? root.path("event_id").asText() : null;
        switch (type) {
            case "session.update" -> send("{\"type\":\"session.updated\",\"event_id\":" + eventId() + ",\"session\":" + session() + "}");
            case "conversation.item.create" -> itemCreate(root.path("item"), clientEventId);
            case "response.create" -> responseCreate(root.path("response"), clientEventId);
            case "response.cancel" -> cancel();
            default -> error("invalid_request_error", "invalid_value",
                    "Invalid value: " + Json.quote(type) + ". Supported values are: 'session.update', "
                            + "'conversation.item.create', 'response.create', 'response.cancel'.", clientEventId);
        }
    }

    private void itemCreate(JsonNode item, String clientEventId) {
        JsonNode content = item.path("content");
        if (!"message".equals(item.path("type").asText("message")) || !content.isArray()) {
            error("invalid_request_error", "invalid_value", "Only message items with content parts are simulated.", clientEventId);
            return;
        }
        String id = "item_" + server.itemIds.incrementAndGet();
        synchronized (this) {
            for (JsonNode part : content) {
                JsonNode t = part.get("text");
                if (t != null && t.isTextual()) {
                    String s = t.asText();
                    inputCodePoints += s.codePointCount(0, s.length());
                    inputHash = 31 * inputHash + s.hashCode();
                }
            }
        }
        send("{\"type\":\"conversation.item.added\",\"event_id\":" + eventId() + ",\"previous_item_id\":null,\"item\":{\"id\":\""
                + id + "\",\"object\":\"realtime.item\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"user\"}}");
    }

    private void responseCreate(JsonNode response, String clientEventId) {
        int maxTokens = state.config.profile().defaultMaxTokens();
        boolean given = false;
        for (String field : new String[] {"max_response_output_tokens", "max_output_tokens"}) {
            JsonNode n = response.path(field);
            if (n.isIntegralNumber() && n.canConvertToInt() && n.intValue() >= 1) {
                maxTokens = n.intValue();
                given = true;
            } else if (!n.isMissingNode() && !n.isNull() && !"inf".equals(n.asText())) {
                error("invalid_request_error", "invalid_value", "'response." + field + "' must be a positive integer or 'inf'.", clientEventId);
                return;
            }
        }
        RateLimiter.Decision decision = null;
        Sequence s;
        synchronized (this) {
            if (sequence != null) {
                error("invalid_request_error", "conversation_already_has_active_response",
                        "Conversation already has an active response in progress: " + responseId + ".", clientEventId);
                return;
            }
            int promptTokens = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (inputCodePoints + 3) / 4));
            if (!state.rateLimiter.isUnlimited()) {
                decision = state.rateLimiter.tryAcquire(System.nanoTime(), (long) promptTokens + maxTokens);
                if (!decision.admitted()) {
                    state.rateLimited.increment();
                    state.rejected.increment();
                    error("invalid_request_error", "rate_limit_exceeded", "Rate limit reached: " + decision.reason()
                            + ". Please try again in " + decision.retryAfterSeconds() + "s.", clientEventId);
                    return;
                }
            }
            state.requestNumbers.getAndIncrement();
            responseId = "resp_" + state.responseIds.incrementAndGet();
            itemId = "item_" + server.itemIds.incrementAndGet();
            streamKey = Mix.mix64(state.config.seed() ^ Mix.mix64(inputHash));
            sent = 0;
            maxGiven = given;
            emitTimes = state.emitLog.open(responseId);
            s = new Sequence(promptTokens, maxTokens, this);
            sequence = s;
            inputCodePoints = 0;
            inputHash = 1125899906842597L;
            state.accepted.increment();
            send("{\"type\":\"response.created\",\"event_id\":" + eventId() + ",\"response\":{\"object\":\"realtime.response\",\"id\":\""
                    + responseId + "\",\"status\":\"in_progress\",\"status_details\":null,\"output\":[],\"usage\":null}}");
            if (decision != null) send(rateLimits(decision));
            send("{\"type\":\"response.output_item.added\",\"event_id\":" + eventId() + ",\"response_id\":\"" + responseId
                    + "\",\"output_index\":0,\"item\":{\"id\":\"" + itemId + "\",\"object\":\"realtime.item\",\"type\":\"message\","
                    + "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}");
            send("{\"type\":\"response.content_part.added\",\"event_id\":" + eventId() + ",\"response_id\":\"" + responseId
                    + "\",\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,\"part\":{\"type\":\"text\",\"text\":\"\"}}");
        }
        state.stepLoop.submit(s);
    }

    private String rateLimits(RateLimiter.Decision d) {
        StringBuilder b = new StringBuilder("{\"type\":\"rate_limits.updated\",\"event_id\":").append(eventId()).append(",\"rate_limits\":[");
        boolean first = true;
        if (state.config.requestsPerMinute() > 0) {
            b.append("{\"name\":\"requests\",\"limit\":").append(state.config.requestsPerMinute()).append(",\"remaining\":")
                    .append(d.remainingRequests()).append(",\"reset_seconds\":60.0}");
            first = false;
        }
        if (state.config.tokensPerMinute() > 0) {
            if (!first) b.append(',');
            b.append("{\"name\":\"tokens\",\"limit\":").append(state.config.tokensPerMinute()).append(",\"remaining\":")
                    .append(d.remainingTokens()).append(",\"reset_seconds\":60.0}");
        }
        return b.append("]}").toString();
    }

    private void cancel() {
        synchronized (this) {
            if (sequence == null) return;
            sequence.cancel();
            finish("cancelled", null);
        }
    }

    void closed() {
        synchronized (this) {
            if (sequence != null) sequence.cancel(); // nobody reads the output any more: free its KV
            sequence = null;
        }
    }

    // ---------------------------------------------------------------- step-loop callbacks (step thread)

    @Override
    public void onAdmitted() {
    }

    @Override
    public void onToken(int tokensReleased, boolean finished) {
        synchronized (this) {
            Sequence s = sequence;
            if (s == null || s.cancelled()) return;
            while (sent < tokensReleased) {
                String delta = TokenVocabulary.text(TokenVocabulary.index(streamKey, sent));
                sent++;
                state.tokensEmitted.increment();
                EmitLog.Times t = emitTimes;
                if (t != null) t.add(System.nanoTime());
                send("{\"type\":\"response.output_text.delta\",\"event_id\":" + eventId() + ",\"response_id\":\"" + responseId
                        + "\",\"item_id\":\"" + itemId + "\",\"output_index\":0,\"content_index\":0,\"delta\":" + Json.quote(delta) + "}");
            }
            if (finished) finish(maxGiven ? "incomplete" : "completed", maxGiven ? "max_output_tokens" : null);
        }
    }

    /** Ends the current response with its closing events. Holds this. */
    private void finish(String status, String reason) {
        Sequence s = sequence;
        sequence = null;
        String text = TokenVocabulary.text(streamKey, sent);
        String q = Json.quote(text);
        String ids = "\"response_id\":\"" + responseId + "\",\"item_id\":\"" + itemId + "\",\"output_index\":0";
        send("{\"type\":\"response.output_text.done\",\"event_id\":" + eventId() + "," + ids + ",\"content_index\":0,\"text\":" + q + "}");
        send("{\"type\":\"response.content_part.done\",\"event_id\":" + eventId() + "," + ids + ",\"content_index\":0,\"part\":{\"type\":\"text\",\"text\":" + q + "}}");
        String item = "{\"id\":\"" + itemId + "\",\"object\":\"realtime.item\",\"type\":\"message\",\"status\":\"" + ("cancelled".equals(status) ? "incomplete" : "completed")
                + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":" + q + "}]}";
        send("{\"type\":\"response.output_item.done\",\"event_id\":" + eventId() + ",\"response_id\":\"" + responseId + "\",\"output_index\":0,\"item\":" + item + "}");
        int in = s.promptTokens;
        send("{\"type\":\"response.done\",\"event_id\":" + eventId() + ",\"response\":{\"object\":\"realtime.response\",\"id\":\"" + responseId
                + "\",\"status\":\"" + status + "\",\"status_details\":" + (reason == null ? "null" : "{\"type\":\"" + status + "\",\"reason\":\"" + reason + "\"}")
                + ",\"output\":[" + item + "],\"usage\":{\"total_tokens\":" + (in + sent) + ",\"input_tokens\":" + in + ",\"output_tokens\":" + sent
                + ",\"input_token_details\":{\"text_tokens\":" + in + ",\"audio_tokens\":0,\"cached_tokens\":0},"
                + "\"output_token_details\":{\"text_tokens\":" + sent + ",\"audio_tokens\":0}}}}");
        state.completed.increment();
    }

    // ---------------------------------------------------------------- helpers

    private String session() {
        return "{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"" + sessionId + "\",\"model\":"
                + Json.quote(state.config.profile().modelName()) + ",\"output_modalities\":[\"text\"]}";
    }

    private void error(String type, String code, String message, String clientEventId) {
        send("{\"type\":\"error\",\"event_id\":" + eventId() + ",\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code
                + "\",\"message\":" + Json.quote(message) + ",\"param\":null,\"event_id\":" + Json.quote(clientEventId) + "}}");
    }

    private String eventId() {
        return "\"event_" + server.eventIds.incrementAndGet() + "\"";
    }

    /** Sends unless the connection has gone; never throws (the step-loop thread must survive a client that left). */
    private void send(String event) {
        try {
            if (conn.isOpen()) conn.send(event);
        } catch (RuntimeException closedMeanwhile) {
            // the client went away between the check and the send: closed() frees the sequence
        }
    }
}
