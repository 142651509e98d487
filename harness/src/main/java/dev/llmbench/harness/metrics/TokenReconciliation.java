package dev.llmbench.harness.metrics;

/**
 * The three output-token counts of a run side by side, over the measured successful requests, each summed over the
 * requests where it is known: server {@code usage}, the local tokenizer over the streamed text, and streamed chunks.
 *
 * <p><b>Mismatch</b> ({@link #mismatchRatio()}, the SLO metric {@code token_count_mismatch}): over the requests that
 * have both a usage and a tokenizer count, {@code Σ |tokenizer_i − usage_i| / Σ usage_i} — per-request differences
 * add up, they cannot cancel out. NaN when no request has both (no tokenizer configured, or the server reports no
 * usage). A few percent is normal when the local vocabulary is not the served model's, or when the server counts
 * tokens it did not stream (e.g. a stop token).
 *
 * @param usageRequests      requests with a usage count
 * @param usage              Σ usage output tokens over them
 * @param tokenizerRequests  requests counted with the local tokenizer
 * @param tokenizer          Σ tokenizer counts over them
 * @param chunks             Σ streamed output chunks over every successful measured request
 * @param comparedRequests   requests with both a usage and a tokenizer count
 * @param comparedUsage      Σ usage over the compared requests
 * @param comparedDifference Σ |tokenizer − usage| over the compared requests
 */
public record TokenReconciliation(long usageRequests, long usage, long tokenizerRequests, long tokenizer, long chunks,
                                  long comparedRequests, long comparedUsage, long comparedDifference) {

    /** Nothing counted. */
    public static TokenReconciliation empty() {
        return new TokenReconciliation(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * {@code Σ |tokenizer − usage| / Σ usage} over the requests with both (a fraction; 0.02 = 2%); NaN when no request
     * has both; +∞ when they have but usage sums to 0 and the tokenizer does not.
     */
    public double mismatchRatio() {
        if (comparedRequests == 0) return Double.NaN;
        if (comparedUsage == 0) return comparedDifference == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        return (double) comparedDifference / comparedUsage;
    }

    /** Adds two reconciliations (for merging results). */
    public TokenReconciliation plus(TokenReconciliation o) {
        return new TokenReconciliation(usageRequests + o.usageRequests, usage + o.usage,
                tokenizerRequests + o.tokenizerRequests, tokenizer + o.tokenizer, chunks + o.chunks,
                comparedRequests + o.comparedRequests, comparedUsage + o.comparedUsage,
                comparedDifference + o.comparedDifference);
    }
}
