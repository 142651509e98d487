package dev.llmbench.microbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.harness.endpoint.openai.OpenAiDelta;
import dev.llmbench.harness.endpoint.openai.OpenAiDeltaExtractor;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the client's end-to-end hot path on OpenAI-style streams: SSE framing ({@link SseParser}) plus delta
 * extraction ({@link OpenAiDeltaExtractor}, Jackson streaming) of every chunk, up to the text and usage a listener
 * would receive.
 *
 * <p>One operation handles one whole recorded stream, fed in the reads given by {@link #read}, with a fresh parser per
 * stream and one reused extractor and {@link OpenAiDelta} (per I/O thread, as in the client). The auxiliary counters,
 * reported by JMH as rates in the primary score's unit, are the ones to read:
 * <ul>
 *   <li>{@code bytes}: input bytes per second (divide by 10^6 for MB/s);</li>
 *   <li>{@code events}: SSE events per second, i.e. chunks per second.</li>
 * </ul>
 * {@link #extractOnly} runs the extractor alone over the same payloads, already framed, to tell SSE cost from JSON cost;
 * {@link #baselineCreateParserPerChunk} is the textbook Jackson way (one {@code createParser} per chunk, every token
 * walked, names from the symbol table, content decoded) over the same payloads, to compare side by side in one run.
 * Every default can be overridden from the command line, e.g.
 * {@code java -jar microbench/target/benchmarks.jar DeltaExtraction -p kind=COMPLETIONS -p read=event -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DeltaExtractionBenchmark {

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

    /** Streams in the corpus. */
    @Param({"64"})
    public int streams;

    /** Seed of the corpus. */
    @Param({"42"})
    public long seed;

    private StreamCorpus corpus;
    /** Per stream, its events' data payloads as the parser hands them over (for {@link #extractOnly}). */
    private byte[][][] payloads;
    private int next;

    private final OpenAiDeltaExtractor extractor = new OpenAiDeltaExtractor();
    private final OpenAiDelta delta = new OpenAiDelta();

    /** Bytes and events per second, reported next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        /** Input bytes handled (SSE bytes for {@code parseAndExtract}, JSON payload bytes for {@code extractOnly}). */
        public long bytes;
        /** SSE events (chunks) handled. */
        public long events;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
            events = 0;
        }
    }

    @Setup
    public void setup() {
        corpus = StreamCorpus.generate(kind, streams, chunks, read, false, seed);
        payloads = new byte[corpus.streams.length][][];
        for (int i = 0; i < corpus.streams.length; i++) {
            List<byte[]> events = new ArrayList<>();
            SseParser parser = new SseParser((type, data) -> events.add(data));
            parser.feed(corpus.streams[i], 0, corpus.streams[i].length);
            if (!parser.finish()) throw new IllegalStateException("corpus stream " + i + " does not end cleanly");
            payloads[i] = events.toArray(new byte[0][]);
        }
    }

    /** The hot path: frame one stream and extract every chunk, as the client's I/O thread does. */
    @Benchmark
    public void parseAndExtract(Rates rates, Blackhole bh) {
        int i = next;
        next = i + 1 == corpus.streams.length ? 0 : i + 1;
        byte[] stream = corpus.streams[i];
        SseEventHandler handler = (type, data) -> {
            if (SseParser.isDone(data)) {
                bh.consume(true);
                return;
            }
            extractInto(data, bh);
        };
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

    /** Extraction alone over one stream's already framed payloads (no SSE). */
    @Benchmark
    public void extractOnly(Rates rates, Blackhole bh) {
        int i = next;
        next = i + 1 == payloads.length ? 0 : i + 1;
        long bytes = 0;
        for (byte[] data : payloads[i]) {
            bytes += data.length;
            if (SseParser.isDone(data)) continue;
            extractInto(data, bh);
        }
        rates.bytes += bytes;
        rates.events += payloads[i].length;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Baseline: the textbook Jackson way over one stream's framed payloads: {@code createParser} per chunk, walk every
     * token, decode {@code content} and {@code id}. What {@link OpenAiDeltaExtractor} must beat.
     */
    @Benchmark
    public void baselineCreateParserPerChunk(Rates rates, Blackhole bh) throws IOException {
        int i = next;
        next = i + 1 == payloads.length ? 0 : i + 1;
        long bytes = 0;
        for (byte[] data : payloads[i]) {
            bytes += data.length;
            if (SseParser.isDone(data)) continue;
            try (JsonParser p = FACTORY.createParser(data, 0, data.length)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.VALUE_STRING) {
                        String name = p.currentName();
                        if ("content".equals(name) || "id".equals(name)) bh.consume(p.getText());
                    }
                }
            }
        }
        rates.bytes += bytes;
        rates.events += payloads[i].length;
    }

    private void extractInto(byte[] data, Blackhole bh) {
        OpenAiDelta d = delta;
        d.reset();
        try {
            extractor.extract(data, 0, data.length, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bh.consume(d.content.length());
        bh.consume(d.reasoning.length());
        bh.consume(d.id);
        bh.consume(d.finishReason);
        bh.consume(d.completionTokens);
    }
}
