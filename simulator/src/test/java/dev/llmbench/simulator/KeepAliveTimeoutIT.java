package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's keep-alive option ({@code --keep-alive-timeout}), orthogonal to its personality: a timeout of N
 * seconds is advertised as {@code Keep-Alive: timeout=N} and closes a connection left idle for N seconds, but never one
 * whose request is still being answered; 0 answers {@code Connection: close} and closes after every response.
 */
class KeepAliveTimeoutIT {

    private static final String CHAT = "/v1/chat/completions";

    private static Simulator start(Profile profile, Duration keepAlive) {
        return Simulator.start(SimulatorConfig.builder(profile).keepAliveTimeout(keepAlive).build());
    }

    /** Sends one streamed chat request and reads until the response's last chunk; returns the head and body text. */
    private static String exchange(Socket s, int maxTokens) throws IOException {
        String body = TestClient.chat(maxTokens, true, false);
        s.getOutputStream().write(("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
            int n = in.read(buf);
            if (n < 0) throw new AssertionError("the connection closed before the response ended: " + all);
            all.write(buf, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the server closes the connection; fails after 10 s of silence. Returns the milliseconds waited. */
    private static long millisUntilClosed(Socket s) throws IOException {
        long start = System.nanoTime();
        s.setSoTimeout(10_000);
        try {
            assertThat(s.getInputStream().read()).as("nothing more is sent").isEqualTo(-1);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the idle connection open for 10 s", e);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aKeepAliveTimeoutIsAdvertisedAndAnIdleConnectionIsClosedAfterIt() throws Exception {
        try (Simulator sim = start(Profile.fast(), Duration.ofSeconds(1)); Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            String first = exchange(s, 3);
            assertThat(first.toLowerCase()).startsWith("http/1.1 200").contains("keep-alive: timeout=1\r\n")
                    .doesNotContain("connection: close");
            String second = exchange(s, 3);   // at once: the connection is still open
            assertThat(second).endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");

            long waited = millisUntilClosed(s);

            assertThat(waited).as("closed after about a second of idleness").isBetween(500L, 5_000L);
            assertThat(sim.stats().connectionsClosedIdle()).isEqualTo(1);
        }
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsNotCut() throws Exception {
        // 1.3 s per decode step: the stream is silent for longer than the 1 s keep-alive timeout between its tokens.
        try (Simulator sim = start(Profile.fixedStep("slow", 1_300_000), Duration.ofSeconds(1));
             Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            String response = exchange(s, 2);

            assertThat(response).contains("data: [DONE]");
            assertThat(sim.stats().connectionsClosedIdle()).isZero();
        }
    }

    @Test
    void aTimeoutOfZeroAnswersConnectionCloseAndClosesAfterEveryResponse() throws Exception {
        try (Simulator sim = start(Profile.fast(), Duration.ZERO); Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            String response = exchange(s, 3);

            assertThat(response.toLowerCase()).contains("connection: close\r\n").doesNotContain("keep-alive");
            assertThat(millisUntilClosed(s)).isLessThan(5_000);
        }
    }

    @Test
    void withoutTheOptionNothingIsAdvertised() throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast()); Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            assertThat(exchange(s, 3).toLowerCase()).doesNotContain("keep-alive").doesNotContain("connection: close");
        }
    }

    @Test
    void theCommandLineTakesWholeSeconds() {
        assertThat(SimulatorMain.parse(new String[] {"--keep-alive-timeout", "2s"}).keepAliveTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(SimulatorMain.parse(new String[] {"--keep-alive-timeout=0"}).keepAliveTimeout()).isEqualTo(Duration.ZERO);
        assertThat(SimulatorMain.parse(new String[0]).keepAliveTimeout()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--keep-alive-timeout", "1.5"}))
                .hasMessageContaining("--keep-alive-timeout").hasMessageContaining("whole seconds");
    }
}
