package dev.llmbench.harness.endpoint.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Extracts what a benchmark needs from one OpenAI-style JSON payload: a chat-completions or completions stream chunk
 * (one SSE {@code data} payload), or a whole non-streamed response body. Uses Jackson's streaming
 * {@link JsonParser} only (no databind, no tree): unknown fields and nested objects such as {@code logprobs} are
 * skipped without building strings, text is appended straight from the parser's buffer, and the strings that repeat
 * from chunk to chunk ({@code id}, {@code finish_reason}) are reused instead of allocated.
 *
 * <p>Read, all optional: {@code id}; {@code choices[i]} with {@code index} 0 (or no index): {@code delta} /
 * {@code message} ({@code content}, {@code reasoning_content}, {@code reasoning}, {@code tool_calls[*].function.name}
 * and {@code .arguments}, legacy {@code function_call}), {@code text}, {@code finish_reason}; {@code usage}
 * ({@code prompt_tokens}, {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens}); {@code error}
 * (object with {@code message}, or a string), and vLLM's older {@code {"object":"error","message":...}}.
 *
 * <p>Not thread-safe (it caches strings); reuse one instance per thread. The {@link JsonFactory} is shared.
 */
public final class OpenAiDeltaExtractor {

    /** Thread-safe and costly to build: one for all extractors. Its symbol table learns the field names once. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final String[] FINISH_REASONS = {"stop", "length", "tool_calls", "content_filter", "function_call", "abort"};

    /** The last id seen: a stream repeats the same id in every chunk. */
    private String lastId;
    private String lastFinishReason;

    public OpenAiDeltaExtractor() {
    }

    /**
     * Parses one SSE data payload (or a whole non-streamed JSON response body) into {@code out}, which the caller
     * has {@link OpenAiDelta#reset() reset}.
     *
     * @throws IOException on malformed JSON (including truncated JSON, a payload that is not a JSON object, and
     *                     trailing content after the object); {@code out} is then reset, never left half-filled
     */
    public void extract(byte[] data, int off, int len, OpenAiDelta out) throws IOException {
        try (JsonParser p = FACTORY.createParser(data, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object, got " + p.currentToken());
            }
            boolean objectIsError = false;
            String topLevelMessage = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id":
                        out.id = t == JsonToken.VALUE_STRING ? idOf(p) : null;
                        break;
                    case "choices":
                        if (t == JsonToken.START_ARRAY) readChoices(p, out);
                        else p.skipChildren();
                        break;
                    case "usage":
                        if (t == JsonToken.START_OBJECT) readUsage(p, out);
                        else p.skipChildren();
                        break;
                    case "error":
                        readError(p, t, out);
                        break;
                    case "object":
                        objectIsError = t == JsonToken.VALUE_STRING && p.getTextLength() == 5 && "error".equals(p.getText());
                        break;
                    case "message":
                        if (t == JsonToken.VALUE_STRING) topLevelMessage = p.getText();
                        else p.skipChildren();
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON object: " + p.currentToken());
            }
            if (objectIsError && out.errorMessage == null) {
                out.errorMessage = topLevelMessage != null ? topLevelMessage : "error";
            }
        } catch (IOException | RuntimeException e) {
            out.reset();
            throw e;
        }
    }

    private void readChoices(JsonParser p, OpenAiDelta out) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) readChoice(p, out);
            else p.skipChildren();
        }
    }

    /** Reads one choice object; when its index turns out not to be 0, takes back what it appended. */
    private void readChoice(JsonParser p, OpenAiDelta out) throws IOException {
        int contentMark = out.content.length();
        int reasoningMark = out.reasoning.length();
        int toolMark = out.toolCall.length();
        String finishMark = out.finishReason;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "index":
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getIntValue() != 0) {
                        out.content.setLength(contentMark);
                        out.reasoning.setLength(reasoningMark);
                        out.toolCall.setLength(toolMark);
                        out.finishReason = finishMark;
                        skipRestOfObject(p);
                        return;
                    }
                    break;
                case "delta":
                case "message":
                    if (t == JsonToken.START_OBJECT) readMessage(p, out);
                    else p.skipChildren();
                    break;
                case "text":
                    appendText(p, t, out.content);
                    break;
                case "finish_reason":
                    out.finishReason = t == JsonToken.VALUE_STRING ? finishReasonOf(p) : null;
                    break;
                default:
                    p.skipChildren();                                   // logprobs, stop_reason, ...
            }
        }
    }

    /** A {@code delta} (streamed) or {@code message} (non-streamed) object. */
    private static void readMessage(JsonParser p, OpenAiDelta out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "content":
                    appendText(p, t, out.content);
                    break;
                case "reasoning_content":
                case "reasoning":
                    appendText(p, t, out.reasoning);
                    break;
                case "tool_calls":
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == JsonToken.START_OBJECT) readToolCall(p, out);
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "function_call":
                    if (t == JsonToken.START_OBJECT) readFunction(p, out);
                    else p.skipChildren();
                    break;
                default:
                    p.skipChildren();                                   // role, refusal, ...
            }
        }
    }

    private static void readToolCall(JsonParser p, OpenAiDelta out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT && "function".equals(name)) readFunction(p, out);
            else p.skipChildren();
        }
    }

    private static void readFunction(JsonParser p, OpenAiDelta out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if ("name".equals(name) || "arguments".equals(name)) appendText(p, t, out.toolCall);
            else p.skipChildren();
        }
    }

    private static void readUsage(JsonParser p, OpenAiDelta out) throws IOException {
        out.hasUsage = true;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "prompt_tokens":
                    if (t == JsonToken.VALUE_NUMBER_INT) out.promptTokens = p.getIntValue();
                    break;
                case "completion_tokens":
                    if (t == JsonToken.VALUE_NUMBER_INT) out.completionTokens = p.getIntValue();
                    break;
                case "prompt_tokens_details":
                    if (t == JsonToken.START_OBJECT) {
                        String detail;
                        while ((detail = p.nextFieldName()) != null) {
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.VALUE_NUMBER_INT && "cached_tokens".equals(detail)) out.cachedTokens = p.getIntValue();
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private static void readError(JsonParser p, JsonToken t, OpenAiDelta out) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            out.errorMessage = p.getText();
        } else if (t == JsonToken.START_OBJECT) {
            String message = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING && "message".equals(name)) message = p.getText();
                else p.skipChildren();
            }
            out.errorMessage = message != null ? message : "error";
        } else {
            p.skipChildren();                                           // "error": null is no error
        }
    }

    /** Appends a string value; null (and any non-string) is "no text". No String is allocated. */
    private static void appendText(JsonParser p, JsonToken t, StringBuilder to) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            to.append(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else {
            p.skipChildren();
        }
    }

    private static void skipRestOfObject(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t == null) throw new JsonParseException(p, "unexpected end of input");
            p.skipChildren();
        }
    }

    private String idOf(JsonParser p) throws IOException {
        String cached = lastId;
        if (cached != null && sameText(p, cached)) return cached;
        return lastId = p.getText();
    }

    private String finishReasonOf(JsonParser p) throws IOException {
        String cached = lastFinishReason;
        if (cached != null && sameText(p, cached)) return cached;
        for (String known : FINISH_REASONS) {
            if (sameText(p, known)) return lastFinishReason = known;
        }
        return lastFinishReason = p.getText();
    }

    /** Whether the current string value equals {@code s}, without allocating. */
    private static boolean sameText(JsonParser p, String s) throws IOException {
        int len = p.getTextLength();
        if (len != s.length()) return false;
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        for (int i = 0; i < len; i++) {
            if (chars[off + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
