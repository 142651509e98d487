package dev.llmbench.microbench.selfbench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Timing error of one run: measured arrival time − the simulator's true emit time, per token chunk, in nanoseconds.
 * {@code ttft} holds chunk 0 of each measured request; {@code arrival} holds chunks 1..K−1 (the "itl_error_us" field).
 * Also counts the output chunks that arrived after the CPU window opened (the divisor of CPU per token).
 *
 * <p>Not thread-safe: one analysis thread feeds it; read it after that thread has ended.
 */
public final class ErrorStats {

    private final Histogram ttft = new Histogram(3);
    private final Histogram arrival = new Histogram(3);
    long requestsAnalysed;
    /** Measured successful requests whose response id had no emit record. */
    long emitMissing;
    /** Measured successful requests whose chunk count, token count and emit count disagreed (not recorded). */
    long lengthMismatch;
    /** Samples where the client saw a chunk before the server stamped it (recorded as 0; should never happen). */
    long negativeSamples;
    /** Output chunks (warmup or measured) that arrived after the CPU window opened. */
    long chunksInCpuWindow;

    /** Records one measured request's chunk arrivals (n of them) against its emit times. */
    void record(long[] arrivalNanos, int n, int reportedTokens, long[] emitNanos) {
        requestsAnalysed++;
        if (emitNanos == null) { emitMissing++; return; }
        if (emitNanos.length != n || reportedTokens != n) { lengthMismatch++; return; }
        for (int i = 0; i < n; i++) {
            long err = arrivalNanos[i] - emitNanos[i];
            if (err < 0) { negativeSamples++; err = 0; }
            (i == 0 ? ttft : arrival).recordValue(err);
        }
    }

    void countCpuWindowChunks(long[] arrivalNanos, int n, long windowStartNanos) {
        for (int i = 0; i < n; i++) if (arrivalNanos[i] > windowStartNanos) chunksInCpuWindow++;
    }

    public long ttftP99Nanos() { return ttft.getValueAtPercentile(99); }

    /** Timing-related problems: missing emit records, length mismatches, negative errors. */
    public long problems() { return emitMissing + lengthMismatch + negativeSamples; }

    public Map<String, Object> ttftJson() { return json(ttft); }
    public Map<String, Object> arrivalJson() { return json(arrival); }

    public Map<String, Object> detailJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("emit_missing", emitMissing);
        m.put("length_mismatch", lengthMismatch);
        m.put("negative_samples", negativeSamples);
        m.put("ttft_samples", ttft.getTotalCount());
        m.put("itl_samples", arrival.getTotalCount());
        return m;
    }

    private static Map<String, Object> json(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean empty = h.getTotalCount() == 0;
        m.put("p50", micros(empty ? 0 : h.getValueAtPercentile(50)));
        m.put("p99", micros(empty ? 0 : h.getValueAtPercentile(99)));
        m.put("max", micros(empty ? 0 : h.getMaxValue()));
        return m;
    }

    static double micros(long nanos) { return Math.round(nanos / 100.0) / 10.0; }
}
