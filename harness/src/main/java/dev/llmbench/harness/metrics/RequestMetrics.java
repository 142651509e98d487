package dev.llmbench.harness.metrics;

import java.util.function.LongConsumer;

/**
 * The metric definitions of DESIGN.md ("Metrics"), as pure functions over one {@link RequestTimeline}.
 *
 * <p>{@code t0} is {@link RequestTimeline#intendedStartNanos()}: the intended send time (open loop) or the
 * hand-off to the client (closed loop), so time spent queued in the client counts against the endpoint (no
 * coordinated omission). Every time is in nanoseconds; a function returns {@link #ABSENT} (-1) when the metric
 * is not defined for the timeline (the event it needs did not happen), and the rate functions return
 * {@link Double#NaN} in that case. None of the functions looks at the outcome: the caller (usually
 * {@link MetricsRecorder}) decides which requests enter which statistic.
 *
 * <h2>Tokens per chunk</h2>
 * ITL needs to know how many tokens each output chunk carried. The rule ({@link #tokensPerChunk}):
 * <ul>
 *   <li>when the output was counted with a local tokenizer ({@link RequestTimeline#tokenized()}), each chunk carries
 *       its own text's token count; when those counts do not sum to N (server usage differs, or BPE merged across a
 *       chunk boundary so the whole text counts fewer), N is distributed over the chunks in proportion to them;</li>
 *   <li>else, when there is no server usage, or usage N equals the chunk count C, every chunk carries one token;</li>
 *   <li>else (usage N differs from C), N is distributed over the chunks in proportion to their characters.</li>
 * </ul>
 * Distributing uses largest-remainder (Hamilton) rounding so the shares sum to exactly N; ties of the remainder go
 * to the earlier chunk. When every weight is 0, every chunk weighs the same. A chunk may then carry 0 tokens: it is
 * transparent to ITL (its gap merges into the next arrival that carries tokens).
 *
 * <h2>Arrivals and coalesced chunks</h2>
 * Chunks decoded from the same read share one timestamp: the client cannot know the gaps between them. A run
 * of consecutive chunks with the same timestamp is therefore one <em>arrival</em> carrying the sum of their
 * tokens, and every chunk after the first in such a run is counted as <em>coalesced</em>
 * ({@link #coalescedChunks}). A high coalesced ratio means the client read slower than the server wrote.
 */
public final class RequestMetrics {

    /** Returned by the time functions when the metric is not defined for a timeline. */
    public static final long ABSENT = -1;

    private RequestMetrics() {
    }

    /** TTFT: the first chunk carrying generated output (content, reasoning or tool call) − t0. Only {@code chunk()} events count, so role-only and empty deltas (which the decoder never reports as chunks) do not. {@link #ABSENT} when no output chunk arrived. */
    public static long ttftNanos(RequestTimeline t) {
        return since(t, t.firstTokenNanos());
    }

    /** TTFO: the first chunk carrying answer content (not reasoning, not a tool call) − t0; equals TTFT for non-reasoning models. {@link #ABSENT} when no content chunk arrived. */
    public static long ttfoNanos(RequestTimeline t) {
        return since(t, t.firstContentNanos());
    }

    /** E2E: end of the stream ({@code done} or {@code failed}) − t0. {@link #ABSENT} while the request is in flight. */
    public static long e2eNanos(RequestTimeline t) {
        return since(t, t.endNanos());
    }

    /** Output tokens N: server usage when given, else the local tokenizer's count, else the chunk count (see {@link RequestTimeline#outputTokenSource()}). */
    public static int outputTokens(RequestTimeline t) {
        return t.outputTokens();
    }

    /** Queue delay: actual send − intended send, nanoseconds (0 when not sent, or sent on time). */
    public static long queueDelayNanos(RequestTimeline t) {
        return t.queueDelayNanos();
    }

    /**
     * TPOT: (E2E − TTFT) / (N − 1), nanoseconds per token after the first, rounded down. Defined for N ≥ 2 when
     * both E2E and TTFT are; else {@link #ABSENT}. A response that arrived in one read (non-streaming, or fully
     * coalesced) has E2E ≈ TTFT and thus a TPOT near 0: it says nothing about decode speed.
     */
    public static long tpotNanos(RequestTimeline t) {
        int n = t.outputTokens();
        long e2e = e2eNanos(t);
        long ttft = ttftNanos(t);
        if (n < 2 || e2e < 0 || ttft < 0) return ABSENT;
        return Math.max(0, e2e - ttft) / (n - 1);
    }

    /** Output speed: 1 / TPOT, tokens per second of one request after its first token. NaN when TPOT is undefined or 0. */
    public static double outputSpeedTokensPerSecond(RequestTimeline t) {
        long tpot = tpotNanos(t);
        return tpot <= 0 ? Double.NaN : 1e9 / tpot;
    }

