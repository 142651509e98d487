package dev.llmbench.microbench.streams;

import java.util.SplittableRandom;

/**
 * Many recorded streams of varied length, each cut into the reads a client would see: the input of the SSE and
 * delta-extraction benchmarks. Deterministic under a seed.
 */
public final class StreamCorpus {

    /** The streams' bytes. */
    public final byte[][] streams;
    /** For each stream, the offsets where its reads end (see {@link RecordedStreams#eventEnds} and {@link RecordedStreams#fixedReadEnds}). */
    public final int[][] readEnds;
    /** Bytes over all streams. */
    public final long totalBytes;
    /** Reads over all streams. */
    public final long totalReads;

    private StreamCorpus(byte[][] streams, int[][] readEnds) {
        this.streams = streams;
        this.readEnds = readEnds;
        long bytes = 0;
        long reads = 0;
        for (int i = 0; i < streams.length; i++) {
            bytes += streams[i].length;
            reads += readEnds[i].length;
        }
        this.totalBytes = bytes;
        this.totalReads = reads;
    }

    /**
     * @param kind       chat, completions, chat with reasoning
     * @param count      number of streams
     * @param meanChunks mean content chunks per stream; each stream draws uniformly from [mean/2, 3·mean/2]
     * @param read       {@code "event"} for one SSE event per read (a server flushing every token to a client that
     *                   keeps up), or a byte count such as {@code "4096"} for fixed-size reads (a busy connection
     *                   whose reads coalesce several events and cut them anywhere)
     * @param crlf       CRLF line endings instead of LF
     * @param seed       same seed, same corpus
     */
    public static StreamCorpus generate(RecordedStreams.Kind kind, int count, int meanChunks, String read, boolean crlf, long seed) {
        if (count <= 0) throw new IllegalArgumentException("count must be > 0, was " + count);
        if (meanChunks < 0) throw new IllegalArgumentException("meanChunks must be >= 0, was " + meanChunks);
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] streams = new byte[count][];
        int[][] ends = new int[count][];
        for (int i = 0; i < count; i++) {
            int chunks = meanChunks / 2 + random.nextInt(meanChunks + 1);
            streams[i] = RecordedStreams.generate(kind, chunks, random.nextLong(), crlf);
            ends[i] = "event".equals(read)
                    ? RecordedStreams.eventEnds(streams[i])
                    : RecordedStreams.fixedReadEnds(streams[i], parseReadSize(read));
        }
        return new StreamCorpus(streams, ends);
    }

    private static int parseReadSize(String read) {
        try {
            return Integer.parseInt(read.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("read must be \"event\" or a byte count such as \"4096\", was \"" + read + "\"");
        }
    }
}
