package dev.llmbench.harness.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token totals over the measured successful requests, with where each count came from.
 *
 * @param input                  input tokens: server usage when given, else what the harness built the prompt for
 * @param output                 output tokens N (see {@link RequestMetrics#outputTokens})
 * @param cached                 cached input tokens reported by the server (0 when never reported)
 * @param outputSources          requests per source of their output count; every source present
 * @param inputSources           requests per source of their input count: {@link TokenSource#USAGE}, or
 *                               {@link TokenSource#TOKENIZER} when the prompt's built size was used; every source present
 * @param inputUnknownRequests   requests whose input size is unknown (no usage, no built size): not in {@link #input}
 * @param reconciliation         usage, tokenizer and chunk counts side by side, and their mismatch; never null
 * @param outputLength           output length got against requested; never null
 * @param cacheWrite             input tokens the server reported writing to its prompt cache (Anthropic's
 *                               {@code cache_creation_input_tokens}; part of {@link #input}, priced apart; 0 when never
 *                               reported)
 */
public record TokenTotals(long input, long output, long cached,
                          Map<TokenSource, Long> outputSources, Map<TokenSource, Long> inputSources,
                          long inputUnknownRequests, TokenReconciliation reconciliation, OutputLength outputLength,
                          long cacheWrite) {

    public TokenTotals {
        outputSources = complete(outputSources);
        inputSources = complete(inputSources);
        if (reconciliation == null) reconciliation = TokenReconciliation.empty();
        if (outputLength == null) outputLength = OutputLength.empty();
    }

    /** Totals without cache writes. */
    public TokenTotals(long input, long output, long cached, Map<TokenSource, Long> outputSources,
                       Map<TokenSource, Long> inputSources, long inputUnknownRequests, TokenReconciliation reconciliation,
                       OutputLength outputLength) {
        this(input, output, cached, outputSources, inputSources, inputUnknownRequests, reconciliation, outputLength, 0);
    }

    /** Totals without reconciliation or output-length figures (both empty). */
    public TokenTotals(long input, long output, long cached, Map<TokenSource, Long> outputSources,
                       Map<TokenSource, Long> inputSources, long inputUnknownRequests) {
        this(input, output, cached, outputSources, inputSources, inputUnknownRequests, null, null);
    }

    /** No tokens. */
    public static TokenTotals empty() {
        return new TokenTotals(0, 0, 0, Map.of(), Map.of(), 0);
    }

    /** Adds two totals (for merging results). */
    public TokenTotals plus(TokenTotals o) {
        EnumMap<TokenSource, Long> out = new EnumMap<>(outputSources);
        o.outputSources.forEach((k, v) -> out.merge(k, v, Long::sum));
        EnumMap<TokenSource, Long> in = new EnumMap<>(inputSources);
        o.inputSources.forEach((k, v) -> in.merge(k, v, Long::sum));
        return new TokenTotals(input + o.input, output + o.output, cached + o.cached, out, in,
                inputUnknownRequests + o.inputUnknownRequests, reconciliation.plus(o.reconciliation),
                outputLength.plus(o.outputLength), cacheWrite + o.cacheWrite);
    }

    private static Map<TokenSource, Long> complete(Map<TokenSource, Long> m) {
        EnumMap<TokenSource, Long> all = new EnumMap<>(TokenSource.class);
        for (TokenSource s : TokenSource.values()) all.put(s, 0L);
        if (m != null) m.forEach((k, v) -> all.put(k, v == null ? 0L : v));
        return Collections.unmodifiableMap(all);
    }
}
