package dev.llmbench.microbench;

import dev.llmbench.harness.endpoint.sse.SseEventHandler;
import dev.llmbench.harness.endpoint.sse.SseParser;
import dev.llmbench.microbench.streams.RecordedStreams;
import dev.llmbench.microbench.streams.StreamCorpus;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link SseParser} alone: SSE framing of realistic OpenAI chat streams, no JSON.
 *
 * <p>One operation parses one whole recorded stream (a fresh parser per stream, as the client makes one per
 * response), fed in the reads given by {@link #read}; the benchmark cycles through a corpus of {@link #streams}
 * streams of about {@link #chunks} chunks each (about 200 bytes per chunk). The primary score (ops/s) is streams per
 * second; the auxiliary counters, reported by JMH as rates in the same unit, are the ones to read:
 * <ul>
 *   <li>{@code bytes}: input bytes per second (divide by 10^6 for MB/s);</li>
 *   <li>{@code events}: SSE events dispatched per second (one per chunk, plus role, finish, usage and [DONE]).</li>
 * </ul>
 * Every default can be overridden from the command line, e.g.
 * {@code java -jar microbench/target/benchmarks.jar SseParser -p read=event,4096,65536 -p chunks=1000 -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SseParserBenchmark {

    /**
     * Read size: {@code event} feeds one SSE event per read (a server flushing each token to a client that keeps up);
     * a number feeds reads of that many bytes, cutting events anywhere (a busy connection whose reads coalesce).
     */
    @Param({"event", "4096"})
    public String read;

    /** Stream kind: CHAT, COMPLETIONS or CHAT_REASONING (see {@link RecordedStreams.Kind}). */
    @Param({"CHAT"})
    public RecordedStreams.Kind kind;

    /** Mean content chunks per stream (each stream draws from [chunks/2, 3·chunks/2]). */
    @Param({"200"})
    public int chunks;

    /** Streams in the corpus; enough that the corpus does not sit in L1/L2 as one stream would. */
    @Param({"64"})
    public int streams;

    /** CRLF line endings instead of LF. */
    @Param({"false"})
    public boolean crlf;

    /** Seed of the corpus. */
    @Param({"42"})
    public long seed;

    private StreamCorpus corpus;
    private int next;

    /** Bytes and events per second, reported next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        /** Input bytes parsed. */
        public long bytes;
        /** SSE events dispatched. */
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
            events = 0;
        }
    }

    @Setup
    public void setup() {
        corpus = StreamCorpus.generate(kind, streams, chunks, read, crlf, seed);
    }

    /** Parses one stream; the handler only hands each event's data to the blackhole. */
    @Benchmark
    public void parse(Rates rates, Blackhole bh) {
        int i = next;
        next = i + 1 == corpus.streams.length ? 0 : i + 1;
        byte[] stream = corpus.streams[i];
        SseEventHandler handler = (type, data) -> bh.consume(data);
        SseParser parser = new SseParser(handler);
        int off = 0;
        for (int end : corpus.readEnds[i]) {
            parser.feed(stream, off, end - off);
            off = end;
        }
        bh.consume(parser.finish());
        rates.bytes += stream.length;
        rates.events += parser.eventCount();
    }
}
