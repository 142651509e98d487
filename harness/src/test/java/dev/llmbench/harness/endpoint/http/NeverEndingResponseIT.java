package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that sends a complete SSE stream, {@code data: [DONE]} included, and then never ends the response (no
 * last chunk, connection kept open). The client must not leak that connection: after {@code [DONE]} it stops
 * reading and closes it, so the pool never runs dry and no request waits for a connection until it times out.
 */
class NeverEndingResponseIT {

    @Test
    void responsesThatNeverEndAfterDoneDoNotExhaustTheConnectionPool() throws Exception {
        try (NeverEndingServer server = new NeverEndingServer()) {
            long start = System.nanoTime();
            BenchmarkResult r = Benchmark.builder("never-ending")
                    .endpoint(EndpointConfig.builder("http://127.0.0.1:" + server.port() + "/v1")
                            // Short enough that a request stuck waiting for a pooled connection would show up as a
                            // failure well within the test; the healthy server answers each request in milliseconds.
                            .timeouts(Timeouts.defaults().withIdle(Duration.ofSeconds(3)).withFirstToken(Duration.ofSeconds(3)))
                            .build())
                    .model("m")
                    .load(LoadModel.concurrency(4))
                    .promptShape(RequestShape.of(8, 4))
                    .maxRequests(40)
                    .drainTimeout(Duration.ofSeconds(10))
                    .build()
                    .run();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(r.counts().failed()).as("no request failed (no idle_timeout for a request that never reached the server): %s",
                    r.counts()).isZero();
            assertThat(r.counts().succeeded()).isEqualTo(40);
            assertThat(seconds).as("a run of 40 quick requests is not held up by leaked connections").isLessThan(20);
            assertThat(server.requests.get()).isEqualTo(40);
        }
    }

    /** Thread-per-connection HTTP/1.1 server on loopback; each response is chunked and never ended. */
    private static final class NeverEndingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();
        private final Thread acceptor = new Thread(this::accept, "never-ending-acceptor");

        NeverEndingServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() { return socket.getLocalPort(); }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Thread t = new Thread(() -> serve(s), "never-ending-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    int contentLength = RawHttp.readHead(in);
                    if (contentLength < 0) return;
                    in.readNBytes(contentLength);
                    requests.incrementAndGet();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
                            + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    for (String word : new String[]{"one", "two", "three", "four"}) {
                        RawHttp.chunk(out, "data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word + " \"}}]}\n\n");
                    }
                    RawHttp.chunk(out, "data: {\"id\":\"x\",\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":4}}\n\n");
                    RawHttp.chunk(out, "data: [DONE]\n\n");
                    out.flush();
                    // ... and never the last chunk: the response stays open until the client closes the connection.
                }
            } catch (IOException clientClosed) {
                // the client closed the connection: that is what it should do
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
