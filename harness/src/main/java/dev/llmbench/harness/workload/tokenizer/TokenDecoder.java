package dev.llmbench.harness.workload.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hugging Face decoder step: turns the list of token strings into a new list (the last step's strings are joined).
 * Immutable, thread-safe.
 */
interface TokenDecoder {
    List<String> decode(List<String> tokens);

    /** {@code ByteLevel}: the tokens' characters back to bytes through GPT-2's table, then UTF-8 (lossy). */
    TokenDecoder BYTE_LEVEL = tokens -> {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder direct = new StringBuilder();
        for (String t : tokens) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                int b = c < ByteLevel.CHAR_TO_BYTE.length ? ByteLevel.CHAR_TO_BYTE[c] : -1;
                if (b >= 0) {
                    bytes.write(b);
                } else { // not a table character (e.g. an added token's text): keep it as UTF-8
                    byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    bytes.write(u, 0, u.length);
                }
            }
        }
        direct.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        return List.of(direct.toString());
    };

    /** {@code ByteFallback}: runs of {@code <0xNN>} tokens become their UTF-8 text, or U+FFFD per byte if invalid. */
    TokenDecoder BYTE_FALLBACK = tokens -> {
        List<String> out = new ArrayList<>(tokens.size());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int runTokens = 0;
        for (String t : tokens) {
            int b = byteToken(t);
            if (b >= 0) {
                run.write(b);
                runTokens++;
                continue;
            }
            flush(run, runTokens, out);
            runTokens = 0;
            out.add(t);
        }
        flush(run, runTokens, out);
        return out;
    };

    /** {@code Fuse}: all tokens into one string. */
    TokenDecoder FUSE = tokens -> List.of(String.join("", tokens));

    private static void flush(ByteArrayOutputStream run, int runTokens, List<String> out) {
        if (runTokens == 0) return;
        byte[] b = run.toByteArray();
        run.reset();
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            out.add(decoder.decode(java.nio.ByteBuffer.wrap(b)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            for (int i = 0; i < runTokens; i++) out.add("\uFFFD");
        }
    }

    /** The byte of a {@code <0xNN>} token, or -1. */
    static int byteToken(String t) {
        if (t.length() != 6 || !t.startsWith("<0x") || t.charAt(5) != '>') return -1;
        int hi = Character.digit(t.charAt(3), 16);
        int lo = Character.digit(t.charAt(4), 16);
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    /** {@code Replace} with a literal pattern, token by token. */
    static TokenDecoder replace(String literal, String content) {
        return tokens -> {
            List<String> out = new ArrayList<>(tokens.size());
            for (String t : tokens) out.add(t.replace(literal, content));
            return out;
        };
    }

    /** {@code Strip}: removes up to {@code start} leading and {@code stop} trailing {@code content} chars of each token. */
    static TokenDecoder strip(char content, int start, int stop) {
        return tokens -> {
            List<String> out = new ArrayList<>(tokens.size());
            for (String t : tokens) {
                int a = 0;
                while (a < start && a < t.length() && t.charAt(a) == content) a++;
                int z = t.length();
                int removed = 0;
                while (removed < stop && z > a && t.charAt(z - 1) == content) {
                    z--;
                    removed++;
                }
                out.add(t.substring(a, z));
            }
            return out;
        };
    }

    static TokenDecoder sequence(List<TokenDecoder> steps) {
        TokenDecoder[] a = steps.toArray(new TokenDecoder[0]);
        return tokens -> {
            for (TokenDecoder d : a) tokens = d.decode(tokens);
            return tokens;
        };
    }
}
