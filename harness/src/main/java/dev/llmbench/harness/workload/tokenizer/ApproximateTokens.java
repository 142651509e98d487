package dev.llmbench.harness.workload.tokenizer;

/**
 * The approximate token estimate used until an exact tokenizer is configured: <b>1 token ≈ 4 characters</b>
 * of English text (the usual rule of thumb for GPT-style BPE vocabularies on prose; real counts for the shipped
 * corpus are typically within about ±20%). Anything sized with it is labelled approximate.
 */
public final class ApproximateTokens {
    /** Characters per token assumed by the estimate. */
    public static final int CHARS_PER_TOKEN = 4;

    private ApproximateTokens() {
    }

    /** Estimated tokens in {@code text}: {@code ceil(length / 4)}; 0 for empty text. */
    public static int estimate(CharSequence text) {
        int length = text.length();
        return (length + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Characters that make up {@code tokens} estimated tokens: {@code tokens · 4}. */
    public static long chars(int tokens) {
        if (tokens < 0) throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
        return (long) tokens * CHARS_PER_TOKEN;
    }
}
