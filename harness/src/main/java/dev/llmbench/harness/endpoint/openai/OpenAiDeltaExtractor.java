// Over 400 lines: one allocation-free state machine on the per-token hot path (JMH-measured); splitting it adds calls per chunk.
package dev.llmbench.harness.endpoint.openai;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.core.util.BufferRecycler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Extracts what a benchmark needs from one OpenAI-style JSON payload: a chat-completions or completions stream chunk
 * (one SSE {@code data} payload), or a whole non-streamed response body. Uses Jackson's streaming
 * {@link JsonParser} only (no databind, no tree).
 *
 * <p>Read, all optional: {@code id}; {@code choices[i]} with {@code index} 0 (or no index): {@code delta} /
 * {@code message} ({@code content}, {@code reasoning_content}, {@code reasoning}, {@code tool_calls[*].function.name}
 * and {@code .arguments}, legacy {@code function_call}), {@code text}, {@code finish_reason}; {@code usage}
 * ({@code prompt_tokens}, {@code completion_tokens}, {@code prompt_tokens_details.cached_tokens}); {@code error}
 * (object with {@code message}, or a string), and vLLM's older {@code {"object":"error","message":...}} (a top-level
 * {@code message} string in a payload without {@code choices}). Everything else, including {@code logprobs}, is
 * skipped with {@code skipChildren()} and never decoded.
 *
 * <p>Why it is fast (measured by {@code DeltaExtractionBenchmark}):
 * <ul>
 *   <li>One {@link UTF8StreamJsonParser} per extractor, re-pointed at each payload, instead of
 *       {@code JsonFactory.createParser} per chunk (which builds an IOContext, a text buffer, a bootstrapper, a
 *       symbol-table child and the parsing contexts every time: about a fifth of the cost of a chunk).</li>
 *   <li>Field names are matched as raw bytes with {@link JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)},
 *       guessing each name from the one that followed the previous field last time (a server writes its chunks in
 *       a fixed field order); a wrong guess falls back to the symbol table, and the guess is learned.</li>
 *   <li>Text is appended from the parser's char buffer (no {@code String}); the {@code id}, the same in every
 *       chunk of a stream, is compared as raw bytes with the last one and reused without decoding.</li>
 * </ul>
 *
 * <p>Not thread-safe (it owns a parser and learns field orders); reuse one instance per thread.
 */
public final class OpenAiDeltaExtractor {

    /** Source of default features and constraints; the parser itself is built once per extractor. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private static final String[] FINISH_REASONS = {"stop", "length", "tool_calls", "content_filter", "function_call", "abort"};

    // field ids per object kind (0 = end of object, 1 = a name not listed)
    private static final int END = Fields.END;
    private static final int ID = 2, OBJECT = 3, CREATED = 4, MODEL = 5, SYSTEM_FINGERPRINT = 6, CHOICES = 7, USAGE = 8,
            ERROR = 9, MESSAGE = 10;
    private static final int C_INDEX = 2, C_DELTA = 3, C_MESSAGE = 4, C_TEXT = 5, C_LOGPROBS = 6, C_FINISH_REASON = 7,
            C_STOP_REASON = 8;
    private static final int M_ROLE = 2, M_CONTENT = 3, M_REASONING_CONTENT = 4, M_REASONING = 5, M_TOOL_CALLS = 6,
            M_FUNCTION_CALL = 7, M_REFUSAL = 8;
    private static final int U_PROMPT_TOKENS = 2, U_TOTAL_TOKENS = 3, U_COMPLETION_TOKENS = 4, U_PROMPT_TOKENS_DETAILS = 5,
            U_COMPLETION_TOKENS_DETAILS = 6;

    private final Fields topFields = new Fields("id", "object", "created", "model", "system_fingerprint", "choices", "usage",
            "error", "message");
    private final Fields choiceFields = new Fields("index", "delta", "message", "text", "logprobs", "finish_reason", "stop_reason");
    private final Fields messageFields = new Fields("role", "content", "reasoning_content", "reasoning", "tool_calls",
            "function_call", "refusal");
    private final Fields usageFields = new Fields("prompt_tokens", "total_tokens", "completion_tokens",
            "prompt_tokens_details", "completion_tokens_details");

    private final ReusableParser parser = ReusableParser.create();

    /** The last id seen (a stream repeats it in every chunk), and its raw UTF-8 bytes when they need no JSON escaping. */
    private String lastId;
    private byte[] lastIdBytes;
    /** The raw bytes of the last "object" and "model" values. */
    private byte[] lastObject, lastModel;
    private String lastFinishReason;

    public OpenAiDeltaExtractor() {
        topFields.guess(Fields.START, ID, OBJECT, CREATED, MODEL, SYSTEM_FINGERPRINT, CHOICES, USAGE, END);
        choiceFields.guess(Fields.START, C_INDEX, C_DELTA, C_LOGPROBS, C_FINISH_REASON, END);
        messageFields.guess(Fields.START, M_CONTENT, END);
        usageFields.guess(Fields.START, U_PROMPT_TOKENS, U_TOTAL_TOKENS, U_COMPLETION_TOKENS, END);
    }

