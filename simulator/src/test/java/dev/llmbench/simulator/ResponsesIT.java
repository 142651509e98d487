package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.llmbench.simulator.TestClient.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/responses} served over HTTP: OpenAI's Responses API, streamed and not. */
class ResponsesIT {

    private static Simulator sim;
    private static TestClient client;

    @BeforeAll
    static void start() {
        sim = Simulator.start(Profile.named("fast"));
        client = new TestClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static String body(int maxOutputTokens, boolean stream) {
        return "{\"model\":\"gpt-sim\",\"instructions\":\"Be brief.\",\"input\":[{\"role\":\"user\",\"content\":"
                + "\"Tell me about batching.\"}],\"max_output_tokens\":" + maxOutputTokens + ",\"stream\":" + stream + "}";
    }

    /** The data of every event, in order, checking each {@code event:} line names the data's type. */
    private static List<JsonNode> events(String sse) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            if (event.isBlank()) continue;
            String[] lines = event.split("\n");
            JsonNode data = MAPPER.readTree(lines[1].substring("data: ".length()));
            assertThat(lines[0]).isEqualTo("event: " + data.get("type").asText());
            out.add(data);
        }
        return out;
    }

    @Test
    void aStreamedResponseHasOneDeltaPerTokenAndEndsWithResponseCompletedAndItsUsage() throws Exception {
        HttpResponse<String> r = client.post("/v1/responses", body(10, true));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(r.headers().firstValue("x-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("resp_"));
        List<JsonNode> events = events(r.body());
        assertThat(events).hasSize(4 + 10 + 3 + 1);
        assertThat(events.stream().filter(e -> e.get("type").asText().equals("response.output_text.delta"))).hasSize(10);
        assertThat(r.body()).doesNotContain("[DONE]");
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.get("type").asText()).isEqualTo("response.completed");
        assertThat(completed.at("/response/id").asText()).isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        assertThat(completed.at("/response/model").asText()).isEqualTo("gpt-sim");
        assertThat(completed.at("/response/usage/input_tokens").asInt()).isEqualTo(8); // 32 characters -> 32 / 4
        assertThat(completed.at("/response/usage/output_tokens").asInt()).isEqualTo(10);
        assertThat(sim.emitLog().take(completed.at("/response/id").asText())).hasSize(10);
    }

    @Test
    void aNonStreamedResponseIsTheResponseObject() throws Exception {
        HttpResponse<String> r = client.post("/v1/responses", body(6, false));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode b = MAPPER.readTree(r.body());
        assertThat(b.get("object").asText()).isEqualTo("response");
        assertThat(b.get("id").asText()).startsWith("resp_");
        assertThat(b.at("/output/0/content/0/text").asText().split(" ")).hasSize(7);
        assertThat(b.at("/usage/output_tokens").asInt()).isEqualTo(6);
    }

    @Test
    void theNoDoneFaultLeavesOutResponseCompleted() throws Exception {
        HttpResponse<String> r = client.post("/v1/responses", body(3, true), Fault.HEADER, "no_done");
        List<JsonNode> events = events(r.body());
        assertThat(events.get(events.size() - 1).get("type").asText()).isEqualTo("response.output_item.done");
    }

    @Test
    void aBadRequestIsAnOpenAiShapedError() throws Exception {
        HttpResponse<String> r = client.post("/v1/responses", "{\"model\":\"m\",\"stream\":true}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = MAPPER.readTree(r.body());
        assertThat(e.at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(e.at("/error/param").asText()).isEqualTo("input");
    }
}
