package dev.llmbench.harness.workload.tokenizer;

import java.util.Random;

/** Seeded random text for property tests and larger comparisons: valid Unicode only (no lone surrogates). */
final class RandomText {
    private static final String[] WORDS = {"the", "of", "and", "tokenizer", "benchmark", "latency", " ", "  ", "\n",
            "\t", "don't", "I'll", "we've", "'RE", "3.14", "1234567", "café", "naïve", "Führer", "нещо", "Български",
            "我想在", "工作", "🦙", "😶\u200d🌫️", "✅", "e\u0301", "public static void main(String[] args) {",
            "    return x;", "}", "<html>", "x == y && z != 0;", "……", "¡Hola!", "日本語のテキスト", "한국어", "ąčęėįšųūž"};

    private RandomText() {
    }

    /** A string of up to {@code maxLen} code points drawn from mixed scripts, emoji, combining marks, controls, spaces. */
    static String unicode(Random r, int maxLen) {
        int len = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int cp;
            switch (r.nextInt(12)) {
                case 0: cp = 0x20 + r.nextInt(0x5F); break;                 // ASCII printable
                case 1: cp = " \t\n\r\u000B\f".charAt(r.nextInt(6)); break;  // ASCII whitespace
                case 2: cp = "\u00A0\u2000\u2003\u3000\u0085\u2028\u200B\u180E\u001C\u001F".charAt(r.nextInt(10)); break;
                case 3: cp = r.nextInt(0x20); break;                         // control chars
                case 4: cp = 0x4E00 + r.nextInt(0x5000); break;              // CJK
                case 5: cp = 0x1F300 + r.nextInt(0x300); break;              // emoji
                case 6: cp = 0x0300 + r.nextInt(0x70); break;                // combining marks
                case 7: cp = 0x0400 + r.nextInt(0x100); break;               // Cyrillic
                case 8: cp = 0xA0 + r.nextInt(0x200); break;                 // Latin-1 / Latin Extended
                case 9: sb.append(WORDS[r.nextInt(WORDS.length)]); continue;
                case 10: cp = "'sStTmMdDrlve0123456789".charAt(r.nextInt(23)); break;
                default: {
                    do {
                        cp = r.nextInt(0x30000);
                    } while (cp >= 0xD800 && cp <= 0xDFFF);
                }
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** About {@code bytes} UTF-8 bytes of mixed English prose, code and Unicode, deterministic for a seed. */
    static String mixed(long seed, int bytes) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        String[] prose = {"The quick brown fox jumps over the lazy dog. ", "It's a truth universally acknowledged, that "
                + "a single man in possession of a good fortune, must be in want of a wife.\n", "We've measured 12,345 "
                + "tokens/s at p99 latency of 87.5ms — not bad!  ", "Call me Ishmael. Some years ago—never mind how long "
                + "precisely—having little or no money in my purse...\n\n"};
        String[] code = {"for (int i = 0; i < n; i++) {\n    sum += a[i] * b[i];\n}\n", "def f(x):\n\treturn x ** 2  # square\n",
                "{\"model\": \"llama-2-70b\", \"stream\": true, \"max_tokens\": 1000}\n", "SELECT * FROM t WHERE id = 42;\n"};
        String[] unicode = {"Ünïcödé — “quotes” ‘and’ «guillemets» ", "日本語のテキストと中文文本。", "Привет, мир! ",
                "🚀🦙😁 emoji ✅ ", "नमस्ते दुनिया ", "مرحبا بالعالم ", "       \n   \t\t\n"};
        while (sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < bytes) {
            int k = r.nextInt(10);
            if (k < 5) sb.append(prose[r.nextInt(prose.length)]);
            else if (k < 8) sb.append(code[r.nextInt(code.length)]);
            else sb.append(unicode[r.nextInt(unicode.length)]);
            if (r.nextInt(8) == 0) sb.append(r.nextInt(100000));
        }
        return sb.toString();
    }
}