    /** Request throughput: N / E2E, tokens per second (the provider leaderboard's per-request throughput). NaN when E2E is undefined or 0. */
    public static double requestThroughputTokensPerSecond(RequestTimeline t) {
        long e2e = e2eNanos(t);
        return e2e <= 0 ? Double.NaN : t.outputTokens() * 1e9 / e2e;
    }

    /**
     * ITL: one sample per output token, in nanoseconds, handed to {@code sampleNanos} in arrival order (no array is
     * built). For each arrival that carries k ≥ 1 tokens (see the class comment), the gap since the previous
     * arrival that carried tokens is divided evenly over its k tokens: k samples of gap / k (the remainder
     * nanoseconds go one each to the first samples, so the samples sum to the gap exactly). The tokens of the
     * first arrival have no preceding gap and give no sample; so a request of N tokens in N separate arrivals
     * gives N − 1 samples. Example: a chunk carrying 3 tokens 30 ms after the previous one gives three 10 ms
     * samples.
     *
     * @return the number of samples emitted
     */
    public static long interTokenLatencies(RequestTimeline t, LongConsumer sampleNanos) {
        int c = t.chunkCount();
        if (c == 0) return 0;
        int[] tokens = tokensPerChunkOrNull(t);
        long samples = 0;
        long previousArrival = ABSENT;
        int i = 0;
        while (i < c) {
            long time = t.chunkNanos(i);
            long k = 0;
            int j = i;
            while (j < c && t.chunkNanos(j) == time) {
                k += tokens == null ? 1 : tokens[j];
                j++;
            }
            if (k > 0) {
                if (previousArrival != ABSENT) {
                    long gap = Math.max(0, time - previousArrival);
                    long each = gap / k;
                    long remainder = gap % k;
                    for (long s = 0; s < k; s++) {
                        sampleNanos.accept(s < remainder ? each + 1 : each);
                    }
                    samples += k;
                }
                previousArrival = time;
            }
            i = j;
        }
        return samples;
    }

    /** Coalesced chunks: in every run of consecutive output chunks with the same timestamp, every chunk after the first. */
    public static int coalescedChunks(RequestTimeline t) {
        int c = t.chunkCount();
        int coalesced = 0;
        for (int i = 1; i < c; i++) {
            if (t.chunkNanos(i) == t.chunkNanos(i - 1)) coalesced++;
        }
        return coalesced;
    }

    /**
     * Tokens carried by each output chunk, by the rule of the class comment (sums to N, or to C when there is no
     * usage). Allocates an array: meant for inspection and tests; {@link #interTokenLatencies} allocates only when the
     * output was tokenized or when
     * usage and chunk count differ.
     */
    public static int[] tokensPerChunk(RequestTimeline t) {
        int[] tokens = tokensPerChunkOrNull(t);
        if (tokens != null) return tokens;
        tokens = new int[t.chunkCount()];
        java.util.Arrays.fill(tokens, 1);
        return tokens;
    }

    /** As {@link #tokensPerChunk}, but null when every chunk carries exactly one token (no array needed). */
    static int[] tokensPerChunkOrNull(RequestTimeline t) {
        int c = t.chunkCount();
        if (c == 0) return new int[0];
        long n = t.outputTokens();
        if (t.tokenized()) {
            int[] own = new int[c];
            long sum = 0;
            for (int i = 0; i < c; i++) {
                own[i] = t.chunkTokens(i);
                sum += own[i];
            }
            if (sum == n) return own;
            long[] weights = new long[c];
            for (int i = 0; i < c; i++) weights[i] = own[i];
            return distribute(n, weights, sum);
        }
        if (t.usageOutputTokens() < 0 || t.usageOutputTokens() == c) return null;
        long[] weights = new long[c];
        long totalChars = 0;
        for (int i = 0; i < c; i++) {
            weights[i] = t.chunkChars(i);
            totalChars += weights[i];
        }
        return distribute(n, weights, totalChars);
    }

    /** n split over the weights by largest remainder; equal weights when they sum to 0. */
    private static int[] distribute(long n, long[] weights, long total) {
        int c = weights.length;
        int[] tokens = new int[c];
        boolean weighted = total > 0;
        if (!weighted) total = c;
        // share_i = n * w_i / total: integer part now, remainders decide who gets the leftover tokens.
        long[] remainder = new long[c];
        long assigned = 0;
        for (int i = 0; i < c; i++) {
            long w = weighted ? weights[i] : 1;
            long product = n * w; // n < 2^31, w < 2^31: fits
            tokens[i] = (int) (product / total);
            remainder[i] = product % total;
            assigned += tokens[i];
        }
        long left = n - assigned; // 0 <= left < c
        if (left > 0) {
            Integer[] order = new Integer[c];
            for (int i = 0; i < c; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> remainder[a] != remainder[b]
                    ? Long.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
            for (int r = 0; r < left; r++) tokens[order[r]]++;
        }
        return tokens;
    }

    private static long since(RequestTimeline t, long nanos) {
        return nanos < 0 ? ABSENT : Math.max(0, nanos - t.intendedStartNanos());
    }
}
