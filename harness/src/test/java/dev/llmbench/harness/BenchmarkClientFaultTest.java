package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointDescription;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.workload.RequestShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's own trouble (noisy CPU readings, a dead I/O thread) never crashes a run and is never blamed on the server. */
class BenchmarkClientFaultTest {

    /** Answers every request on another thread; its CPU readings and its fault are set by the test. */
    static final class ScriptedEndpoint implements Endpoint {
        final ExecutorService server = Executors.newSingleThreadExecutor();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicLong ioCpu = new AtomicLong(1_000_000);
        volatile long ioCpuStep;            // added to the I/O CPU reading at every read
        volatile int faultAfter = Integer.MAX_VALUE;

        @Override public void send(GenerationRequest request, StreamListener listener) {
            sent.incrementAndGet();
            listener.sent(System.nanoTime());
            server.execute(() -> {
                listener.headers(System.nanoTime(), 200, Map.of());
                listener.chunk(System.nanoTime(), "hi", ChunkKind.CONTENT, "id");
                listener.chunk(System.nanoTime(), " there", ChunkKind.CONTENT, "id");
                listener.done(System.nanoTime());
            });
        }
        @Override public String clientFault() {
            return sent.get() >= faultAfter ? "client I/O thread llmbench-io-1 died: java.lang.OutOfMemoryError: Java heap space" : null;
        }
        @Override public void cancelAll(String reason) { }
        @Override public int inFlight() { return 0; }
        @Override public long ioCpuNanos() { return ioCpu.getAndAdd(ioCpuStep); }
        @Override public long clientCpuNanos() { return ioCpu.get(); }
        @Override public EndpointDescription describe() { return EndpointDescription.of("scripted://"); }
        @Override public void close() { server.shutdownNow(); }
    }

    private final ScriptedEndpoint endpoint = new ScriptedEndpoint();

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static Benchmark.Builder benchmark(Path out) {
        return Benchmark.builder("client-fault").endpoint("http://127.0.0.1:1").model("m").load(LoadModel.concurrency(1))
                .promptShape(RequestShape.of(20, 2)).maxRequests(40).outputDirectory(out);
    }

    @Test
    void aNegativeIoBusyFractionFromMeasurementNoiseIsClampedAndTheResultIsWritten(@TempDir Path out) throws IOException {
        endpoint.ioCpuStep = -105;           // the I/O CPU reading went down a little: -1.05E-4 of a ~1 s run, or more
        BenchmarkResult r = benchmark(out).build().run(endpoint);

        assertThat(r.fidelity().clientIoBusy()).isEqualTo(0.0);
        assertThat(r.partial()).isFalse();
        assertThat(resultFiles(out)).hasSize(1);
    }

    @Test
    void aDeadIoThreadStopsTheRunAndMarksTheResultPartialWithTheReason(@TempDir Path out) throws IOException {
        endpoint.faultAfter = 5;
        BenchmarkResult r = benchmark(out).build().run(endpoint);

        assertThat(r.partial()).isTrue();
        assertThat(r.metadata().partialReason()).contains("client I/O thread llmbench-io-1 died: java.lang.OutOfMemoryError");
        assertThat(r.counts().measured()).as("no request is issued once the client is broken").isLessThan(40);
        assertThat(r.fidelity().clientIoBusy()).as("a dead thread's CPU time is lost: unknown, not wrong").isNull();
        BenchmarkResult written = ResultFiles.read(resultFiles(out).get(0));
        assertThat(written.partial()).isTrue();
        assertThat(written.metadata().partialReason()).contains("OutOfMemoryError");
    }

    private static List<Path> resultFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }
}
