package dev.llmbench.harness.endpoint.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Extracts what a benchmark needs from one Anthropic Messages payload: a stream event's {@code data}, or a whole
 * non-streamed Message body. Jackson's streaming {@link JsonParser} only (no databind, no tree); text is appended from
 * the parser's char buffer, without a {@code String}.
 *
 * <p>Read, all optional: the top-level {@code type}; {@code id}, {@code content[]} blocks, {@code stop_reason} and
 * {@code usage} of a Message (top-level in a body, under {@code message} in {@code message_start});
 * {@code content_block} ({@code content_block_start}: a {@code text}, {@code thinking} or {@code tool_use} block);
 * {@code delta} ({@code text_delta.text}, {@code thinking_delta.thinking}, {@code input_json_delta.partial_json},
 * {@code stop_reason}); {@code usage} ({@code input_tokens}, {@code output_tokens}, {@code cache_creation_input_tokens},
 * {@code cache_read_input_tokens}); {@code error} ({@code type}, {@code message}). Everything else (signatures,
 * citations, {@code stop_sequence}, {@code cache_creation} breakdowns, ...) is skipped without being decoded.
 *
 * <p>Not thread-safe; reuse one instance per thread. (A parser per payload: OpenAI's extractor re-points one parser
 * instead, which saves about a fifth of a chunk's cost; sharing that parser is left for when it moves out of its package.)
 */
final class AnthropicEventExtractor {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final String[] TYPES = {"content_block_delta", "message_start", "content_block_start",
            "content_block_stop", "message_delta", "message_stop", "ping", "error", "message"};

    /**
     * Parses one payload into {@code out}, which the caller has {@link AnthropicEvent#reset() reset}.
     *
     * @throws IOException on malformed JSON (truncated, not an object, trailing content); {@code out} is then reset
     */
    void extract(byte[] data, int off, int len, AnthropicEvent out) throws IOException {
        try (JsonParser p = FACTORY.createParser(data, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object, got " + p.currentToken());
            }
            readObject(p, out, true);
            if (p.nextToken() != null) throw new JsonParseException(p, "trailing content after the JSON object: " + p.currentToken());
        } catch (IOException | RuntimeException e) {
            out.reset();
            throw e;
        }
    }

    /** The top-level payload or a {@code message} object (a Message's fields; {@code type} kept only at the top). */
    private void readObject(JsonParser p, AnthropicEvent out, boolean top) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "type":
                    if (top && t == JsonToken.VALUE_STRING) out.type = typeOf(p);
                    else p.skipChildren();
                    break;
                case "id":
                    if (t == JsonToken.VALUE_STRING) out.messageId = p.getText();
                    else p.skipChildren();
                    break;
                case "message":
                    if (t == JsonToken.START_OBJECT) readObject(p, out, false);
                    else p.skipChildren();
                    break;
                case "content":
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == JsonToken.START_OBJECT) readBlock(p, out);
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "content_block":
                case "delta":
                    if (t == JsonToken.START_OBJECT) readBlock(p, out);
                    else p.skipChildren();
                    break;
                case "stop_reason":
                    if (t == JsonToken.VALUE_STRING) out.stopReason = p.getText();
                    else p.skipChildren();
                    break;
                case "usage":
                    if (t == JsonToken.START_OBJECT) readUsage(p, out);
                    else p.skipChildren();
                    break;
                case "error":
                    if (t == JsonToken.START_OBJECT) readError(p, out);
                    else p.skipChildren();
                    break;
                default:
                    p.skipChildren();                       // index, model, role, stop_sequence, ...
            }
        }
    }

    /**
     * A content block ({@code content[i]}, {@code content_block}) or a delta: whichever output field it carries. A
     * {@code tool_use} block's input is kept only when it is not empty (a stream's block starts with {@code {}}).
     */
    private static void readBlock(JsonParser p, AnthropicEvent out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "text" -> appendText(p, t, out.text);
                case "thinking" -> appendText(p, t, out.thinking);
                case "partial_json", "name" -> appendText(p, t, out.toolCall);
                case "stop_reason" -> {
                    if (t == JsonToken.VALUE_STRING) out.stopReason = p.getText();
                    else p.skipChildren();
                }
                case "input" -> appendJson(p, t, out.toolCall);
                default -> p.skipChildren();                 // type, signature, citations, id, stop_sequence, ...
            }
        }
    }

    private static void readUsage(JsonParser p, AnthropicEvent out) throws IOException {
        out.hasUsage = true;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "input_tokens" -> out.inputTokens = intOf(p, t, out.inputTokens);
                case "output_tokens" -> out.outputTokens = intOf(p, t, out.outputTokens);
                case "cache_creation_input_tokens" -> out.cacheCreationTokens = intOf(p, t, out.cacheCreationTokens);
                case "cache_read_input_tokens" -> out.cacheReadTokens = intOf(p, t, out.cacheReadTokens);
                default -> p.skipChildren();                 // cache_creation {...}, server_tool_use, service_tier
            }
        }
    }

    private static void readError(JsonParser p, AnthropicEvent out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && "type".equals(name)) out.errorType = p.getText();
            else if (t == JsonToken.VALUE_STRING && "message".equals(name)) out.errorMessage = p.getText();
            else p.skipChildren();
        }
        if (out.errorType == null && out.errorMessage == null) out.errorMessage = "error";
    }

    /** A count; null (the field is nullable) and anything else not a whole number keep {@code absent}. */
    private static int intOf(JsonParser p, JsonToken t, int absent) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) return Math.max(-1, p.getIntValue());
        p.skipChildren();
        return absent;
    }

    private static void appendText(JsonParser p, JsonToken t, StringBuilder to) throws IOException {
        if (t == JsonToken.VALUE_STRING) to.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        else p.skipChildren();
    }

    /** A tool's input object written back as JSON text (only in non-streamed bodies and tool-block starts). */
    private static void appendJson(JsonParser p, JsonToken t, StringBuilder to) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        String json = w.toString();
        if (!json.equals("{}")) to.append(json);
    }

    /** The known event type strings are shared, not allocated per event. */
    private static String typeOf(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        outer:
        for (String known : TYPES) {
            if (known.length() != len) continue;
            for (int i = 0; i < len; i++) if (chars[off + i] != known.charAt(i)) continue outer;
            return known;
        }
        return p.getText();
    }
}
