package dev.llmbench.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.report.ReportWriter;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.slo.SloReport;
import dev.llmbench.harness.workload.RequestShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key never reaches a file, a log line or a message, even when the server echoes it back: servers on loopback
 * that repeat the {@code Authorization} header in a 401 JSON error, in a text/plain page listing the request headers,
 * in a rate-limit header, and in an SSE error event after a few good chunks. The key comes from a file, so the test
 * knows it; every file the benchmark and the report write, the captured log and stderr, and every failure message
 * are searched for it.
 */
class SecretRedactionIT {

    /** Recognisable, and not shaped like an {@code sk-…} token: only knowing the configured value can catch it. */
    private final String key = "LBKEY" + HexFormat.of().formatHex(randomBytes());
    /** Enough of the key to identify it: a message cut in the middle of the key must not keep this much. */
    private final String keyPrefix = key.substring(0, 14);

    private HttpServer server;
    private ExecutorService serverThreads;
    private final List<String> authorizationsSeen = new ArrayList<>();

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new Random().nextBytes(b);
        return b;
    }

    @BeforeEach
    void startEchoServers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/json401/", this::json401);
        server.createContext("/text401/", this::text401);
        server.createContext("/sse-error/", this::sseError);
        server.createContext("/gzip500/", x -> gzipped(x, 500, "application/json"));
        server.createContext("/gzip-stream/", x -> gzipped(x, 200, "text/event-stream"));
        server.start();
    }

    @AfterEach
    void stopEchoServers() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private String authorization(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        synchronized (authorizationsSeen) {
            authorizationsSeen.add(auth);
        }
        return auth;
    }

    /** OpenAI's answer to a wrong key, quoting the header; with the key in a rate-limit header too. */
    private void json401(HttpExchange x) throws IOException {
        String auth = authorization(x);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.getResponseHeaders().add("x-ratelimit-limit-requests", "60");
        x.getResponseHeaders().add("x-ratelimit-key", auth.substring("Bearer ".length()));
        x.getResponseHeaders().add("x-request-id", "req-" + auth);
        send(x, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " + auth + ". You can find your API key at "
                + "https://platform.example.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
    }

    /** A debugging proxy's page listing the request headers; the key sits across the point where the body is cut. */
    private void text401(HttpExchange x) throws IOException {
        String auth = authorization(x);
        StringBuilder page = new StringBuilder("Unauthorized. Request headers:\ncontent-type: application/json\nx-trace: ");
        String line = "authorization: " + auth;
        // The key starts at character 285: across the 300-character cut of a text error body in a failure message.
        page.append("t".repeat(285 - page.length() - 1 - line.indexOf(key))).append('\n').append(line).append('\n');
        x.getResponseHeaders().add("Content-Type", "text/plain");
        send(x, 401, page.toString());
    }

    /** Three good chunks, then an error event with the bare key, placed across the point where messages are cut. */
    private void sseError(HttpExchange x) throws IOException {
        String auth = authorization(x);
        x.getResponseHeaders().add("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (int i = 0; i < 3; i++) {
                out.write(("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word" + i + " \"}}]}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            String bareKey = auth.substring("Bearer ".length());
            // The key starts 15 characters before the failure message is cut (Failure.MAX_MESSAGE_CHARS), after the
            // decoder's "server sent an error chunk: ".
            String said = " Incorrect API key provided: ";
            String message = "n".repeat(Failure.MAX_MESSAGE_CHARS - 15 - "server sent an error chunk: ".length() - said.length())
                    + said + bareKey + " (see the docs)";
            out.write(("data: {\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void gzipped(HttpExchange x, int status, String contentType) throws IOException {
        authorization(x);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            String text = status == 200 ? "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n"
                    : "{\"error\":{\"message\":\"internal error\"}}";
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        x.getResponseHeaders().add("Content-Type", contentType);
        x.getResponseHeaders().add("Content-Encoding", "gzip");
        x.sendResponseHeaders(status, bytes.size());
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes.toByteArray());
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    private String base(String scenario) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + scenario;
    }

    private BenchmarkResult run(String scenario, Path keyFile, Path out, List<String> messages) {
        ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
        EndpointConfig endpoint = EndpointConfig.builder(base(scenario)).apiKeyFile(keyFile)
                .timeouts(Timeouts.defaults().withTotal(Duration.ofSeconds(20))).build();
        BenchmarkResult r = Benchmark.builder(scenario)
                .endpoint(endpoint)
                .model("echo-model")
                .load(LoadModel.concurrency(2))
                .promptShape(RequestShape.of(16, 8))
                .maxRequests(4)
                .slo("error_rate < 1%")
                .outputDirectory(out)
                .onRequest(seen::add)
                .build()
                .run();
        for (RequestTimeline t : seen) if (t.failure() != null) messages.add(t.failure().message());
        messages.add(SloReport.tableWithDetails(r.sloVerdicts()));
        return r;
    }

    @Test
    void anEchoedKeyIsInNoResultFileReportLogLineOrMessage(@TempDir Path out, @TempDir Path secrets) throws Exception {
        Path keyFile = Files.writeString(secrets.resolve("api-key"), key + "\n");
        List<String> messages = new ArrayList<>();
        Captured captured = Captured.start();
        List<BenchmarkResult> results = new ArrayList<>();
        try {
            for (String scenario : List.of("json401", "text401", "sse-error")) {
                try {
                    results.add(run(scenario, keyFile, out, messages));
                } catch (RuntimeException e) {
                    messages.add(String.valueOf(e));
                    throw e;
                }
            }
            ReportWriter.write(ResultSet.read(List.of(out)), null, out.resolve("report"));
        } finally {
            captured.stop();
        }

        assertThat(authorizationsSeen).as("the servers received the key, so they could echo it").isNotEmpty()
                .allMatch(("Bearer " + key)::equals);
        for (BenchmarkResult r : results) {
            assertThat(r.counts().failed()).as(r.name() + " failed every request").isEqualTo(4);
            assertThat(r.failureExamples()).as(r.name() + " kept failure examples").isNotEmpty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("results and the report were written").hasSizeGreaterThanOrEqualTo(6);
        for (Path f : files) assertNoKey(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
        assertNoKey("the log", captured.log());
        assertNoKey("stderr", captured.stderr());
        for (String m : messages) assertNoKey("a message", m);
        assertThat(results.get(0).failureExamples().get(FailureKind.HTTP_STATUS))
                .allSatisfy(m -> assertThat(m).startsWith("HTTP 401: Incorrect API key provided: Bearer [redacted]"));
        assertThat(results.get(2).failureExamples().get(FailureKind.PROTOCOL_ERROR))
                .allSatisfy(m -> assertThat(m).startsWith("server sent an error chunk: nnn"));
    }

    @Test
    void aGzipCompressedErrorOrStreamBodyIsNamedAsSuchNotPrintedAsBytes(@TempDir Path secrets) throws Exception {
        Path keyFile = Files.writeString(secrets.resolve("api-key"), key);
        for (String scenario : List.of("gzip500", "gzip-stream")) {
            List<String> messages = new ArrayList<>();
            run(scenario, keyFile, null, messages);
            List<String> failures = messages.subList(0, messages.size() - 1);
            assertThat(failures).as(scenario).hasSize(4).allSatisfy(m -> {
                assertThat(m).containsPattern("gzip-compressed body \\(\\d+ bytes\\)");
                assertThat(m).doesNotContain("\uFFFD").doesNotContainPattern("[\\x00-\\x08\\x0e-\\x1f]");
            });
        }
    }

    private void assertNoKey(String where, String text) {
        assertThat(text).as(where).doesNotContain(key).doesNotContain(keyPrefix);
    }

    /** Log records (java.util.logging, where System.Logger goes) and stderr while the benchmarks run. */
    private static final class Captured extends Handler {
        private final StringBuilder log = new StringBuilder();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private PrintStream originalErr;

        static Captured start() {
            Captured c = new Captured();
            Logger.getLogger("").addHandler(c);
            c.originalErr = System.err;
            System.setErr(new PrintStream(new TeeStream(c.err, c.originalErr), true, StandardCharsets.UTF_8));
            return c;
        }

        void stop() {
            Logger.getLogger("").removeHandler(this);
            System.setErr(originalErr);
        }

        String log() { synchronized (log) { return log.toString(); } }

        String stderr() { synchronized (err) { return err.toString(StandardCharsets.ISO_8859_1); } }

        @Override public void publish(LogRecord r) {
            synchronized (log) {
                log.append(r.getLevel()).append(' ').append(r.getMessage()).append(' ')
                        .append(r.getParameters() == null ? "" : List.of(r.getParameters())).append(' ')
                        .append(r.getThrown() == null ? "" : r.getThrown()).append('\n');
            }
        }

        @Override public void flush() { }

        @Override public void close() { }
    }

    /** Writes to the capture and to the original stream. */
    private static final class TeeStream extends OutputStream {
        private final ByteArrayOutputStream copy;
        private final OutputStream original;

        TeeStream(ByteArrayOutputStream copy, OutputStream original) {
            this.copy = copy;
            this.original = original;
        }

        @Override public void write(int b) throws IOException {
            synchronized (copy) { copy.write(b); }
            original.write(b);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            synchronized (copy) { copy.write(b, off, len); }
            original.write(b, off, len);
        }

        @Override public void flush() throws IOException { original.flush(); }
    }
}
