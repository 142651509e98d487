package dev.llmbench.harness.metrics;

/**
 * Output length actually generated against the length requested, over the measured successful requests that
 * requested one ({@code max_tokens} set). A server that stops early (an end-of-sequence token when {@code ignore_eos}
 * is not honoured, a stop string, a context limit) shows as {@link #shortRequests()} and a ratio below 1; a run whose
 * requests got fewer tokens than asked measures an easier workload than the one configured.
 *
 * @param requests      successful measured requests with a requested length
 * @param requested     Σ requested output tokens over them
 * @param actual        Σ output tokens N they got (usage, else tokenizer, else chunks)
 * @param shortRequests how many of them got fewer tokens than requested
 */
public record OutputLength(long requests, long requested, long actual, long shortRequests) {

    /** Nothing requested. */
    public static OutputLength empty() {
        return new OutputLength(0, 0, 0, 0);
    }

    /** actual / requested; NaN when nothing was requested. */
    public double actualToRequested() {
        return requested == 0 ? Double.NaN : (double) actual / requested;
    }

    /** shortRequests / requests (0–1); NaN with no requests. */
    public double shortShare() {
        return requests == 0 ? Double.NaN : (double) shortRequests / requests;
    }

    /** Adds two (for merging results). */
    public OutputLength plus(OutputLength o) {
        return new OutputLength(requests + o.requests, requested + o.requested, actual + o.actual,
                shortRequests + o.shortRequests);
    }
}
