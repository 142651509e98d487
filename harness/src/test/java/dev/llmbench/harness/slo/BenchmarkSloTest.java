package dev.llmbench.harness.slo;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.SloVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BenchmarkSloTest {

    @TempDir
    Path dir;

    /** Answers on its own thread with events stamped from the moment of the call: even requests have a TTFT of 10 ms, odd ones 300 ms. */
    static final class FakeEndpoint implements Endpoint {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicInteger sequence = new AtomicInteger();

        @Override
        public void send(GenerationRequest request, StreamListener l) {
            int k = sequence.getAndIncrement();
            // Stamped from the call, not from when the thread runs: a busy machine must not turn a 10 ms TTFT into 100.
            long now = System.nanoTime();
            thread.execute(() -> {
                l.sent(now);
                l.headers(now, 200, Map.of());
                long first = now + (k % 2 == 0 ? 10 : 300) * 1_000_000L;
                for (int i = 0; i < 5; i++) l.chunk(first + i * 5_000_000L, "tok", ChunkKind.CONTENT, "id");
                l.usage(10, 5, 0);
                l.done(first + 20_000_000L);
            });
        }

        @Override public void cancelAll(String reason) { }
        @Override public int inFlight() { return 0; }
        @Override public long ioCpuNanos() { return 0; }
        @Override public long clientCpuNanos() { return 0; }
        @Override public dev.llmbench.harness.endpoint.EndpointDescription describe() { return dev.llmbench.harness.endpoint.EndpointDescription.of("fake"); }
        @Override public void close() { thread.shutdownNow(); }
    }

    private static Benchmark.Builder builder() {
        return Benchmark.builder("slo-run").endpoint("http://127.0.0.1:9").model("m").maxRequests(20);
    }

    @Test
    void countsGoodputAndAttachesVerdictsBeforeWritingTheResult() throws IOException {
        Benchmark b = builder().slo("p90(ttft) < 100ms", "goodput >= 0.1rps").slo("error_rate < 1%")
                .outputDirectory(dir).build();
        BenchmarkResult r;
        try (FakeEndpoint e = new FakeEndpoint()) {
            r = b.run(e);
        }
        assertThat(r.sloVerdicts()).extracting(SloVerdict::expression)
                .containsExactly("p90(ttft) < 100ms", "goodput >= 0.1rps", "error_rate < 1%");
        assertThat(r.sloVerdicts()).extracting(SloVerdict::passed).containsExactly(false, true, true);
        double seconds = r.throughput().windowSeconds();
        assertThat(r.throughput().goodputRequestsPerSecond()).isCloseTo(10 / seconds, within(1e-9)); // the even ones
        assertThat(r.configuration().slos()).isEqualTo(java.util.List.of("p90(ttft) < 100ms", "goodput >= 0.1rps",
                "error_rate < 1%"));

        BenchmarkResult written = ResultFiles.read(dir.resolve(ResultFiles.fileName(r)));
        assertThat(written.sloVerdicts()).isEqualTo(r.sloVerdicts());
        assertThat(written.throughput().goodputRequestsPerSecond()).isEqualTo(r.throughput().goodputRequestsPerSecond());
    }

    @Test
    void leavesGoodputUnmeasuredWithoutSlos() {
        BenchmarkResult r;
        try (FakeEndpoint e = new FakeEndpoint()) {
            r = builder().build().run(e);
        }
        assertThat(r.sloVerdicts()).isEmpty();
        assertThat(r.throughput().goodputRequestsPerSecond()).isNull();
    }

    @Test
    void refusesABadSloAtBuildTime() {
        Benchmark.Builder b = builder().slo("p90(ttft) < 5tok/s");
        assertThatThrownBy(b::build).isInstanceOf(SloSyntaxException.class).hasMessageContaining("unit 'tok/s'");
    }
}
