package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.workload.RequestShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory per stream is bounded and a stream's own trouble fails only that request: a raw loopback HTTP/1.1 server
 * (one thread per connection, {@code Connection: close}) sends, per connection, either a normal OpenAI stream or
 * something broken.
 */
@Timeout(120)
class ResponseLimitsIT {

    private static final int LIMIT = 64 * 1024;
    /** An "endless" line stops here at the latest, so a client that never gives up still ends the test. */
    private static final long ENDLESS_CAP_BYTES = 64L * 1024 * 1024;

    private static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";
    private static final String FINISH = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n";
    private static final String USAGE = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    enum Answer { NORMAL, ENDLESS_LINE, NO_DONE }

    private Server server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) server.close();
    }

    @Test
    void anEndlessLineFailsOnlyItsOwnRequestAndTheRunEndsWithItsResultWritten(@TempDir Path out) throws IOException {
        server = new Server(n -> n % 3 == 0 ? Answer.ENDLESS_LINE : Answer.NORMAL);
        BenchmarkResult r = run(EndpointConfig.builder(server.url()).maxEventBytes(LIMIT), out);

        assertThat(r.partial()).isFalse();
        assertThat(r.counts().failed(FailureKind.PROTOCOL_ERROR)).isEqualTo(4);
        assertThat(r.counts().succeeded()).isEqualTo(8);
        assertThat(r.counts().failed()).as("nothing else failed: no 'Connection is closed'").isEqualTo(4);
        assertThat(r.measurements().failureExamples().get(FailureKind.PROTOCOL_ERROR))
                .containsExactly("SSE event larger than 65536 bytes (llmbench.maxEventBytes)");
        // The client gave up on each endless line soon after the limit (what it still read sat in socket buffers),
        // instead of buffering it until the server stopped.
        assertThat(server.endlessBytesSent).hasSize(4)
                .allSatisfy(sent -> assertThat(sent).isLessThan(ENDLESS_CAP_BYTES / 2));

        BenchmarkResult written = ResultFiles.read(onlyResultFile(out));
        assertThat(written.counts().failed(FailureKind.PROTOCOL_ERROR)).isEqualTo(4);
        assertThat(written.counts().succeeded()).isEqualTo(8);
    }

    @Test
    void aCompleteAnswerWithoutDoneSucceedsAndIsCounted(@TempDir Path out) throws IOException {
        server = new Server(n -> n % 4 == 0 ? Answer.NO_DONE : Answer.NORMAL);
        BenchmarkResult r = run(EndpointConfig.builder(server.url()), out);

        assertThat(r.counts().succeeded()).isEqualTo(12);
        assertThat(r.counts().missingDone()).isEqualTo(3);
        assertThat(r.warnings()).contains(MetricsRecorder.missingDoneWarning(3));
        String json = Files.readString(onlyResultFile(out), StandardCharsets.UTF_8);
        assertThat(json).contains("\"missing_done\" : 3");
        assertThat(ResultFiles.read(onlyResultFile(out)).counts().missingDone()).isEqualTo(3);
    }

    @Test
    void strictSseFailsACompleteAnswerWithoutDone(@TempDir Path out) throws IOException {
        server = new Server(n -> n % 4 == 0 ? Answer.NO_DONE : Answer.NORMAL);
        BenchmarkResult r = run(EndpointConfig.builder(server.url()).strictSse(true), out);

        assertThat(r.counts().succeeded()).isEqualTo(9);
        assertThat(r.counts().failed(FailureKind.PROTOCOL_ERROR)).isEqualTo(3);
        assertThat(r.counts().missingDone()).isZero();
        assertThat(r.measurements().failureExamples().get(FailureKind.PROTOCOL_ERROR))
                .containsExactly("stream ended without data: [DONE]");
    }

    private static BenchmarkResult run(EndpointConfig.Builder endpoint, Path out) {
        return Benchmark.builder("limits").endpoint(endpoint.build()).model("m").load(LoadModel.concurrency(6))
                .promptShape(RequestShape.of(20, 2)).maxRequests(12).outputDirectory(out).build().run();
    }

    private static Path onlyResultFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }

    /** Answers connection n (1-based, in accept order) as {@code answers} says, then closes it. */
    static final class Server implements AutoCloseable {
        final ServerSocket socket;
        final IntFunction<Answer> answers;
        final AtomicInteger accepted = new AtomicInteger();
        final List<Long> endlessBytesSent = new CopyOnWriteArrayList<>();
        final Thread acceptor;

        Server(IntFunction<Answer> answers) throws IOException {
            this.answers = answers;
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.acceptor = new Thread(this::acceptLoop, "limits-it-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    Answer a = answers.apply(accepted.incrementAndGet());
                    Thread t = new Thread(() -> serve(s, a), "limits-it-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;                                   // closed
                }
            }
        }

        private void serve(Socket s, Answer answer) {
            long sent = 0;
            try (s) {
                s.setTcpNoDelay(true);
                readRequest(s.getInputStream());
                OutputStream out = s.getOutputStream();
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n");
                switch (answer) {
                    case NORMAL -> write(out, String.format(Locale.ROOT, CHUNK, "Hi") + String.format(Locale.ROOT, CHUNK, " there")
                            + FINISH + USAGE + DONE);
                    case NO_DONE -> write(out, String.format(Locale.ROOT, CHUNK, "Hi") + FINISH + USAGE);
                    case ENDLESS_LINE -> {
                        write(out, "data: ");
                        byte[] xs = new byte[16 * 1024];
                        Arrays.fill(xs, (byte) 'x');
                        try {
                            while (sent < ENDLESS_CAP_BYTES) {
                                out.write(xs);
                                sent += xs.length;
                            }
                        } finally {
                            endlessBytesSent.add(sent);
                        }
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the client closed the connection: expected for an endless line
            }
        }

        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) throw new IOException("request ended early");
                head.append((char) c);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
            }
            in.readNBytes(length);
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
