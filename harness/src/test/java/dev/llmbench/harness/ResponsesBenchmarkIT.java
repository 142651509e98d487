package dev.llmbench.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole benchmarks over OpenAI's Responses API ({@code llmbench.protocol=responses}): against the embedded simulator,
 * streamed and not, with exact output lengths and server usage; and against loopback servers that fail the response
 * ({@code response.failed}, an {@code error} event, no terminal event), quoting the API key, which never reaches a
 * failure message or a file.
 */
class ResponsesBenchmarkIT {

    /** Recognisable, not shaped like an {@code sk-…} token: only knowing the configured value can catch it. */
    private final String key = "LBKEY" + HexFormat.of().formatHex(randomBytes());

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new Random().nextBytes(b);
        return b;
    }

    private EndpointConfig endpoint(String url, Path dir) throws IOException {
        Path keyFile = dir.resolve("key.txt");
        Files.writeString(keyFile, key + "\n");
        return EndpointConfig.builder(url).apiKeyFile(keyFile).build();
    }

    private BenchmarkResult run(EndpointConfig endpoint, boolean stream, int requests, Path out,
                                ConcurrentLinkedQueue<RequestTimeline> seen) {
        return Benchmark.builder("responses")
                .endpoint(endpoint)
                .protocol(Protocol.RESPONSES)
                .model("fast-sim-0.5b")
                .load(LoadModel.concurrency(4))
                .promptShape(RequestShape.of(64, 24))
                .stream(stream)
                .maxRequests(requests)
                .outputDirectory(out)
                .onRequest(seen::add)
                .build()
                .run();
    }

    private void assertKeyInNoFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("key.txt")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(key);
            }
        }
    }

    @Test
    void aStreamedRunCountsExactOutputTokensFromUsageAndRecordsTheProtocol(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = run(endpoint(sim.baseUri().toString(), dir), true, 12, dir.resolve("out"), seen);

            assertThat(r.counts().succeeded()).isEqualTo(12);
            assertThat(r.counts().failed()).isZero();
            assertThat(r.tokens().output()).isEqualTo(12 * 24);
            assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(12L);
            assertThat(r.tokens().outputLength().actual()).isEqualTo(12 * 24);
            assertThat(r.tokens().outputLength().shortRequests()).isZero();
            assertThat(r.configuration().endpoint().protocol()).isEqualTo("openai-responses");
            assertThat(r.configuration().outputLengthSteering())
                    .as("the result records only what was sent: max_output_tokens, never min_tokens or ignore_eos")
                    .isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.OutputLengthSteering(true, false, false));
            for (RequestTimeline t : seen) {
                assertThat(t.chunkCount()).isEqualTo(24);
                assertThat(t.responseId()).startsWith("resp_");
                assertThat(t.firstContentNanos()).isEqualTo(t.firstTokenNanos());
            }
            assertThat(r.summary("ttft").count()).isEqualTo(12);
            assertThat(r.summary("tpot").count()).isEqualTo(12);
            assertKeyInNoFile(dir);
        }
    }

    @Test
    void aNonStreamedRunSucceedsWithTtftEqualToE2e(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = run(endpoint(sim.baseUri().toString(), dir), false, 6, dir.resolve("out"), seen);

            assertThat(r.counts().succeeded()).isEqualTo(6);
            assertThat(r.tokens().output()).isEqualTo(6 * 24);
            for (RequestTimeline t : seen) {
                assertThat(t.chunkCount()).isEqualTo(1);
                assertThat(t.firstTokenNanos()).isEqualTo(t.endNanos());
            }
            assertKeyInNoFile(dir);
        }
    }

    @Test
    void failedResponsesErrorEventsAndMissingTerminalEventsAreTypedProtocolErrorsWithoutTheKey(@TempDir Path dir)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/failed/v1/responses", x -> stream(x, auth -> "event: response.failed\ndata: "
                + "{\"type\":\"response.failed\",\"sequence_number\":3,\"response\":{\"id\":\"resp_f\",\"object\":\"response\","
                + "\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"upstream rejected " + auth
                + "\"},\"output\":[],\"usage\":null}}\n\n"));
        server.createContext("/error/v1/responses", x -> stream(x, auth -> "event: error\ndata: {\"type\":\"error\","
                + "\"sequence_number\":3,\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided: "
                + auth.substring("Bearer ".length()) + "\",\"param\":null}\n\n"));
        server.createContext("/cut/v1/responses", x -> stream(x, auth -> ""));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            for (String path : List.of("failed", "error", "cut")) {
                ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
                BenchmarkResult r = run(endpoint(base + "/" + path, dir), true, 2, dir.resolve(path), seen);

                assertThat(r.counts().failed(FailureKind.PROTOCOL_ERROR)).as(path).isEqualTo(2);
                for (RequestTimeline t : seen) {
                    String m = t.failure().message();
                    assertThat(m).doesNotContain(key);
                    assertThat(t.chunkCount()).as("the deltas before the failure count").isEqualTo(2);
                    switch (path) {
                        case "failed" -> assertThat(m).isEqualTo("server sent response.failed: server_error: upstream rejected Bearer [redacted]");
                        case "error" -> assertThat(m).isEqualTo("server sent an error event: invalid_api_key: Incorrect API key provided: [redacted]");
                        default -> assertThat(m).isEqualTo("stream ended without response.completed");
                    }
                }
            }
            assertKeyInNoFile(dir);
        } finally {
            server.stop(0);
        }
    }

    /** The opening events and two text deltas, then what {@code end} writes for this request's Authorization header. */
    private static void stream(HttpExchange x, java.util.function.Function<String, String> end) throws IOException {
        x.getRequestBody().readAllBytes();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            out.write(("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                    + "{\"id\":\"resp_f\",\"object\":\"response\",\"status\":\"in_progress\",\"output\":[],\"usage\":null}}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 2; i++) {
                out.write(("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"sequence_number\":"
                        + i + ",\"item_id\":\"msg_f\",\"output_index\":0,\"content_index\":0,\"delta\":\" word\"}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write(end.apply(auth).getBytes(StandardCharsets.UTF_8));
        }
    }
}
