package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's OpenAI Realtime text flow over WebSocket, as a client on 127.0.0.1 sees it. */
class RealtimeServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A WebSocket client that queues every event it receives. */
    static final class Client extends WebSocketClient {
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        volatile int closeCode = -1;

        Client(URI uri) { super(uri); }

        @Override public void onOpen(ServerHandshake handshake) { }
        @Override public void onMessage(String message) {
            try {
                events.add(JSON.readTree(message));
            } catch (Exception e) {
                throw new AssertionError(message, e);
            }
        }
        @Override public void onClose(int code, String reason, boolean remote) {
            closeCode = code;
            closed.countDown();
        }
        @Override public void onError(Exception ex) { }

        JsonNode next() throws InterruptedException {
            JsonNode e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e;
        }

        /** Events up to and including the first of this type. */
        List<JsonNode> until(String type) throws InterruptedException {
            List<JsonNode> seen = new ArrayList<>();
            JsonNode e;
            do {
                e = next();
                seen.add(e);
            } while (!type.equals(e.path("type").asText()));
            return seen;
        }

        void askFor(String text, int maxTokens) {
            send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":"
                    + Json.quote(text) + "}]}}");
            send("{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"text\"],\"max_output_tokens\":" + maxTokens + "}}");
        }
    }

    private static Client connect(Simulator sim) throws InterruptedException {
        Client c = new Client(URI.create(sim.realtimeUri() + "?model=" + sim.profile().modelName()));
        assertThat(c.connectBlocking(10, TimeUnit.SECONDS)).isTrue();
        return c;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    @Test
    void servesTheTextFlowWithDeltasAndUsage() throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            assertThat(sim.realtimeUri().toString()).matches("ws://127\\.0\\.0\\.1:\\d+/v1/realtime");
            Client c = connect(sim);
            assertThat(c.next().path("type").asText()).isEqualTo("session.created");
            c.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"output_modalities\":[\"text\"]}}");
            assertThat(c.next().path("type").asText()).isEqualTo("session.updated");

            c.askFor("Say something about the sea.", 5);
            List<JsonNode> events = c.until("response.done");

            assertThat(types(events)).containsExactly("conversation.item.added", "response.created",
                    "response.output_item.added", "response.content_part.added",
                    "response.output_text.delta", "response.output_text.delta", "response.output_text.delta",
                    "response.output_text.delta", "response.output_text.delta",
                    "response.output_text.done", "response.content_part.done", "response.output_item.done", "response.done");
            String id = events.get(1).path("response").path("id").asText();
            StringBuilder text = new StringBuilder();
            for (JsonNode e : events) {
                if (e.path("type").asText().equals("response.output_text.delta")) {
                    assertThat(e.path("response_id").asText()).isEqualTo(id);
                    text.append(e.path("delta").asText());
                }
            }
            assertThat(events.get(9).path("text").asText()).isEqualTo(text.toString());
            JsonNode done = events.get(12).path("response");
            assertThat(done.path("id").asText()).isEqualTo(id);
            assertThat(done.path("status").asText()).isEqualTo("incomplete");
            assertThat(done.path("status_details").path("reason").asText()).isEqualTo("max_output_tokens");
            assertThat(done.path("usage").path("output_tokens").asInt()).isEqualTo(5);
            assertThat(done.path("usage").path("input_tokens").asInt()).isEqualTo(("Say something about the sea.".length() + 3) / 4);
            assertThat(done.path("usage").path("input_token_details").path("cached_tokens").asInt()).isZero();
            assertThat(sim.emitLog().take(id)).as("true emit times, one per delta").hasSize(5);

            c.askFor("And about the mountains?", 3);
            assertThat(types(c.until("response.done"))).as("the connection carries the next request").contains("response.output_text.delta");
            assertThat(sim.realtimeConnectionsOpened()).isEqualTo(1);
            c.closeBlocking();
        }
    }

    @Test
    void errorsAreEventsAndTheConnectionStaysOpen() throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            Client c = connect(sim);
            c.until("session.created");
            c.send("{\"type\":\"no.such.event\"}");
            JsonNode error = c.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
            c.send("not json");
            assertThat(c.next().path("error").path("code").asText()).isEqualTo("invalid_json");
            c.askFor("still here?", 2);
            assertThat(types(c.until("response.done"))).contains("response.output_text.delta");
            c.closeBlocking();
        }
    }

    @Test
    void overTheRequestLimitARateLimitErrorFollowsRateLimitUpdates() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).requestsPerMinute(1).build())) {
            Client c = connect(sim);
            c.until("session.created");
            c.askFor("first", 2);
            List<JsonNode> first = c.until("response.done");
            JsonNode limits = first.stream().filter(e -> e.path("type").asText().equals("rate_limits.updated")).findFirst().orElseThrow();
            assertThat(limits.path("rate_limits").get(0).path("name").asText()).isEqualTo("requests");
            assertThat(limits.path("rate_limits").get(0).path("remaining").asInt()).isZero();

            c.askFor("second", 2);
            JsonNode error = c.until("error").get(1);
            assertThat(error.path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
            c.closeBlocking();
        }
    }

    @Test
    void anotherPathIsRefused() throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            Client c = new Client(sim.realtimeUri().resolve("/elsewhere"));
            c.connectBlocking(10, TimeUnit.SECONDS);
            assertThat(c.closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(c.closeCode).isEqualTo(1008);
            assertThat(sim.realtimeConnectionsOpened()).isZero();
        }
    }
}
