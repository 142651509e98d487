package dev.llmbench.harness.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.realtime.RealtimeEndpoint;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.RequestTimeline.Outcome;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Realtime (WebSocket) endpoint against the simulator's Realtime server, and a hand-written one for faults, on 127.0.0.1. */
class RealtimeEndpointIT {

    private static final String KEY = "sk-realtime-test-0123456789abcdefXYZ";
    private static Simulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = Simulator.start(Profile.fast());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static GenerationRequest request(String prompt, int maxTokens) {
        return new GenerationRequest("fast-sim-0.5b", prompt, 7, maxTokens, 0, true, Map.of());
    }

    private static RealtimeEndpoint endpoint(String url) {
        return new RealtimeEndpoint(EndpointConfig.builder(url).build(), 4);
    }

    @Test
    void streamsTimestampedTextDeltasAndTheUsageOfResponseDone() throws Exception {
        try (RealtimeEndpoint endpoint = endpoint(simulator.realtimeUri().toString())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request("Say something about the sea.", 24), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).isEqualTo(24);
            assertThat(t.usageOutputTokens()).isEqualTo(24);
            assertThat(t.usageInputTokens()).isEqualTo(("Say something about the sea.".length() + 3) / 4);
            assertThat(t.outputTokenSource()).isEqualTo(TokenSource.USAGE);
            assertThat(t.responseId()).startsWith("resp_");
            assertThat(t.httpStatus()).as("the upgrade's status").isEqualTo(101);
            assertThat(t.sentNanos()).isLessThanOrEqualTo(t.headersNanos());
            assertThat(t.firstTokenNanos()).isGreaterThanOrEqualTo(t.headersNanos());
            assertThat(t.endNanos()).isGreaterThanOrEqualTo(t.chunkNanos(23));
            assertThat(l.endings).isEqualTo(1);

            long[] emitted = simulator.emitLog().take(t.responseId());
            assertThat(emitted).hasSize(t.chunkCount());
            for (int i = 0; i < emitted.length; i++) {
                assertThat(t.chunkNanos(i) - emitted[i]).as("chunk %d: arrival − emit", i)
                        .isNotNegative()
                        // generous sanity bound: a shared 2-core machine can stall a thread for a while
                        .isLessThan(Duration.ofSeconds(2).toNanos());
            }
            assertThat(endpoint.describe().protocol()).isEqualTo("openai-realtime");
            assertThat(endpoint.describe().url()).as("the configured URL; each connection adds ?model=").isEqualTo(simulator.realtimeUri().toString());
        }
    }

    @Test
    void oneConnectionPerConcurrentRequestIsReusedAcrossRequests() throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast());
             RealtimeEndpoint endpoint = endpoint(sim.realtimeUri().toString())) {
            int users = 4;
            for (int round = 0; round < 5; round++) {
                List<RecordingListener> listeners = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    RecordingListener l = new RecordingListener();
                    listeners.add(l);
                    endpoint.send(request("round " + round + " user " + u, 6), l);
                }
                for (RecordingListener l : listeners) {
                    RequestTimeline t = l.await();
                    assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
                    assertThat(t.chunkCount()).isEqualTo(6);
                }
            }
            assertThat(sim.realtimeConnectionsOpened()).as("20 requests at concurrency 4").isEqualTo(users);
            assertThat(endpoint.openConnections()).isEqualTo(users);
            assertThat(endpoint.clientCpuNanos()).isPositive();
        }
    }

    @Test
    void rateLimitUpdatesAreRecordedAndARateLimitErrorIsTypedRateLimited() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).requestsPerMinute(1).build());
             RealtimeEndpoint endpoint = endpoint(sim.realtimeUri().toString())) {
            RecordingListener first = new RecordingListener();
            endpoint.send(request("one", 3), first);
            RequestTimeline t = first.await();
            assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(t.rateLimitHeaders()).containsEntry("x-ratelimit-limit-requests", "1")
                    .containsEntry("x-ratelimit-remaining-requests", "0")
                    .containsEntry("x-ratelimit-reset-requests", "60.0s");

            RecordingListener second = new RecordingListener();
            endpoint.send(request("two", 3), second);
            RequestTimeline limited = second.await();
            assertThat(limited.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(limited.failure().kind()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(limited.failure().message()).contains("rate_limit_exceeded");
        }
    }

    // ------------------------------------------------------------------ a hand-written server for beta names and faults

    /**
     * Answers each {@code response.create} by the last user text: {@code error} → an {@code error} event quoting the
     * upgrade's {@code Authorization} header; {@code drop} → two deltas, then the server closes the connection
     * (going away) mid-response; {@code stall} → {@code response.created} and nothing more; else three beta-named
     * {@code response.text.delta}s and {@code response.done}.
     */
    static final class FaultServer extends WebSocketServer {
        private static final ObjectMapper JSON = new ObjectMapper();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch stalls = new CountDownLatch(2);
        volatile String authorization;

        FaultServer() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setDaemon(true);
        }

        String url() { return "ws://127.0.0.1:" + getPort() + "/v1/realtime"; }

        @Override public void onStart() { started.countDown(); }
        @Override public void onOpen(WebSocket conn, ClientHandshake handshake) {
            authorization = handshake.getFieldValue("Authorization");
            conn.setAttachment(handshake.getFieldValue("Authorization"));
        }
        @Override public void onClose(WebSocket conn, int code, String reason, boolean remote) { }
        @Override public void onError(WebSocket conn, Exception ex) { }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode e;
            try {
                e = JSON.readTree(message);
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
            switch (e.path("type").asText()) {
                case "conversation.item.create" -> conn.setAttachment(e.path("item").path("content").get(0).path("text").asText() + "|" + conn.getAttachment());
                case "response.create" -> respond(conn, ((String) conn.getAttachment()).split("\\|", 2));
                default -> { }
            }
        }

        private void respond(WebSocket conn, String[] textAndAuth) {
            String text = textAndAuth[0];
            String auth = textAndAuth.length > 1 ? textAndAuth[1] : "";
            conn.setAttachment(auth);
            if (text.equals("error")) {
                conn.send("{\"type\":\"error\",\"event_id\":\"e1\",\"error\":{\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\","
                        + "\"message\":\"Incorrect API key provided: " + auth + "\"}}");
                return;
            }
            conn.send("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_x\",\"status\":\"in_progress\"}}");
            if (text.equals("stall")) {
                stalls.countDown();
                return;
            }
            for (int i = 0; i < (text.equals("drop") ? 2 : 3); i++) {
                conn.send("{\"type\":\"response.text.delta\",\"response_id\":\"resp_x\",\"delta\":\" w" + i + "\"}");
            }
            if (text.equals("drop")) {
                conn.close(CloseFrame.GOING_AWAY, "dropped"); // after the queued deltas (closeConnection would discard them)
                return;
            }
            conn.send("{\"type\":\"response.text.done\",\"text\":\" w0 w1 w2\"}");
            conn.send("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_x\",\"status\":\"completed\",\"usage\":"
                    + "{\"input_tokens\":5,\"output_tokens\":3,\"input_token_details\":{\"cached_tokens\":2}}}}");
        }
    }

    private static FaultServer faultServer() throws InterruptedException {
        FaultServer s = new FaultServer();
        s.start();
        assertThat(s.started.await(10, TimeUnit.SECONDS)).isTrue();
        return s;
    }

    @Test
    void theBetaDeltaNameIsAcceptedAndCachedTokensAreRead() throws Exception {
        FaultServer server = faultServer();
        try (RealtimeEndpoint endpoint = endpoint(server.url())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request("hello", 3), l);
            RequestTimeline t = l.await();
            assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).isEqualTo(3);
            assertThat(t.usageOutputTokens()).isEqualTo(3);
            assertThat(t.usageCachedTokens()).isEqualTo(2);
        } finally {
            server.stop(1000);
        }
    }

    @Test
    void anErrorEventFailsTheRequestTypedAndTheKeyNeverAppearsInIt(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), KEY);
        FaultServer server = faultServer();
        try (RealtimeEndpoint endpoint = new RealtimeEndpoint(EndpointConfig.builder(server.url()).apiKeyFile(keyFile).build(), 1)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request("error", 3), l);
            RequestTimeline t = l.await();

            assertThat(server.authorization).as("the key goes in the upgrade request").isEqualTo("Bearer " + KEY);
            assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(t.failure().kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
            assertThat(t.failure().message()).contains("invalid_api_key").contains("Incorrect API key provided")
                    .doesNotContain(KEY).doesNotContain(KEY.substring(10));
            assertThat(endpoint.describe().toString()).doesNotContain(KEY);
        } finally {
            server.stop(1000);
        }
    }

    @Test
    void aConnectionDroppedMidResponseFailsOnlyThatRequest() throws Exception {
        FaultServer server = faultServer();
        try (RealtimeEndpoint endpoint = endpoint(server.url())) {
            RecordingListener before = new RecordingListener();
            RecordingListener dropped = new RecordingListener();
            RecordingListener after = new RecordingListener();
            endpoint.send(request("before", 3), before);
            endpoint.send(request("drop", 3), dropped);
            endpoint.send(request("after", 3), after);

            RequestTimeline d = dropped.await();
            assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(d.failure().kind()).isEqualTo(FailureKind.CONNECTION_ERROR);
            assertThat(d.chunkCount()).as("what arrived before the drop is kept").isEqualTo(2);
            assertThat(before.await().outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(after.await().outcome()).isEqualTo(Outcome.SUCCESS);

            RecordingListener next = new RecordingListener();
            endpoint.send(request("next", 3), next);
            assertThat(next.await().outcome()).as("the dropped connection is not reused").isEqualTo(Outcome.SUCCESS);
            assertThat(endpoint.openConnections()).isEqualTo(2);
        } finally {
            server.stop(1000);
        }
    }

    @Test
    void cancelAllEndsEveryRequestInFlightAsCancelled() throws Exception {
        FaultServer server = faultServer();
        try (RealtimeEndpoint endpoint = endpoint(server.url())) {
            RecordingListener a = new RecordingListener();
            RecordingListener b = new RecordingListener();
            endpoint.send(request("stall", 3), a);
            endpoint.send(request("stall", 3), b);
            assertThat(server.stalls.await(10, TimeUnit.SECONDS)).as("both responses under way").isTrue();
            endpoint.cancelAll("run over");
            for (RecordingListener l : List.of(a, b)) {
                RequestTimeline t = l.await();
                assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(t.failure().kind()).isEqualTo(FailureKind.CANCELLED);
                assertThat(t.failure().message()).isEqualTo("run over");
                assertThat(l.endings).isEqualTo(1);
            }
            assertThat(endpoint.inFlight()).isZero();
        } finally {
            server.stop(1000);
        }
    }

    @Test
    void aStalledResponseTimesOutWaitingForItsFirstToken() throws Exception {
        FaultServer server = faultServer();
        EndpointConfig config = EndpointConfig.builder(server.url())
                .timeouts(Timeouts.defaults().withFirstToken(Duration.ofMillis(300))).build();
        try (RealtimeEndpoint endpoint = new RealtimeEndpoint(config, 1)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request("stall", 3), l);
            RequestTimeline t = l.await();
            assertThat(t.failure().kind()).isEqualTo(FailureKind.FIRST_TOKEN_TIMEOUT);
        } finally {
            server.stop(1000);
        }
    }
}
