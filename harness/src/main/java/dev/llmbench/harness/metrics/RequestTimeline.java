package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;

import java.util.Arrays;
import java.util.Map;

/**
 * Everything measured about one request: the raw timeline from which every metric is derived (see
 * {@link RequestMetrics}). All times are {@link System#nanoTime()} values; {@code -1} means "did not happen".
 *
 * <h2>Counting output tokens locally</h2>
 * Given a {@link Tokenizer} (see the constructor), the timeline counts the output itself, on the decoder thread:
 * <ul>
 *   <li>each chunk's text is counted as it arrives ({@link #chunkTokens(int)} = {@code count(delta)}: a single
 *       token's text almost always re-encodes to one token, so this is cheap — one short count per chunk — and right
 *       for the usual one-token-per-chunk stream, and it sees how many tokens a bundled chunk carries);</li>
 *   <li>at the end of the request the whole streamed text is counted once ({@link #tokenizerOutputTokens()}): that
 *       is the request's {@link TokenSource#TOKENIZER} count, exact whatever merges happen across chunk
 *       boundaries. The text is then dropped, so memory does not grow with finished requests.</li>
 * </ul>
 * Where the two differ (BPE merged across a chunk boundary), {@link RequestMetrics#tokensPerChunk} scales the
 * per-chunk counts to the request's N. Without a tokenizer nothing is counted or kept (the behaviour and cost of a
 * run without one are unchanged).
 *
 * <p>Not thread-safe: filled by one thread (the decoder), then handed on, read-only, to recording.
 */
public final class RequestTimeline implements StreamListener {

    /** How a request ended. */
    public enum Outcome { IN_FLIGHT, SUCCESS, FAILED }

    private final long sequence;
    private final boolean warmup;
    private final long intendedStartNanos;
    private final int promptTokens;
    private final int requestedOutputTokens;
    private final Tokenizer tokenizer;

    private long sentNanos = -1;
    private long headersNanos = -1;
    private int httpStatus;
    private Map<String, String> rateLimitHeaders = Map.of();
    private long firstTokenNanos = -1;
    private long firstContentNanos = -1;
    private String responseId;

    private long[] chunkNanos;
    private int[] chunkChars;
    private int chunkCount;
    private long outputChars;
    private int[] chunkTokens;        // only with a tokenizer
    private StringBuilder outputText; // only with a tokenizer, until the end
    private int tokenizerOutputTokens = -1;

    private boolean missingFinalEvent;
    private boolean reconnected;
    private int usageInputTokens = -1;
    private int usageOutputTokens = -1;
    private int usageCacheWriteTokens = -1;
    private int usageCachedTokens = -1;

    private long endNanos = -1;
    private Outcome outcome = Outcome.IN_FLIGHT;
    private Failure failure;

    /**
     * @param sequence           the request's number within the run (warmup included), from 0
     * @param warmup             true for warmup requests: kept in raw logs, excluded from metrics
     * @param intendedStartNanos t0: the intended send time (open loop) or the hand-off to the client (closed loop)
     * @param promptTokens       input tokens the harness built the prompt for, or -1 when unknown
     */
    public RequestTimeline(long sequence, boolean warmup, long intendedStartNanos, int promptTokens) {
        this(sequence, warmup, intendedStartNanos, promptTokens, 64);
    }

    /**
     * As above, with room for {@code expectedChunks} chunks up front (e.g. the request's max tokens), so the
     * decoder thread does not grow the arrays while the stream runs. Capped at 65,536; more still fits.
     */
    public RequestTimeline(long sequence, boolean warmup, long intendedStartNanos, int promptTokens, int expectedChunks) {
        this(sequence, warmup, intendedStartNanos, promptTokens, -1, null, expectedChunks);
    }

    /**
     * A timeline that also knows the output length asked for, and counts output tokens with {@code tokenizer}.
     *
     * @param requestedOutputTokens the output tokens requested ({@code max_tokens}), or -1 when none was set
     * @param tokenizer             counts the streamed output (see the class comment); null to count nothing
     */
    public RequestTimeline(long sequence, boolean warmup, long intendedStartNanos, int promptTokens,
                           int requestedOutputTokens, Tokenizer tokenizer) {
        this(sequence, warmup, intendedStartNanos, promptTokens, requestedOutputTokens, tokenizer,
                requestedOutputTokens > 0 ? requestedOutputTokens + 1 : 64);
    }

    private RequestTimeline(long sequence, boolean warmup, long intendedStartNanos, int promptTokens,
                            int requestedOutputTokens, Tokenizer tokenizer, int expectedChunks) {
        int capacity = Math.max(16, Math.min(expectedChunks, 65_536));
        this.chunkNanos = new long[capacity];
        this.chunkChars = new int[capacity];
        this.sequence = sequence;
        this.warmup = warmup;
        this.intendedStartNanos = intendedStartNanos;
        this.promptTokens = promptTokens;
        this.requestedOutputTokens = requestedOutputTokens > 0 ? requestedOutputTokens : -1;
        this.tokenizer = tokenizer;
        if (tokenizer != null) {
            this.chunkTokens = new int[capacity];
            this.outputText = new StringBuilder(Math.min(capacity * 8, 1 << 20));
        }
    }

    // ---- StreamListener: filled by the decoder thread ----

    @Override public void sent(long nanos) { sentNanos = nanos; }

