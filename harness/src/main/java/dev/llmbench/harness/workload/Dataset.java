package dev.llmbench.harness.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChatMessage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSONL file of prompts or conversations, one JSON object per line:
 * <pre>
 * {"prompt": "Summarise the following text: ...", "output_tokens": 200}
 * {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "..."}], "output_tokens": 150}
 * </pre>
 * Exactly one of {@code prompt} (a string) or {@code messages} (a non-empty array of objects with string {@code role}
 * and {@code content}) per line; {@code output_tokens} (an integer in [1, 10000000]) is optional — without it the
 * request's output length comes from the benchmark's prompt shape. Other fields are ignored (datasets often carry
 * ids or reference answers). Blank lines are skipped. A malformed line fails loading with
 * {@code "<file> line <n>: <field> ..."}; an empty dataset fails too. Immutable.
 */
public final class Dataset {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One line of the file.
     *
     * @param line         its 1-based line number
     * @param prompt       the prompt, or null for a conversation
     * @param messages     the conversation; empty for a prompt
     * @param outputTokens the line's {@code output_tokens}, or 0 when it gives none
     */
    public record Entry(int line, String prompt, List<ChatMessage> messages, int outputTokens) {
        public Entry {
            messages = messages == null ? List.of() : List.copyOf(messages);
            if ((prompt == null) == messages.isEmpty()) {
                throw new IllegalArgumentException("an entry has either a prompt or messages");
            }
        }

        /** True for a conversation. */
        public boolean chat() {
            return prompt == null;
        }
    }

    private final String source;
    private final List<Entry> entries;

    private Dataset(String source, List<Entry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a JSONL dataset file (UTF-8).
     *
     * @throws IllegalArgumentException naming the file, line and field of the first malformed line, or when the file
     *                                  holds no entry
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Dataset load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("dataset " + file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("dataset " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses JSONL text; {@code source} names it in messages. As {@link #load}. */
    public static Dataset parse(String source, String jsonl) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(jsonl))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                entries.add(entry(source, n, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("dataset " + source + ": no entries; expected one JSON object per line"
                    + " with \"prompt\" (a string) or \"messages\" (an array of {role, content})");
        }
        return new Dataset(source, entries);
    }

    private static Entry entry(String source, int n, String line) {
        String at = "dataset " + source + " line " + n + ": ";
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(at + "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException(at + "expected a JSON object");
        JsonNode prompt = node.get("prompt");
        JsonNode messages = node.get("messages");
        boolean hasPrompt = prompt != null && !prompt.isNull();
        boolean hasMessages = messages != null && !messages.isNull();
        if (hasPrompt == hasMessages) {
            throw new IllegalArgumentException(at + (hasPrompt ? "has both \"prompt\" and \"messages\"; give one"
                    : "needs \"prompt\" (a string) or \"messages\" (an array of {role, content})"));
        }
        int output = 0;
        JsonNode out = node.get("output_tokens");
        if (out != null && !out.isNull()) {
            if (!out.isIntegralNumber() || !out.canConvertToInt() || out.intValue() < 1 || out.intValue() > TokenCount.MAX_TOKENS) {
                throw new IllegalArgumentException(at + "field \"output_tokens\" must be an integer in [1, "
                        + TokenCount.MAX_TOKENS + "], was " + out);
            }
            output = out.intValue();
        }
        if (hasPrompt) {
            if (!prompt.isTextual()) throw new IllegalArgumentException(at + "field \"prompt\" must be a string, was " + prompt.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            if (prompt.textValue().isEmpty()) throw new IllegalArgumentException(at + "field \"prompt\" must not be empty");
            return new Entry(n, prompt.textValue(), List.of(), output);
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException(at + "field \"messages\" must be a non-empty array of {role, content}");
        }
        List<ChatMessage> list = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String field = "field \"messages[" + i + "]";
            if (!m.isObject()) throw new IllegalArgumentException(at + field + "\" must be an object {role, content}");
            JsonNode role = m.get("role");
            JsonNode content = m.get("content");
            if (role == null || !role.isTextual() || role.textValue().isBlank()) {
                throw new IllegalArgumentException(at + field + ".role\" must be a non-blank string");
            }
            if (content == null || !content.isTextual()) {
                throw new IllegalArgumentException(at + field + ".content\" must be a string");
            }
            list.add(new ChatMessage(role.textValue(), content.textValue()));
        }
        return new Entry(n, null, list, output);
    }

    /** The file (or source) it was read from. */
    public String source() {
        return source;
    }

    /** The entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }
}
