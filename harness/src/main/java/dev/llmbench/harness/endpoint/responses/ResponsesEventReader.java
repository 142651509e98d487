package dev.llmbench.harness.endpoint.responses;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads what a benchmark needs from one Responses API stream event (one SSE {@code data} payload) with Jackson's
 * streaming {@link JsonParser} only (no databind, no tree): {@code type}; {@code delta}; the {@code error} event's own
 * {@code code} and {@code message} (or a nested {@code error} object); and of a {@code response} object its {@code id},
 * {@code status}, {@code error}, {@code incomplete_details.reason} and {@code usage}. Everything else — {@code
 * sequence_number}, {@code item_id}, {@code logprobs}, and the whole {@code output} that {@code response.completed}
 * repeats — is skipped with {@code skipChildren()} and never decoded, and a delta's text is appended from the parser's
 * char buffer without a {@code String}.
 *
 * <p>Field names come from Jackson's symbol table (canonical strings, not allocated per event). Not thread-safe (it
 * learns the last event type); one instance per thread.
 */
final class ResponsesEventReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final ResponsesEvent.Type[] KNOWN = ResponsesEvent.Type.values();

    /** The type of the last event (most events of a stream are deltas of one type): matched first. */
    private ResponsesEvent.Type lastType = ResponsesEvent.Type.OUTPUT_TEXT_DELTA;

    /**
     * Reads one event into {@code out}, which the caller has {@link ResponsesEvent#reset() reset}.
     *
     * @param sseEventType the SSE {@code event:} name, used only when the data has no {@code type} field
     * @throws IOException on malformed JSON (truncated, not an object, trailing content); {@code out} is then reset
     */
    void read(byte[] data, String sseEventType, ResponsesEvent out) throws IOException {
        try (JsonParser p = FACTORY.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object, got " + p.currentToken());
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "type":
                        out.typed = true;
                        out.type = t == JsonToken.VALUE_STRING ? typeOf(p) : ResponsesEvent.Type.OTHER;
                        break;
                    case "delta":
                        if (t == JsonToken.VALUE_STRING) out.delta.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        else p.skipChildren();
                        break;
                    case "response":
                        if (t == JsonToken.START_OBJECT) readResponse(p, out);
                        else p.skipChildren();
                        break;
                    case "code":
                        out.errorCode = stringOrNull(p, t);
                        break;
                    case "message":
                        out.errorMessage = stringOrNull(p, t);
                        break;
                    case "error":
                        readError(p, t, out);
                        break;
                    default:
                        p.skipChildren();                           // sequence_number, item_id, logprobs, ...
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON object: " + p.currentToken());
            }
        } catch (IOException | RuntimeException e) {
            out.reset();
            throw e;
        }
        if (!out.typed) out.type = ResponsesEvent.Type.named(sseEventType);
    }

    private ResponsesEvent.Type typeOf(JsonParser p) throws IOException {
        if (sameText(p, lastType.wireName)) return lastType;
        for (ResponsesEvent.Type t : KNOWN) {
            if (t.wireName != null && sameText(p, t.wireName)) return lastType = t;
        }
        return ResponsesEvent.Type.OTHER;
    }

    private static void readResponse(JsonParser p, ResponsesEvent out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> out.responseId = stringOrNull(p, t);
                case "status" -> out.status = stringOrNull(p, t);
                case "error" -> readError(p, t, out);
                case "incomplete_details" -> {
                    if (t == JsonToken.START_OBJECT) {
                        String n;
                        while ((n = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if (n.equals("reason")) out.incompleteReason = stringOrNull(p, v);
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "usage" -> {
                    if (t == JsonToken.START_OBJECT) readUsage(p, out);
                    else p.skipChildren();
                }
                default -> p.skipChildren();                        // output (the whole text again), model, tools, ...
            }
        }
    }

    private static void readUsage(JsonParser p, ResponsesEvent out) throws IOException {
        out.hasUsage = true;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "input_tokens" -> out.inputTokens = intOr(p, t, -1);
                case "output_tokens" -> out.outputTokens = intOr(p, t, -1);
                case "input_tokens_details" -> out.cachedTokens = detail(p, t, "cached_tokens");
                case "output_tokens_details" -> out.reasoningTokens = detail(p, t, "reasoning_tokens");
                default -> p.skipChildren();                        // total_tokens, ...
            }
        }
    }

    /** The integer field {@code field} of a details object, or -1. */
    private static int detail(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return -1;
        }
        int value = -1;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals(field)) value = intOr(p, v, -1);
            else p.skipChildren();
        }
        return value;
    }

    /** An error object ({@code code}, {@code message}), or a string; {@code null} is no error. */
    private static void readError(JsonParser p, JsonToken t, ResponsesEvent out) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            out.errorMessage = p.getText();
        } else if (t == JsonToken.START_OBJECT) {
            String code = null, message = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (name.equals("code")) code = v == JsonToken.VALUE_NUMBER_INT ? p.getText() : stringOrNull(p, v);
                else if (name.equals("message")) message = stringOrNull(p, v);
                else p.skipChildren();
            }
            out.errorCode = code;
            out.errorMessage = message != null ? message : "error";
        } else {
            p.skipChildren();
        }
    }

    private static String stringOrNull(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) return p.getText();
        p.skipChildren();
        return null;
    }

    private static int intOr(JsonParser p, JsonToken t, int dflt) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : dflt;
    }

    /** Whether the current string value equals {@code s}, without allocating. */
    private static boolean sameText(JsonParser p, String s) throws IOException {
        int len = p.getTextLength();
        if (len != s.length()) return false;
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        for (int i = len - 1; i >= 0; i--) {                        // from the end: the types share "response."
            if (chars[off + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
