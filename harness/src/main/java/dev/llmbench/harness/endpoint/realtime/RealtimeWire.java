package dev.llmbench.harness.endpoint.realtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.Redactor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAI Realtime text flow's JSON: the client events the endpoint sends, and the server events it reads.
 *
 * <p>Sent (GA names): {@code session.update} with {@code session: {type: "realtime", output_modalities: ["text"]}} once
 * per connection; per request {@code conversation.item.create} (one {@code message} item per prompt message, its
 * text as {@code input_text}, an assistant turn's as {@code output_text}) and {@code response.create} with
 * {@code output_modalities: ["text"]}, {@code max_output_tokens} when the request sets one, and the request's extra
 * fields passed through into {@code response}. {@code min_tokens}/{@code ignore_eos} have no Realtime equivalent
 * and are not sent.
 *
 * <p>Read: {@code response.created} (response id), {@code response.output_text.delta} and the beta
 * {@code response.text.delta} (text), {@code rate_limits.updated}, {@code response.done} (status; {@code usage}:
 * {@code input_tokens}, {@code output_tokens}, {@code input_token_details.cached_tokens}), {@code error}. A delta is
 * parsed with the streaming parser only; the nested objects of the rarer events are read as trees. Stateless and
 * thread-safe.
 */
final class RealtimeWire {

    static final String SESSION_UPDATE = "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"output_modalities\":[\"text\"]}}";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final int PREVIEW_CHARS = 200;

    private RealtimeWire() {
    }

    /** The request's client events: one {@code conversation.item.create} per message, then {@code response.create}. */
    static String[] frames(GenerationRequest request) {
        List<ChatMessage> messages = request.messages().isEmpty() ? List.of(ChatMessage.user(request.prompt())) : request.messages();
        String[] frames = new String[messages.size() + 1];
        try {
            for (int i = 0; i < messages.size(); i++) {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = FACTORY.createGenerator(w)) {
                    writeItem(g, messages.get(i));
                }
                frames[i] = w.toString();
            }
            StringWriter w = new StringWriter();
            try (JsonGenerator g = FACTORY.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("type", "response.create");
                g.writeObjectFieldStart("response");
                g.writeArrayFieldStart("output_modalities");
                g.writeString("text");
                g.writeEndArray();
                if (request.maxTokens() > 0) g.writeNumberField("max_output_tokens", request.maxTokens());
                for (Map.Entry<String, Object> e : request.extraFields().entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeObject(e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            frames[messages.size()] = w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }

    private static void writeItem(JsonGenerator g, ChatMessage m) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "conversation.item.create");
        g.writeObjectFieldStart("item");
        g.writeStringField("type", "message");
        g.writeStringField("role", m.role());
        g.writeArrayFieldStart("content");
        g.writeStartObject();
        g.writeStringField("type", "assistant".equals(m.role()) ? "output_text" : "input_text");
        g.writeStringField("text", m.content());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Parses one server event. Reader thread.
     *
     * @throws ProtocolException when the frame is not a JSON object with a {@code type}
     */
    static RealtimeEvent parse(String frame, long nanos, RealtimeConnection c, RealtimeRequest r, Redactor redactor)
            throws ProtocolException {
        String type = null;
        String delta = null;
        String responseId = null;
        JsonNode response = null;
        JsonNode error = null;
        JsonNode rateLimits = null;
        try (JsonParser p = FACTORY.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new ProtocolException("WebSocket frame is not a JSON object", bytes(frame));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "type" -> type = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "delta" -> delta = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "response_id" -> responseId = v == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "response" -> response = v == JsonToken.START_OBJECT ? MAPPER.readTree(p) : null;
                    case "error" -> error = v == JsonToken.START_OBJECT ? MAPPER.readTree(p) : null;
                    case "rate_limits" -> rateLimits = v == JsonToken.START_ARRAY ? MAPPER.readTree(p) : null;
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new ProtocolException("malformed JSON in a WebSocket frame (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", bytes(frame));
        }
        if (type == null) throw new ProtocolException("WebSocket event without a \"type\"", bytes(frame));
        switch (type) {
            case "response.output_text.delta", "response.text.delta" -> {
                RealtimeEvent e = new RealtimeEvent(c, r, RealtimeEvent.Type.TEXT_DELTA, nanos);
                e.text = delta;
                e.responseId = responseId;
                return e;
            }
            case "response.created" -> {
                RealtimeEvent e = new RealtimeEvent(c, r, RealtimeEvent.Type.RESPONSE_CREATED, nanos);
                e.responseId = response == null ? null : text(response, "id");
                return e;
            }
            case "rate_limits.updated" -> {
                RealtimeEvent e = new RealtimeEvent(c, r, RealtimeEvent.Type.RATE_LIMITS, nanos);
                e.rateLimits = rateLimitHeaders(rateLimits);
                return e;
            }
            case "response.done" -> {
                return done(response, nanos, c, r, redactor);
            }
            case "error" -> {
                return RealtimeEvent.failed(c, r, nanos, errorFailure("error event", error, redactor));
            }
            default -> {
                return new RealtimeEvent(c, r, RealtimeEvent.Type.OTHER, nanos);
            }
        }
    }

    private static RealtimeEvent done(JsonNode response, long nanos, RealtimeConnection c, RealtimeRequest r, Redactor redactor) {
        RealtimeEvent e = new RealtimeEvent(c, r, RealtimeEvent.Type.RESPONSE_DONE, nanos);
        if (response == null) return e;
        e.responseId = text(response, "id");
        e.status = text(response, "status");
        JsonNode usage = response.path("usage");
        if (usage.isObject()) {
            e.inputTokens = integer(usage.path("input_tokens"));
            e.outputTokens = integer(usage.path("output_tokens"));
            e.cachedTokens = integer(usage.path("input_token_details").path("cached_tokens"));
        }
        JsonNode details = response.path("status_details");
        if ("failed".equals(e.status)) {
            e.failure = errorFailure("response failed", details.path("error"), redactor);
        } else if ("cancelled".equals(e.status)) {
            String reason = text(details, "reason");
            e.failure = Failure.of(FailureKind.PROTOCOL_ERROR, "response cancelled by the server"
                    + (reason == null ? "" : " (" + redactor.redact(reason) + ")"));
            e.closeConnection = false;
        }
        return e;
    }

    /** An {@code error} object as a typed failure: {@code rate_limit_exceeded} is rate limiting, the rest a protocol error. */
    static Failure errorFailure(String what, JsonNode error, Redactor redactor) {
        String type = error == null ? null : text(error, "type");
        String code = error == null ? null : text(error, "code");
        String message = error == null ? null : text(error, "message");
        boolean rateLimited = "rate_limit_exceeded".equals(code) || "rate_limit_exceeded".equals(type)
                || "rate_limit_error".equals(type);
        StringBuilder b = new StringBuilder(what);
        if (type != null) b.append(' ').append(type);
        if (code != null) b.append(" (").append(code).append(')');
        if (message != null) b.append(": ").append(message);
        return Failure.of(rateLimited ? FailureKind.RATE_LIMITED : FailureKind.PROTOCOL_ERROR, redactor.redact(b));
    }

    /**
     * {@code rate_limits.updated}'s entries as the {@code x-ratelimit-*} headers the HTTP endpoints record:
     * {@code x-ratelimit-limit-<name>}, {@code x-ratelimit-remaining-<name>}, {@code x-ratelimit-reset-<name>}
     * ({@code reset_seconds} written as {@code 1.5s}, the headers' duration form).
     */
    static Map<String, String> rateLimitHeaders(JsonNode rateLimits) {
        Map<String, String> headers = new TreeMap<>();
        if (rateLimits == null || !rateLimits.isArray()) return headers;
        for (JsonNode l : rateLimits) {
            String name = text(l, "name");
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,40}")) continue;
            if (l.path("limit").isNumber()) headers.put("x-ratelimit-limit-" + name, l.path("limit").asText());
            if (l.path("remaining").isNumber()) headers.put("x-ratelimit-remaining-" + name, l.path("remaining").asText());
            if (l.path("reset_seconds").isNumber()) headers.put("x-ratelimit-reset-" + name, l.path("reset_seconds").asDouble() + "s");
        }
        return headers;
    }

    /** A short, redacted preview of a server frame for a message. */
    static String preview(byte[] frame, Redactor redactor) {
        return redactor.preview(frame, PREVIEW_CHARS);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static int integer(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() ? n.intValue() : -1;
    }
}
