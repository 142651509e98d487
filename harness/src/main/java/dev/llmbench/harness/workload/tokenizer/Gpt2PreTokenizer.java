package dev.llmbench.harness.workload.tokenizer;

/**
 * A hand-written scanner equivalent to GPT-2's pre-tokenizer regex
 * {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+} with Unicode semantics
 * ({@code \s} = the White_Space property, as in Rust's regex, Oniguruma and llama.cpp), without the regex engine's
 * backtracking. Tests check it against {@link java.util.regex.Pattern} on random text. Stateless, thread-safe.
 *
 * <p>{@code \s+(?!\S)} means: a whitespace run at the end of the text is one piece; a run of two or more followed by
 * a non-space gives all but its last character (which then starts the next piece, e.g. as " word"); a single
 * whitespace character before a non-space is a piece of its own unless it is a space joining the next piece.
 */
final class Gpt2PreTokenizer implements PreTokenizer {
    /** The regex this scanner implements. */
    static final String PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    static final Gpt2PreTokenizer INSTANCE = new Gpt2PreTokenizer();

    private static final byte WS = 1, LETTER = 2, NUMBER = 3, OTHER = 4;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) ASCII[c] = classifySlow(c);
    }

    private Gpt2PreTokenizer() {
    }

    static boolean isWhiteSpace(int c) {
        return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static byte classifySlow(int c) {
        if (isWhiteSpace(c)) return WS;
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
                return LETTER;
            case Character.DECIMAL_DIGIT_NUMBER:
            case Character.LETTER_NUMBER:
            case Character.OTHER_NUMBER:
                return NUMBER;
            default:
                return OTHER;
        }
    }

    private static byte classify(int c) {
        return c < 128 ? ASCII[c] : classifySlow(c);
    }

    @Override
    public void split(String s, int start, int end, Sink sink) {
        int i = start;
        while (i < end) {
            int c = s.charAt(i);
            if (c == '\'' && i + 1 < end) {
                int len = contraction(s, i + 1, end);
                if (len > 0) {
                    sink.piece(s, i, i + len);
                    i += len;
                    continue;
                }
            }
            int cp = Character.isHighSurrogate((char) c) ? s.codePointAt(i) : c;
            byte cls = classify(cp);
            int from = i;
            int j = i;
            if (c == ' ' && i + 1 < end) {
                int next = s.codePointAt(i + 1);
                byte ncls = classify(next);
                if (ncls != WS) {
                    cls = ncls;
                    j = i + 1;
                }
            }
            if (cls == WS) {
                int k = i;
                while (k < end) {
                    int w = s.codePointAt(k);
                    if (!isWhiteSpace(w)) break;
                    k += Character.charCount(w);
                }
                if (k < end && k - i > 1) {
                    // all but the last whitespace char (they are all BMP)
                    k -= 1;
                }
                sink.piece(s, from, k);
                i = k;
                continue;
            }
            int k = j;
            while (k < end) {
                int w = s.codePointAt(k);
                if (classify(w) != cls) break;
                k += Character.charCount(w);
            }
            sink.piece(s, from, k);
            i = k;
        }
    }

    /** Length (including the apostrophe) of a contraction starting after the apostrophe at i-1, or 0. */
    private static int contraction(String s, int i, int end) {
        char a = s.charAt(i);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
        if (i + 1 < end) {
            char b = s.charAt(i + 1);
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
        }
        return 0;
    }
}