    /**
     * Parses one SSE data payload (or a whole non-streamed JSON response body) into {@code out}, which the caller
     * has {@link OpenAiDelta#reset() reset}.
     *
     * @throws IOException on malformed JSON (including truncated JSON, a payload that is not a JSON object, and
     *                     trailing content after the object); {@code out} is then reset, never left half-filled
     */
    public void extract(byte[] data, int off, int len, OpenAiDelta out) throws IOException {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + data.length);
        }
        ReusableParser p = parser;
        p.reuse(data, off, off + len);
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "expected a JSON object, got " + p.currentToken());
            }
            boolean sawChoices = false;
            String topLevelMessage = null;
            Fields fields = topFields;
            int field = Fields.START;
            while ((field = fields.next(p, field)) != END) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case ID:
                        out.id = t == JsonToken.VALUE_STRING ? idOf(p) : null;
                        break;
                    case CHOICES:
                        sawChoices = true;
                        if (t == JsonToken.START_ARRAY) readChoices(p, out);
                        else p.skipChildren();
                        break;
                    case USAGE:
                        if (t == JsonToken.START_OBJECT) readUsage(p, out);
                        else p.skipChildren();
                        break;
                    case ERROR:
                        readError(p, t, out);
                        break;
                    case MESSAGE:
                        if (t == JsonToken.VALUE_STRING) topLevelMessage = p.getText();
                        else p.skipChildren();
                        break;
                    case OBJECT:
                        lastObject = skipRepeated(p, t, lastObject);
                        break;
                    case MODEL:
                        lastModel = skipRepeated(p, t, lastModel);
                        break;
                    default:
                        p.skipChildren();                           // object, created, model, ... (scalars: no-op)
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content after the JSON object: " + p.currentToken());
            }
            if (topLevelMessage != null && !sawChoices && out.errorMessage == null) {
                out.errorMessage = topLevelMessage;                 // vLLM's {"object":"error","message":...}
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
        Fields fields = choiceFields;
        int field = Fields.START;
        while ((field = fields.next(p, field)) != END) {
            JsonToken t = p.nextToken();
            switch (field) {
                case C_INDEX:
                    if (t == JsonToken.VALUE_NUMBER_INT && p.getIntValue() != 0) {
                        out.content.setLength(contentMark);
                        out.reasoning.setLength(reasoningMark);
                        out.toolCall.setLength(toolMark);
                        out.finishReason = finishMark;
                        skipRestOfObject(p);
                        return;
                    }
                    break;
                case C_DELTA:
                case C_MESSAGE:
                    if (t == JsonToken.START_OBJECT) readMessage(p, out);
                    else p.skipChildren();
                    break;
                case C_TEXT:
                    appendText(p, t, out.content);
                    break;
                case C_FINISH_REASON:
                    out.finishReason = t == JsonToken.VALUE_STRING ? finishReasonOf(p) : null;
                    break;
                default:
                    p.skipChildren();                               // logprobs, stop_reason, ...
            }
        }
    }

    /** A {@code delta} (streamed) or {@code message} (non-streamed) object. */
    private void readMessage(JsonParser p, OpenAiDelta out) throws IOException {
        Fields fields = messageFields;
        int field = Fields.START;
        while ((field = fields.next(p, field)) != END) {
            JsonToken t = p.nextToken();
            switch (field) {
                case M_CONTENT:
                    appendText(p, t, out.content);
                    break;
                case M_REASONING_CONTENT:
                case M_REASONING:
                    appendText(p, t, out.reasoning);
                    break;
                case M_TOOL_CALLS:
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == JsonToken.START_OBJECT) readToolCall(p, out);
                            else p.skipChildren();
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                case M_FUNCTION_CALL:
                    if (t == JsonToken.START_OBJECT) readFunction(p, out);
                    else p.skipChildren();
                    break;
                default:
                    p.skipChildren();                               // role, refusal, ...
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

    private void readUsage(JsonParser p, OpenAiDelta out) throws IOException {
        out.hasUsage = true;
        Fields fields = usageFields;
        int field = Fields.START;
        while ((field = fields.next(p, field)) != END) {
            JsonToken t = p.nextToken();
            switch (field) {
                case U_PROMPT_TOKENS:
                    if (t == JsonToken.VALUE_NUMBER_INT) out.promptTokens = p.getIntValue();
                    break;
                case U_COMPLETION_TOKENS:
                    if (t == JsonToken.VALUE_NUMBER_INT) out.completionTokens = p.getIntValue();
                    break;
                case U_PROMPT_TOKENS_DETAILS:
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
            p.skipChildren();                                       // "error": null is no error
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

    private String idOf(ReusableParser p) throws IOException {
        if (p.skipIfRaw(lastIdBytes)) return lastId;               // same id as the last chunk: not even decoded
        String cached = lastId;
        if (cached != null && sameText(p, cached)) return cached;  // same id, written with escapes
        String id = p.getText();
        lastId = id;
        lastIdBytes = rawBytesOf(id);
        return id;
    }

    /** Skips a string value that repeats from chunk to chunk (object, model), decoding (and so validating) only new ones. */
    private static byte[] skipRepeated(ReusableParser p, JsonToken t, byte[] last) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return last;
        }
        if (p.skipIfRaw(last)) return last;
        return rawBytesOf(p.getText());
    }

    /** The UTF-8 bytes of {@code s} when they are also its JSON form (nothing to escape), else null. */
    private static byte[] rawBytesOf(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') return null;
        }
        return s.getBytes(StandardCharsets.UTF_8);
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

    /**
     * The field names of one kind of object. {@link #next} first tries, as raw bytes, the name that followed the
     * previous field the last time (servers write fields in a fixed order), and learns when the guess was wrong.
     */
    static final class Fields {
        static final int END = 0;
        static final int OTHER = 1;
        /** Names by id; ids 0 and 1 have none. */
        private final SerializedString[] names;
        /** The "previous field" at the start of an object (END is never a previous field, so they share 0). */
        static final int START = 0;
        /** Guessed id of the field after field {@code i} (or after the start of the object, at {@link #START}). */
        private final int[] after;

        Fields(String... known) {
            names = new SerializedString[known.length + 2];
            for (int i = 0; i < known.length; i++) names[i + 2] = new SerializedString(known[i]);
            after = new int[names.length];
            Arrays.fill(after, OTHER);
        }

        /** Seeds the guesses with a typical order: {@code ids[0]} is followed by {@code ids[1]}, and so on. */
        void guess(int... ids) {
            for (int i = 0; i + 1 < ids.length; i++) after[ids[i]] = ids[i + 1];
        }

        /** Moves to the next field name of the current object: its id, {@link #OTHER}, or {@link #END} at its end. */
        int next(JsonParser p, int previous) throws IOException {
            int guess = after[previous];
            int id;
            if (guess > OTHER) {
                if (p.nextFieldName(names[guess])) return guess;
                id = p.currentToken() == JsonToken.FIELD_NAME ? idOf(p.currentName()) : END;
            } else {
                String name = p.nextFieldName();
                id = name == null ? END : idOf(name);
            }
            after[previous] = id;
            return id;
        }

        private int idOf(String name) {
            for (int i = 2; i < names.length; i++) {
                if (names[i].getValue().equals(name)) return i;
            }
            return OTHER;
        }
    }

    /**
     * A {@link UTF8StreamJsonParser} that is re-pointed at each payload instead of being rebuilt, and never closes
     * (closing would hand its buffers back to a recycler). It owns its buffer recycler and its symbol table.
     * {@link #reuse} resets every piece of per-document state that jackson-core 2.20's parser keeps.
     */
    static final class ReusableParser extends UTF8StreamJsonParser {
        private static final byte[] EMPTY = new byte[0];
        private final JsonReadContext root;

        private ReusableParser(IOContext ctxt, ByteQuadsCanonicalizer symbols) {
            super(ctxt, FACTORY.getParserFeatures(), null, null, symbols, EMPTY, 0, 0, 0, false);
            root = _parsingContext;
        }

        static ReusableParser create() {
            IOContext ctxt = new IOContext(FACTORY.streamReadConstraints(), FACTORY.streamWriteConstraints(),
                    ErrorReportConfiguration.defaults(), new BufferRecycler(), ContentReference.redacted(), false);
            return new ReusableParser(ctxt, ByteQuadsCanonicalizer.createRoot().makeChild(FACTORY.getFactoryFeatures()));
        }

        void reuse(byte[] data, int start, int end) {
            _inputBuffer = data;
            _inputPtr = start;
            _inputEnd = end;
            _currInputProcessed = -start;
            _currInputRow = 0;
            _currInputRowStart = start;
            _tokenInputTotal = 0;
            _tokenInputRow = 0;
            _tokenInputCol = 0;
            _closed = false;
            _currToken = null;
            _lastClearedToken = null;
            _nextToken = null;
            _tokenCount = 0;
            _tokenIncomplete = false;
            _nameCopied = false;
            _binaryValue = null;
            _numTypesValid = NR_UNKNOWN;
            _numberString = null;
            _numberBigInt = null;
            _numberBigDecimal = null;
            _textBuffer.resetWithEmpty();
            root.reset(JsonStreamContext.TYPE_ROOT, 1, 0);
            _parsingContext = root;
        }

        /**
         * When the current, not yet decoded, string value is exactly these raw bytes (no escapes), moves past it
         * without decoding it and returns true; it then has no text. Otherwise (the value may be the same text
         * written with escapes) changes nothing and returns false.
         */
        boolean skipIfRaw(byte[] raw) {
            if (raw == null || _currToken != JsonToken.VALUE_STRING || !_tokenIncomplete) return false;
            int ptr = _inputPtr;
            int n = raw.length;
            if (ptr + n < _inputEnd && _inputBuffer[ptr + n] == '"' && Arrays.equals(_inputBuffer, ptr, ptr + n, raw, 0, n)) {
                _inputPtr = ptr + n + 1;
                _tokenIncomplete = false;
                return true;
            }
            return false;
        }

        @Override
        public void close() {
            _closed = true;                                         // keep the buffers: this parser is reused
        }
    }
}
