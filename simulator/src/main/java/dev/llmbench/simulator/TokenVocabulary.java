package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;

/**
 * The simulator's output "tokens": English-ish words with a leading space, each counted as one token, chosen
 * deterministically from a seed. Each word is kept pre-encoded as a quoted JSON string so a chunk is built with
 * array copies only. Immutable and thread-safe.
 */
final class TokenVocabulary {

    private static final String[] WORDS = (
            "the model runs a fast and small test of every token in its batch while the server streams each "
            + "reply to many clients over one loop with low latency high throughput under load when memory "
            + "bandwidth bounds decode steps but compute bounds prefill for long prompts so queues grow until "
            + "cache space frees after sequences finish then new requests join the running batch at once this "
            + "is how continuous batching works on real hardware today we measure time to first token inter token "
            + "latency output speed goodput cost per thousand tokens across tiers of concurrency from two to fifty "
            + "users sending chat completions that ask questions about data code science history music art travel "
            + "food health sport weather markets news language learning planning writing reading review answer "
            + "simple clear short long good better best new old early late quick slow bright calm").split(" ");

    private static final byte[][] JSON = new byte[WORDS.length][];
    private static final String[] TEXT = new String[WORDS.length];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            TEXT[i] = " " + WORDS[i];
            JSON[i] = Json.quote(TEXT[i]).getBytes(StandardCharsets.UTF_8);
        }
    }

    private TokenVocabulary() {
    }

    /** Vocabulary index of token {@code position} of a response whose stream key is {@code streamKey}. */
    static int index(long streamKey, int position) {
        long h = Mix.mix64(streamKey + 0x9E3779B97F4A7C15L * (position + 1));
        return (int) ((h >>> 1) % WORDS.length);
    }

    /** The text of vocabulary entry {@code index}, e.g. {@code " the"}. */
    static String text(int index) {
        return TEXT[index];
    }

    /** The quoted JSON form of vocabulary entry {@code index}, e.g. {@code "\" the\""} as UTF-8; do not modify. */
    static byte[] json(int index) {
        return JSON[index];
    }

    /** The whole generated text of {@code tokens} tokens. */
    static String text(long streamKey, int tokens) {
        StringBuilder b = new StringBuilder(tokens * 7);
        for (int i = 0; i < tokens; i++) {
            b.append(TEXT[index(streamKey, i)]);
        }
        return b.toString();
    }

    static int size() {
        return WORDS.length;
    }
}
