package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator speaking Anthropic's Messages API on {@code POST /v1/messages}. */
class AnthropicMessagesIT {

    private static final String[] HEADERS = {"anthropic-version", "2023-06-01", "x-api-key", "test-key"};
    private static Simulator sim;
    private static TestClient client;

    @BeforeAll
    static void start() {
        sim = Simulator.start(Profile.fast());
        client = new TestClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String body(int maxTokens, boolean stream) {
        return "{\"model\":\"claude-sim\",\"max_tokens\":" + maxTokens + ",\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Tell me about batching.\"}]}],"
                + "\"stream\":" + stream + "}";
    }

    /** (event name, data) pairs of an SSE body. */
    private static List<String[]> events(String sse) {
        List<String[]> out = new ArrayList<>();
        String event = null;
        for (String line : sse.split("\n")) {
            if (line.startsWith("event: ")) event = line.substring(7);
            else if (line.startsWith("data: ")) out.add(new String[] {event, line.substring(6)});
        }
        return out;
    }

    @Test
    void aStreamIsMessageStartThenOneTextDeltaPerTokenThenMessageDeltaAndMessageStop() throws Exception {
        HttpResponse<String> r = client.post("/v1/messages", body(5, true), HEADERS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/event-stream");
        List<String[]> events = events(r.body());
        List<String> names = new ArrayList<>();
        for (String[] e : events) {
            names.add(e[0]);
            assertThat(TestClient.MAPPER.readTree(e[1]).get("type").asText()).as("data's type matches the event line").isEqualTo(e[0]);
        }
        assertThat(names).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
                "content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");

        JsonNode start = TestClient.MAPPER.readTree(events.get(0)[1]).get("message");
        assertThat(start.get("id").asText()).startsWith("msg_");
        assertThat(start.get("model").asText()).isEqualTo("claude-sim");
        assertThat(start.get("usage").get("input_tokens").asInt()).isPositive();
        assertThat(start.get("usage").get("output_tokens").asInt()).isEqualTo(1);
        JsonNode delta = TestClient.MAPPER.readTree(events.get(3)[1]).get("delta");
        assertThat(delta.get("type").asText()).isEqualTo("text_delta");
        assertThat(delta.get("text").asText()).isNotBlank();
        JsonNode end = TestClient.MAPPER.readTree(events.get(9)[1]);
        assertThat(end.get("delta").get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(end.get("usage").get("output_tokens").asInt()).as("cumulative").isEqualTo(5);
        assertThat(end.get("usage").get("cache_read_input_tokens").asInt()).isZero();
    }

    @Test
    void aNonStreamedRequestGetsAMessage() throws Exception {
        HttpResponse<String> r = client.post("/v1/messages", body(4, false), HEADERS);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode m = TestClient.MAPPER.readTree(r.body());
        assertThat(m.get("type").asText()).isEqualTo("message");
        assertThat(m.get("id").asText()).startsWith("msg_");
        assertThat(m.get("content").get(0).get("type").asText()).isEqualTo("text");
        assertThat(m.get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(m.get("usage").get("output_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void maxTokensIsRequiredAndUnknownFieldsAreRefusedAsTheApiDoes() throws Exception {
        HttpResponse<String> r = client.post("/v1/messages",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", HEADERS);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = TestClient.MAPPER.readTree(r.body());
        assertThat(e.get("type").asText()).isEqualTo("error");
        assertThat(e.get("error").get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(e.get("error").get("message").asText()).isEqualTo("max_tokens: Field required");

        r = client.post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":4,\"min_tokens\":4,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", HEADERS);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("min_tokens: Extra inputs are not permitted");
    }

    @Test
    void theVersionHeaderIsRequiredAndTheKeyGoesInXApiKey() throws Exception {
        String b = body(2, false);
        assertThat(client.post("/v1/messages", b).statusCode()).isEqualTo(400);
        HttpResponse<String> r = client.post("/v1/messages", b, "anthropic-version", "2023-06-01", "Authorization", "Bearer k");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(TestClient.MAPPER.readTree(r.body()).get("error").get("type").asText()).isEqualTo("authentication_error");
        assertThat(client.post("/v1/messages", b, "anthropic-version", "2023-06-01").statusCode())
                .as("no key at all: the simulator checks none").isEqualTo(200);
    }

    @Test
    void aRateLimitedRequestIsA429RateLimitErrorWithRetryAfter() throws Exception {
        try (Simulator limited = Simulator.start(SimulatorConfig.builder(Profile.fixedStep("rpm", 1_000)).requestsPerMinute(1).build())) {
            TestClient c = new TestClient(limited.baseUri());
            assertThat(c.post("/v1/messages", body(1, false), HEADERS).statusCode()).isEqualTo(200);
            HttpResponse<String> r = c.post("/v1/messages", body(1, false), HEADERS);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).isPresent();
            assertThat(TestClient.MAPPER.readTree(r.body()).get("error").get("type").asText()).isEqualTo("rate_limit_error");
        }
    }
}
