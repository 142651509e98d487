package dev.llmbench.simulator;

/**
 * The roofline timing model of a continuous-batching server. Pure arithmetic over a {@link Profile};
 * immutable and thread-safe. All results are nanoseconds.
 *
 * <ul>
 *   <li>prefill of n prompt tokens = 2 x activeParameters x n / (gpuCount x peakFlopsPerSecond x efficiency)</li>
 *   <li>decode step for a batch of B sequences = max(weightBytes / (gpuCount x hbmBytesPerSecond),
 *       2 x activeParameters x B / (gpuCount x peakFlopsPerSecond x efficiency))</li>
 * </ul>
 * KV-cache reads, attention FLOPs and communication are ignored. With {@code fixedStepMicros > 0} every decode
 * step takes exactly that and prefill costs nothing.
 *
 * <p>How the step loop uses it: a step that admits new sequences runs their prefills first and then the decode of
 * the whole batch, so its length is the sum of the admitted prefills plus {@link #decodeStepNanos(int)} (admission
 * delays the running batch, as in vLLM without chunked prefill). Every active sequence, including the ones just
 * admitted, emits one token at the end of the step.
 */
public final class TimingModel {

    private final Profile profile;
    private final double aggregateFlopsPerSecond;
    private final double memoryBoundStepNanos;

    public TimingModel(Profile profile) {
        this.profile = profile;
        this.aggregateFlopsPerSecond = profile.gpuCount() * profile.peakFlopsPerSecond() * profile.efficiency();
        this.memoryBoundStepNanos = profile.weightBytes() / (profile.gpuCount() * profile.hbmBytesPerSecond()) * 1e9;
    }

    public Profile profile() {
        return profile;
    }

    /** Time to prefill {@code promptTokens} tokens, nanoseconds (0 under a fixed step). */
    public long prefillNanos(int promptTokens) {
        if (profile.fixedStepMicros() > 0) {
            return 0;
        }
        return Math.round(2.0 * profile.activeParameters() * promptTokens / aggregateFlopsPerSecond * 1e9);
    }

    /** One decode step for a batch of {@code batchSize} sequences, nanoseconds. */
    public long decodeStepNanos(int batchSize) {
        if (profile.fixedStepMicros() > 0) {
            return profile.fixedStepMicros() * 1_000L;
        }
        double compute = 2.0 * profile.activeParameters() * Math.max(1, batchSize) / aggregateFlopsPerSecond * 1e9;
        return Math.round(Math.max(memoryBoundStepNanos, compute));
    }

    /** The memory-bound step (weights read once per step), nanoseconds. */
    public long memoryBoundStepNanos() {
        return Math.round(memoryBoundStepNanos);
    }

    /** Smallest batch size at which the decode step becomes compute-bound (ignores a fixed step). */
    public int computeBoundBatchSize() {
        double perSequenceNanos = 2.0 * profile.activeParameters() / aggregateFlopsPerSecond * 1e9;
        return (int) Math.floor(memoryBoundStepNanos / perSequenceNanos) + 1;
    }
}
