package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.result.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that advertise {@code Keep-Alive: timeout=5, max=100} but close connections anyway (cpp-httplib, llama.cpp's
 * server). A request that provably never reached the server (its kept-alive connection was closed before any response
 * byte came back) is sent again once on a fresh connection and counted in {@code counts.reconnects}; it is not a
 * failure the endpoint is blamed for. A connection that closes after a response byte still fails the request.
 */
class ReconnectIT {

    @Test
    void aKeptAliveConnectionClosedWhenTheNextRequestArrivesIsReconnectedNotFailed(@TempDir Path out) throws Exception {
        for (int concurrency : new int[]{1, 4}) {
            try (ClosingServer server = new ClosingServer(Mode.CLOSE_ON_SECOND_REQUEST)) {
                Path dir = Files.createDirectory(out.resolve("c" + concurrency));
                BenchmarkResult r = run(server, concurrency, 1_000, dir);

                assertThat(r.counts().failed()).as("concurrency %d: no request failed: %s", concurrency, r.counts()).isZero();
                assertThat(r.counts().succeeded()).isEqualTo(1_000);
                assertThat(r.counts().reconnects())
                        .as("concurrency %d: every request that met a closed kept-alive connection was sent again", concurrency)
                        .isEqualTo(server.closedUnanswered.get())
                        .isPositive();
                Path file = onlyResultFile(dir);
                assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"reconnects\" : " + r.counts().reconnects());
                assertThat(ResultFiles.read(file).counts().reconnects()).isEqualTo(r.counts().reconnects());
            }
        }
    }

    @Test
    void aServerThatClosesRightAfterEachResponseFailsNoRequest() throws Exception {
        for (int concurrency : new int[]{1, 4}) {
            try (ClosingServer server = new ClosingServer(Mode.CLOSE_AFTER_RESPONSE)) {
                BenchmarkResult r = run(server, concurrency, 1_000, null);

                assertThat(r.counts().failed()).as("concurrency %d: no request failed: %s", concurrency, r.counts()).isZero();
                assertThat(r.counts().succeeded()).isEqualTo(1_000);
                assertThat(server.answered.get()).isEqualTo(1_000);
            }
        }
    }

    @Test
    void aConnectionClosedAfterTheResponseBeganStaysAFailure() throws Exception {
        try (ClosingServer server = new ClosingServer(Mode.CLOSE_AFTER_HEADERS)) {
            BenchmarkResult r = run(server, 1, 5, null);

            assertThat(r.counts().failed(FailureKind.CONNECTION_ERROR)).as("%s", r.counts()).isEqualTo(5);
            assertThat(r.counts().reconnects()).isZero();
            assertThat(server.heads.get()).as("each request reached the server once").isEqualTo(5);
        }
    }

    private static Path onlyResultFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    private static BenchmarkResult run(ClosingServer server, int concurrency, int requests, Path out) {
        Benchmark.Builder b = Benchmark.builder("reconnect")
                .endpoint(EndpointConfig.builder("http://127.0.0.1:" + server.port() + "/v1")
                        .timeouts(Timeouts.defaults().withIdle(Duration.ofSeconds(5)).withFirstToken(Duration.ofSeconds(5)))
                        .build())
                .model("m")
                .load(LoadModel.concurrency(concurrency))
                .promptShape(RequestShape.of(8, 2))
                .maxRequests(requests)
                .drainTimeout(Duration.ofSeconds(10));
        if (out != null) b.outputDirectory(out);
        return b.build().run();
    }

    private enum Mode {
        /** Answers the first request of a connection; closes it, unanswered, as soon as a second request arrives. */
        CLOSE_ON_SECOND_REQUEST,
        /** Answers in full, then closes (what cpp-httplib does while advertising Keep-Alive). */
        CLOSE_AFTER_RESPONSE,
        /** Sends the status line and headers, then closes: the response had begun. */
        CLOSE_AFTER_HEADERS
    }

    /** Thread-per-connection HTTP/1.1 server on loopback whose answers advertise a kept-alive connection. */
    private static final class ClosingServer implements AutoCloseable {
        private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: keep-alive\r\nKeep-Alive: timeout=5, max=100\r\n\r\n";
        private final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        private final Mode mode;
        final AtomicInteger heads = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger closedUnanswered = new AtomicInteger();
        private final Thread acceptor = new Thread(this::accept, "closing-acceptor");

        ClosingServer(Mode mode) throws IOException {
            this.mode = mode;
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() { return socket.getLocalPort(); }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> serve(s), "closing-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                int contentLength = RawHttp.readHead(in);
                if (contentLength < 0) return;
                heads.incrementAndGet();
                in.readNBytes(contentLength);
                if (mode == Mode.CLOSE_AFTER_HEADERS) {
                    out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                answer(out);
                answered.incrementAndGet();
                if (mode == Mode.CLOSE_ON_SECOND_REQUEST && RawHttp.readHead(in) >= 0) {
                    heads.incrementAndGet();
                    closedUnanswered.incrementAndGet();     // the request arrived; the connection closes unanswered
                }
            } catch (IOException clientClosed) {
                // the client went away
            }
        }

        private static void answer(OutputStream out) throws IOException {
            out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            for (String word : new String[]{"one", "two"}) {
                RawHttp.chunk(out, "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + " \"}}]}\n\n");
            }
            RawHttp.chunk(out, "data: {\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":2}}\n\n");
            RawHttp.chunk(out, "data: [DONE]\n\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
