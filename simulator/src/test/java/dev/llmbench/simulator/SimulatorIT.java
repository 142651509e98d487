package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.llmbench.simulator.TestClient.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP surface of one running simulator (fast profile). */
class SimulatorIT {

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

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        assertThat(sim.port()).isPositive();
        assertThat(sim.baseUri().toString()).isEqualTo("http://127.0.0.1:" + sim.port());
    }

    @Test
    void chatStreamHasRoleChunkThenOneChunkPerTokenThenUsageThenDone() throws Exception {
        int n = 12;
        TestClient.Streamed s = client.stream("/v1/chat/completions", TestClient.chat(n, true, true));
        assertThat(s.status()).isEqualTo(200);
        assertThat(s.requestId()).startsWith("chatcmpl-");
        List<String> data = s.dataLines();
        assertThat(data).hasSize(1 + n + 1 + 1);
        JsonNode role = MAPPER.readTree(data.get(0));
        assertThat(role.at("/id").asText()).isEqualTo(s.requestId());
        assertThat(role.at("/object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(role.at("/model").asText()).isEqualTo("any-model");
        assertThat(role.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(role.at("/choices/0/delta/content").asText()).isEmpty();
        for (int i = 1; i <= n; i++) {
            JsonNode c = MAPPER.readTree(data.get(i));
            assertThat(c.at("/choices/0/delta/content").asText()).matches(" [a-z]+");
            assertThat(c.at("/choices/0/finish_reason").isNull()).isEqualTo(i < n);
        }
        assertThat(MAPPER.readTree(data.get(n)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
        JsonNode usage = MAPPER.readTree(data.get(n + 1));
        assertThat(usage.at("/choices").size()).isZero();
        assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(6); // 23 characters -> ceil(23 / 4)
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(n);
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(n + 6);
        assertThat(data.get(n + 2)).isEqualTo("[DONE]");
    }

    @Test
    void emitLogHasOneIncreasingTimePerTextChunkInsideTheClientsWindow() {
        int n = 10;
        TestClient.Streamed s = client.stream("/v1/chat/completions", TestClient.chat(n, true, true));
        assertThat(s.textArrivalNanos()).hasSize(n);
        long[] emitted = sim.emitLog().take(s.requestId());
        assertThat(emitted).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(emitted[i]).isGreaterThanOrEqualTo(s.sentNanos());
            assertThat(emitted[i]).isLessThanOrEqualTo(s.textArrivalNanos().get(i));
            if (i > 0) {
                assertThat(emitted[i]).isGreaterThan(emitted[i - 1]);
            }
        }
        // one token per 2 ms decode step; single gaps can be short when a late step catches up, so check the span
        assertThat(emitted[n - 1] - emitted[0]).isGreaterThan((n - 1) * 1_000_000L);
        assertThat(sim.emitLog().take(s.requestId())).isNull();
    }

    @Test
    void streamWithoutUsageOptionHasNoUsageChunk() {
        TestClient.Streamed s = client.stream("/v1/chat/completions", TestClient.chat(3, true, false));
        assertThat(s.dataLines()).hasSize(1 + 3 + 1).last().isEqualTo("[DONE]");
        assertThat(s.dataLines()).noneMatch(l -> l.contains("\"usage\""));
    }

    @Test
    void nonStreamedChatCarriesTheWholeTextAndUsage() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = client.post("/v1/chat/completions", TestClient.chat(5, false, false));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode b = MAPPER.readTree(r.body());
        String id = r.headers().firstValue("x-request-id").orElseThrow();
        assertThat(b.at("/id").asText()).isEqualTo(id).startsWith("chatcmpl-");
        assertThat(b.at("/object").asText()).isEqualTo("chat.completion");
        assertThat(b.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(b.at("/choices/0/message/content").asText()).matches("( [a-z]+){5}");
        assertThat(b.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(b.at("/usage/completion_tokens").asInt()).isEqualTo(5);
        long[] emitted = sim.emitLog().take(id);
        assertThat(emitted).hasSize(1);
        assertThat(emitted[0]).isBetween(t0, System.nanoTime());
    }

    @Test
    void completionsStreamAndBody() throws Exception {
        String body = "{\"model\":\"x\",\"prompt\":\"Once upon a time\",\"max_tokens\":4,\"stream\":true}";
        TestClient.Streamed s = client.stream("/v1/completions", body);
        assertThat(s.requestId()).startsWith("cmpl-");
        assertThat(s.dataLines()).hasSize(4 + 1); // no role chunk for completions
        JsonNode c = MAPPER.readTree(s.dataLines().get(0));
        assertThat(c.at("/object").asText()).isEqualTo("text_completion");
        assertThat(c.at("/choices/0/text").asText()).matches(" [a-z]+");
        assertThat(sim.emitLog().take(s.requestId())).hasSize(4);

        HttpResponse<String> r = client.post("/v1/completions", "{\"prompt\":\"Once upon a time\",\"max_tokens\":4}");
        JsonNode b = MAPPER.readTree(r.body());
        assertThat(b.at("/object").asText()).isEqualTo("text_completion");
        assertThat(b.at("/choices/0/text").asText()).isEqualTo(String.join("", s.texts()));
        assertThat(b.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void modelsAndHealth() throws Exception {
        HttpResponse<String> models = client.send("GET", "/v1/models", null);
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(models.body()).at("/data/0/id").asText()).isEqualTo("fast-sim-0.5b");
        assertThat(client.send("GET", "/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void errorsAreOpenAiShapedAndNameTheField() throws Exception {
        assertError(client.post("/v1/chat/completions", "{oops"), 400, null);
        assertError(client.post("/v1/chat/completions", "{\"model\":\"m\"}"), 400, "messages");
        assertError(client.post("/v1/completions", "{\"max_tokens\":3}"), 400, "prompt");
        assertError(client.post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}"), 400, "max_tokens");
        assertError(client.post("/v1/chat/completions", TestClient.chat(3, true, false), Fault.HEADER, "bogus"), 400,
                Fault.HEADER);
        assertError(client.send("GET", "/v1/chat/completions", null), 405, null);
        assertError(client.post("/v1/models", "{}"), 405, null);
        assertError(client.send("GET", "/v2/nothing", null), 404, null);
    }

    private static void assertError(HttpResponse<String> r, int status, String param) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode e = MAPPER.readTree(r.body()).path("error");
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.path("type").asText()).isEqualTo("invalid_request_error");
        if (param == null) {
            assertThat(e.path("param").isNull()).isTrue();
        } else {
            assertThat(e.path("param").asText()).isEqualTo(param);
        }
        assertThat(e.has("code")).isTrue();
    }

    @Test
    void responseIdsAreUnique() {
        String a = client.stream("/v1/chat/completions", TestClient.chat(1, true, false)).requestId();
        String b = client.stream("/v1/chat/completions", TestClient.chat(1, true, false)).requestId();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void statsCountRequestsAndTokens() throws InterruptedException {
        SimulatorStats before = sim.stats();
        client.stream("/v1/chat/completions", TestClient.chat(7, true, false));
        SimulatorStats after = sim.stats();
        for (int i = 0; i < 100 && after.tokensGenerated() - before.tokensGenerated() < 7; i++) {
            Thread.sleep(10); // the step loop publishes its counters just after writing the step's tokens
            after = sim.stats();
        }
        assertThat(after.requestsAccepted() - before.requestsAccepted()).isEqualTo(1);
        assertThat(after.tokensEmitted() - before.tokensEmitted()).isEqualTo(7);
        assertThat(after.tokensGenerated() - before.tokensGenerated()).isEqualTo(7);
        assertThat(after.steps()).isGreaterThan(before.steps());
    }
}
