package dev.llmbench.harness.metrics;

/**
 * How far the client's own measurement can be trusted.
 *
 * @param outputChunks    output chunks received by measured requests
 * @param coalescedChunks of those, chunks that shared their arrival timestamp with the chunk before (read together)
 * @param clientIoBusy    fraction of the run (0–1) the client I/O threads were busy, as measured by the endpoint;
 *                        null when not measured or unknown. Never throws: measurement noise outside [0, 1] is
 *                        clamped, a non-finite value becomes null ({@link #busyFraction})
 * @param clientCpuNanos  CPU time in nanoseconds all client threads (I/O, decoder, watchdog) used during the run;
 *                        null when not measured or unknown (a negative value becomes null)
 */
public record Fidelity(long outputChunks, long coalescedChunks, Double clientIoBusy, Long clientCpuNanos) {

    public Fidelity {
        clientIoBusy = clientIoBusy == null ? null : busyFraction(clientIoBusy);
        if (clientCpuNanos != null && clientCpuNanos < 0) clientCpuNanos = null;
    }

    /**
     * A measured busy fraction as a figure for the result: clamped to [0, 1] (CPU time is sampled per thread, so a
     * reading a little below 0 or above 1 is noise, not a fact), null when not a finite number.
     */
    public static Double busyFraction(double measured) {
        if (!Double.isFinite(measured)) return null;
        return Math.max(0.0, Math.min(1.0, measured));
    }

    /** Client CPU microseconds per output chunk, or NaN when not measured or no chunks arrived. */
    public double clientCpuMicrosPerChunk() {
        return clientCpuNanos == null || outputChunks == 0 ? Double.NaN : clientCpuNanos / 1000.0 / outputChunks;
    }

    /** Coalesced chunks / all output chunks (0 with no chunks). */
    public double coalescedChunkRatio() {
        return outputChunks == 0 ? 0.0 : (double) coalescedChunks / outputChunks;
    }
}
