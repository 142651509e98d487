package dev.llmbench.harness.workload.tokenizer;


/**
 * The fallback when no real vocabulary is configured: one token per 4 characters (UTF-16 units), rounded up, as
 * {@link ApproximateTokens#estimate}. {@link #approximate()} is {@code true}: every result sized or counted with it
 * must be labelled approximate.
 *
 * <p>{@link #encode} returns synthetic ids (0, 1, 2, ...) of the right count, for callers that only need a length;
 * {@link #decode} is not possible and throws. Stateless and thread-safe.
 */
public final class ApproximateTokenizer implements Tokenizer {
    /** The spec name that selects it in {@link Tokenizers#fromSpec}. */
    public static final String NAME = "approx";

    @Override
    public int[] encode(String text) {
        int[] ids = new int[count(text)];
        for (int i = 0; i < ids.length; i++) ids[i] = i;
        return ids;
    }

    @Override
    public int count(String text) {
        return ApproximateTokens.estimate(text);
    }

    /** @throws UnsupportedOperationException always: an estimate keeps no text */
    @Override
    public String decode(int[] ids) {
        throw new UnsupportedOperationException("the approximate tokenizer (characters / 4) cannot decode: its ids are"
                + " synthetic; configure a real tokenizer (an OpenAI encoding, a tokenizer.json or a .gguf file)");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean approximate() {
        return true;
    }

    @Override
    public String toString() {
        return "ApproximateTokenizer[chars/4]";
    }
}
