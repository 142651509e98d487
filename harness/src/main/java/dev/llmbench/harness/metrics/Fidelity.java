package dev.llmbench.harness.metrics;

/**
 * How far the client's own measurement can be trusted.
 *
 * @param outputChunks    output chunks received by measured requests
 * @param coalescedChunks of those, chunks that shared their arrival timestamp with the chunk before (read together)
 * @param clientIoBusy    fraction of the run (0–1) the client I/O threads were busy, as measured by the endpoint;
 *                        null when not measured
 * @param clientCpuNanos  CPU time in nanoseconds all client threads (I/O, decoder, watchdog) used during the run;
 *                        null when not measured
 */
public record Fidelity(long outputChunks, long coalescedChunks, Double clientIoBusy, Long clientCpuNanos) {

    /** Client CPU microseconds per output chunk, or NaN when not measured or no chunks arrived. */
    public double clientCpuMicrosPerChunk() {
        return clientCpuNanos == null || outputChunks == 0 ? Double.NaN : clientCpuNanos / 1000.0 / outputChunks;
    }

    /** Coalesced chunks / all output chunks (0 with no chunks). */
    public double coalescedChunkRatio() {
        return outputChunks == 0 ? 0.0 : (double) coalescedChunks / outputChunks;
    }
}