    @Override public void headers(long nanos, int status, Map<String, String> headers) {
        headersNanos = nanos;
        httpStatus = status;
        rateLimitHeaders = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override public void chunk(long nanos, CharSequence deltaText, ChunkKind kind, String id) {
        if (responseId == null && id != null) responseId = id;
        if (firstTokenNanos < 0) firstTokenNanos = nanos;
        if (kind == ChunkKind.CONTENT && firstContentNanos < 0) firstContentNanos = nanos;
        if (chunkCount == chunkNanos.length) {
            chunkNanos = Arrays.copyOf(chunkNanos, chunkCount * 2);
            chunkChars = Arrays.copyOf(chunkChars, chunkCount * 2);
            if (chunkTokens != null) chunkTokens = Arrays.copyOf(chunkTokens, chunkCount * 2);
        }
        int chars = deltaText == null ? 0 : deltaText.length();
        if (tokenizer != null && chars > 0) {
            String delta = deltaText.toString();
            outputText.append(delta);
            chunkTokens[chunkCount] = tokenizer.count(delta);
        }
        chunkNanos[chunkCount] = nanos;
        chunkChars[chunkCount] = chars;
        chunkCount++;
        outputChars += chars;
    }

    @Override public void usage(int inputTokens, int outputTokens, int cachedTokens) {
        usageInputTokens = inputTokens;
        usageOutputTokens = outputTokens;
        usageCachedTokens = cachedTokens;
    }

    @Override public void cacheWrite(int inputTokens) {
        usageCacheWriteTokens = inputTokens;
    }

    @Override public void missingFinalEvent() {
        missingFinalEvent = true;
    }

    @Override public void reconnected(long nanos) {
        reconnected = true;
    }

    @Override public void done(long nanos) {
        if (outcome != Outcome.IN_FLIGHT) return;
        endNanos = nanos;
        outcome = Outcome.SUCCESS;
        countOutput();
    }

    @Override public void failed(long nanos, Failure f) {
        if (outcome != Outcome.IN_FLIGHT) return;
        endNanos = nanos;
        outcome = Outcome.FAILED;
        failure = f;
        countOutput();
    }

    private void countOutput() {
        if (tokenizer == null || outputText == null) return;
        tokenizerOutputTokens = tokenizer.count(outputText.toString());
        outputText = null;
    }

    /** Remembers the server's response id when it came from a header rather than a chunk. */
    public void responseIdIfAbsent(String id) {
        if (responseId == null) responseId = id;
    }

    // ---- read side ----

    public long sequence() { return sequence; }
    public boolean warmup() { return warmup; }
    public long intendedStartNanos() { return intendedStartNanos; }
    public int promptTokens() { return promptTokens; }
    public long sentNanos() { return sentNanos; }
    /** Queue delay: actual send − intended send, in nanoseconds (0 when not sent). */
    public long queueDelayNanos() { return sentNanos < 0 ? 0 : Math.max(0, sentNanos - intendedStartNanos); }
    public long headersNanos() { return headersNanos; }
    public int httpStatus() { return httpStatus; }
    public Map<String, String> rateLimitHeaders() { return rateLimitHeaders; }
    public long firstTokenNanos() { return firstTokenNanos; }
    public long firstContentNanos() { return firstContentNanos; }
    public String responseId() { return responseId; }
    public int chunkCount() { return chunkCount; }
    /** Arrival time of chunk {@code i} (0-based) carrying generated output. */
    public long chunkNanos(int i) { return chunkNanos[i]; }
    /** Characters carried by chunk {@code i}. */
    public int chunkChars(int i) { return chunkChars[i]; }
    public long outputChars() { return outputChars; }
    /** Output tokens requested ({@code max_tokens}), or -1 when unknown or none was set. */
    public int requestedOutputTokens() { return requestedOutputTokens; }
    /** Whether the output is counted with a local tokenizer (see the class comment). */
    public boolean tokenized() { return tokenizer != null; }
    /** Tokens of chunk {@code i}'s own text by the tokenizer, or -1 when the output is not {@link #tokenized()}. */
    public int chunkTokens(int i) {
        if (i < 0 || i >= chunkCount) throw new IndexOutOfBoundsException("chunk " + i + " of " + chunkCount);
        return chunkTokens == null ? -1 : chunkTokens[i];
    }
    /** Tokens of the whole streamed output by the tokenizer, counted when the request ended; -1 before or without one. */
    public int tokenizerOutputTokens() { return tokenizerOutputTokens; }
    public int usageInputTokens() { return usageInputTokens; }
    public int usageOutputTokens() { return usageOutputTokens; }
    /** Input tokens the server wrote to its prompt cache (part of {@link #usageInputTokens}), or -1 when not reported. */
    public int usageCacheWriteTokens() { return usageCacheWriteTokens; }
    public int usageCachedTokens() { return usageCachedTokens; }
    public long endNanos() { return endNanos; }
    public Outcome outcome() { return outcome; }
    /** Whether the stream was a complete answer that ended without its final event ({@code data: [DONE]}). */
    public boolean endedWithoutFinalEvent() { return missingFinalEvent; }
    /** Whether the request was sent again on a fresh connection because its kept-alive one was closed unanswered. */
    public boolean reconnected() { return reconnected; }
    /** The failure, or null unless {@link #outcome()} is FAILED. */
    public Failure failure() { return failure; }

    /** Output tokens N: server usage when given, else the local tokenizer's count when counted, else the chunk count. */
    public int outputTokens() {
        if (usageOutputTokens >= 0) return usageOutputTokens;
        return tokenizerOutputTokens >= 0 ? tokenizerOutputTokens : chunkCount;
    }

    /** Where {@link #outputTokens()} came from. */
    public TokenSource outputTokenSource() {
        if (usageOutputTokens >= 0) return TokenSource.USAGE;
        return tokenizerOutputTokens >= 0 ? TokenSource.TOKENIZER : TokenSource.CHUNK_COUNT;
    }

    /** Input tokens: server usage when given, else what the harness built the prompt for (-1 when unknown). */
    public int inputTokens() { return usageInputTokens >= 0 ? usageInputTokens : promptTokens; }
}
