package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.testing.LoopbackServer;
import dev.llmbench.harness.testing.LoopbackServer.Answer;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Benchmarks speaking Anthropic Messages ({@code Protocol.ANTHROPIC}) against the simulator and a scripted server. */
class AnthropicBenchmarkIT {

    private static final String KEY = "sk-ant-api03-benchmarkSecretKey0123456789";

    private static EndpointConfig endpoint(String url, Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), KEY);
        return EndpointConfig.builder(url).apiKeyFile(keyFile).build();
    }

    private static String allFiles(Path dir) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("key.txt")).toList()) {
                b.append(Files.readString(f));
            }
        }
        return b.toString();
    }

    @Test
    void aBenchmarkStreamsFromTheSimulatorWithExactOutputUsageAndTrueTiming(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = Benchmark.builder("anthropic")
                    .endpoint(endpoint(sim.baseUri().toString(), dir))
                    .protocol(Protocol.ANTHROPIC)
                    .model("claude-sim")
                    .load(LoadModel.concurrency(4))
                    .promptShape(RequestShape.of(100, 24))
                    .maxRequests(12)
                    .outputDirectory(dir)
                    .onRequest(seen::add)
                    .build()
                    .run();

            assertThat(r.counts().succeeded()).as("the simulator answers 401 to a key in Authorization").isEqualTo(12);
            assertThat(r.tokens().output()).isEqualTo(12 * 24);
            assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(12L);
            assertThat(r.tokens().inputSources().get(TokenSource.USAGE)).isEqualTo(12L);
            assertThat(r.tokens().input()).isPositive();
            assertThat(r.tokens().outputLength().shortRequests()).isZero();
            assertThat(r.configuration().endpoint().protocol()).isEqualTo("anthropic-messages");
            assertThat(r.configuration().outputLengthSteering())
                    .as("the result records only what was sent: max_tokens, never min_tokens or ignore_eos")
                    .isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.OutputLengthSteering(true, false, false));
            assertThat(r.configuration().endpoint().url()).endsWith("/v1/messages");

            for (RequestTimeline t : seen) {
                assertThat(t.responseId()).startsWith("msg_");
                assertThat(t.chunkCount()).isEqualTo(24);
                long[] emitted = sim.emitLog().take(t.responseId());
                assertThat(emitted).hasSize(t.chunkCount());
                for (int i = 0; i < emitted.length; i++) {
                    assertThat(t.chunkNanos(i) - emitted[i]).as("chunk %d: arrival − emit", i)
                            .isNotNegative()
                            // generous sanity bound, as OpenAiEndpointIT's: a shared 2-core machine can stall a thread
                            .isLessThan(Duration.ofSeconds(2).toNanos());
                }
            }
            assertThat(allFiles(dir)).doesNotContain(KEY).doesNotContain("benchmarkSecretKey");
        }
    }

    @Test
    void aRateLimitedRequestIsCountedAsRateLimited(@TempDir Path dir) throws Exception {
        SimulatorConfig cfg = SimulatorConfig.builder(Profile.fixedStep("rpm", 1_000)).requestsPerMinute(2).build();
        try (Simulator sim = Simulator.start(cfg)) {
            BenchmarkResult r = Benchmark.builder("anthropic-429")
                    .endpoint(endpoint(sim.baseUri().toString(), dir))
                    .protocol(Protocol.ANTHROPIC)
                    .model("claude-sim")
                    .load(LoadModel.concurrency(1))
                    .promptShape(RequestShape.of(20, 2))
                    .maxRequests(4)
                    .outputDirectory(dir)
                    .build()
                    .run();

            assertThat(r.counts().succeeded()).isEqualTo(2);
            assertThat(r.counts().rateLimited()).isEqualTo(2);
            assertThat(r.failureExamples().get(FailureKind.RATE_LIMITED).get(0)).contains("Rate limit reached");
        }
    }

    @Test
    void aMidStreamErrorEventFailsTheRequestWithTheServersTextRedactedAndTheKeyGoesInXApiKey(@TempDir Path dir) throws Exception {
        Answer overloaded = new Answer(200, java.util.Map.of(), "text/event-stream", String.join("",
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_9\",\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n",
                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded; your key "
                        + KEY + " is fine\"}}\n\n"));
        try (LoopbackServer server = LoopbackServer.always(overloaded)) {
            BenchmarkResult r = Benchmark.builder("anthropic-error")
                    .endpoint(endpoint(server.url(), dir))
                    .protocol(Protocol.ANTHROPIC)
                    .model("claude-sim")
                    .load(LoadModel.concurrency(1))
                    .promptShape(RequestShape.of(20, 2))
                    .maxRequests(1)
                    .outputDirectory(dir)
                    .build()
                    .run();

            assertThat(r.counts().rateLimited()).as("overloaded_error mid-stream counts as rate limiting").isEqualTo(1);
            String message = r.failureExamples().get(FailureKind.RATE_LIMITED).get(0);
            assertThat(message).contains("overloaded_error").contains("Overloaded").contains("[redacted]").doesNotContain(KEY);
            assertThat(server.lastRequestHeaders().get("X-api-key")).containsExactly(KEY);
            assertThat(server.lastRequestHeaders().get("Anthropic-version")).containsExactly("2023-06-01");
            assertThat(server.lastRequestHeaders()).doesNotContainKey("Authorization");
            assertThat(allFiles(dir)).doesNotContain(KEY);
        }
    }

    @Test
    void http529OverloadedCountsAsRateLimited(@TempDir Path dir) throws Exception {
        Answer overloaded = Answer.of(529, "application/json",
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        try (LoopbackServer server = LoopbackServer.always(overloaded)) {
            BenchmarkResult r = Benchmark.builder("anthropic-529")
                    .endpoint(endpoint(server.url(), dir))
                    .protocol(Protocol.ANTHROPIC)
                    .model("claude-sim")
                    .load(LoadModel.concurrency(1))
                    .promptShape(RequestShape.of(20, 2))
                    .maxRequests(2)
                    .outputDirectory(dir)
                    .build()
                    .run();

            assertThat(r.counts().rateLimited()).isEqualTo(2);
            assertThat(r.failureExamples().get(FailureKind.RATE_LIMITED)).allMatch(m -> m.equals("HTTP 529: Overloaded"));
        }
    }

    @Test
    void cacheReadsAndWritesReachTheResultAndItsCost(@TempDir Path dir) throws Exception {
        Answer cached = new Answer(200, java.util.Map.of(), "text/event-stream", String.join("",
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_c\",\"usage\":{\"input_tokens\":100,"
                        + "\"cache_creation_input_tokens\":1000,\"cache_read_input_tokens\":4000,\"output_tokens\":1}}}\n\n",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n",
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":500}}\n\n",
                "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        try (LoopbackServer server = LoopbackServer.always(cached)) {
            BenchmarkResult r = Benchmark.builder("anthropic-cache")
                    .endpoint(endpoint(server.url(), dir))
                    .protocol(Protocol.ANTHROPIC)
                    .model("claude-sim")
                    .load(LoadModel.concurrency(1))
                    .promptShape(RequestShape.of(20, 500))
                    .maxRequests(2)
                    .pricing(dev.llmbench.harness.cost.Pricing.api(3, 15).withCachedInput(0.30))
                    .outputDirectory(dir)
                    .build()
                    .run();

            assertThat(r.counts().succeeded()).isEqualTo(2);
            assertThat(r.tokens().input()).as("input_tokens + cache writes + cache reads").isEqualTo(2 * 5100);
            assertThat(r.tokens().cached()).isEqualTo(2 * 4000);
            assertThat(r.tokens().cacheWrite()).isEqualTo(2 * 1000);
            assertThat(r.tokens().output()).isEqualTo(2 * 500);
            // per request: 100 × $3 + 4000 × $0.30 + 1000 × $3.75 (1.25 × input) + 500 × $15, per 1M tokens
            assertThat(r.cost().usdPerRun()).isCloseTo(2 * 0.01275, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(allFiles(dir)).contains("\"cache_write\" : 2000");
        }
    }
}
