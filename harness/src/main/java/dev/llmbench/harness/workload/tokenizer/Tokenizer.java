package dev.llmbench.harness.workload.tokenizer;

/**
 * Turns text into token ids and back, the way one model's vocabulary does.
 *
 * <p>{@link #encode} never adds special tokens (no BOS/EOS): it gives the ids the text itself costs, which is what
 * prompt sizing and output-token counting need. Special/added tokens written literally in the text are kept whole
 * where the implementation knows them (see the implementation's documentation).
 *
 * <p>Implementations are immutable after construction and <b>thread-safe</b>: one instance may be shared by all
 * request threads. Make them with {@link Tokenizers#fromSpec(String)}.
 */
public interface Tokenizer {

    /** Token ids of {@code text}, without special tokens or BOS; an empty array for empty text. */
    int[] encode(String text);

    /** Number of tokens {@link #encode} gives for {@code text} (may be cheaper than encoding). */
    default int count(String text) {
        return encode(text).length;
    }

    /**
     * The text of {@code ids}. For a lossless tokenizer {@code decode(encode(s)).equals(s)}; byte sequences that are
     * not valid UTF-8 on their own decode to U+FFFD.
     *
     * @throws UnsupportedOperationException if the tokenizer cannot decode (the approximate one)
     * @throws IllegalArgumentException      for an id outside the vocabulary
     */
    String decode(int[] ids);

    /** Short name for results and reports, e.g. {@code r50k_base}, {@code gguf:llama-spm (llama)}. */
    String name();

    /** True when counts are estimates, not a real vocabulary's; results that used it must say so. */
    boolean approximate();
}
