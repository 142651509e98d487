package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.llmbench.simulator.TestClient.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

/** Every fault kind, as a client sees it. */
class FaultIT {

    private static Simulator sim;
    private static TestClient client;

    @BeforeAll
    static void start() {
        sim = Simulator.start(Profile.fixedStep("faults", 2_000));
        client = new TestClient(sim.baseUri());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static long textChunks(String sseBody) {
        return sseBody.lines().filter(l -> l.startsWith("data: "))
                .map(l -> TestClient.textOf(l.substring(6))).filter(t -> t != null && !t.isEmpty()).count();
    }

    @Test
    void statusFaultGivesThatStatusWithAnOpenAiErrorBody() throws Exception {
        HttpResponse<String> r = client.post("/v1/chat/completions", TestClient.chat(5, true, false), Fault.HEADER, "status:500");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonNode e = MAPPER.readTree(r.body()).path("error");
        assertThat(e.path("type").asText()).isEqualTo("server_error");
        assertThat(e.path("message").asText()).contains("status:500");
        assertThat(client.post("/v1/completions", "{\"prompt\":\"x\"}", Fault.HEADER, "status:503").statusCode()).isEqualTo(503);
    }

    @Test
    void rateLimitFaultGives429WithRetryAfter() {
        HttpResponse<String> r = client.post("/v1/chat/completions", TestClient.chat(5, true, false), Fault.HEADER, "rate_limit");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("1");
        assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        assertThat(r.body()).contains("rate_limit_exceeded");
    }

    @Test
    void resetAfterAbortsTheConnectionWithoutAChunkedTerminator() throws Exception {
        TestClient.Raw raw = client.raw("/v1/chat/completions", TestClient.chat(10, true, true), 5_000,
                Fault.HEADER, "reset_after:3");
        assertThat(raw.head()).startsWith("HTTP/1.1 200");
        assertThat(raw.end()).isIn(TestClient.End.EOF_TRUNCATED, TestClient.End.RESET);
        // A TCP reset discards what the client had received but not yet read: under load the chunks before the
        // reset can be lost on the client's side (seen: 2 of 3). The server never sends more than 3.
        assertThat(textChunks(raw.body())).isBetween(0L, 3L);
        assertThat(raw.body()).doesNotContain("[DONE]");
        // the JDK client sees an I/O error
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                client.post("/v1/chat/completions", TestClient.chat(10, true, false), Fault.HEADER, "reset_after:2")))
                .isNotNull();
    }

    @Test
    void stallAfterStopsSendingButKeepsTheConnectionOpen() throws Exception {
        long t0 = System.nanoTime();
        TestClient.Raw raw = client.raw("/v1/chat/completions", TestClient.chat(10, true, false), 400,
                Fault.HEADER, "stall_after:4");
        assertThat(raw.end()).isEqualTo(TestClient.End.TIMEOUT);
        assertThat(textChunks(raw.body())).isEqualTo(4);
        assertThat(raw.body()).doesNotContain("[DONE]");
        assertThat(System.nanoTime() - t0).isGreaterThan(400_000_000L);
    }

    @Test
    void malformedSseLineAfterKChunksThenTheStreamContinues() {
        HttpResponse<String> r = client.post("/v1/chat/completions", TestClient.chat(6, true, false), Fault.HEADER,
                "malformed_sse_after:2");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("\ngarbage without field\n\n");
        assertThat(textChunks(body.substring(0, body.indexOf("garbage")))).isEqualTo(2);
        assertThat(textChunks(body)).isEqualTo(6);
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    @Test
    void malformedJsonEventAfterKChunksThenTheStreamContinues() {
        HttpResponse<String> r = client.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":5,\"stream\":true}",
                Fault.HEADER, "malformed_json_after:3");
        String body = r.body();
        assertThat(body).contains("data: {\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\n\n");
        assertThat(textChunks(body.substring(0, body.indexOf("{\"id\":\"x\"")))).isEqualTo(3);
        assertThat(textChunks(body)).isEqualTo(5);
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    @Test
    void noDoneEndsCleanlyWithoutTheDoneEvent() throws Exception {
        TestClient.Raw raw = client.raw("/v1/chat/completions", TestClient.chat(4, true, true), 5_000, Fault.HEADER, "no_done");
        assertThat(raw.end()).isEqualTo(TestClient.End.CLEAN);
        assertThat(textChunks(raw.body())).isEqualTo(4);
        assertThat(raw.body()).contains("\"usage\"").doesNotContain("[DONE]");
    }

    @Test
    void faultPlanInjectsDeterministicallyUnderItsSeed() {
        FaultPlan plan = FaultPlan.none().with(Fault.status(503), 0.5);
        SimulatorConfig cfg = SimulatorConfig.builder(Profile.fixedStep("plan", 1_000)).seed(11).faultPlan(plan).build();
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (StringBuilder out : new StringBuilder[] {first, second}) {
            try (Simulator s = Simulator.start(cfg)) {
                TestClient c = new TestClient(s.baseUri());
                for (int i = 0; i < 12; i++) {
                    out.append(c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}").statusCode()).append(' ');
                }
            }
        }
        assertThat(first.toString()).isEqualTo(second.toString()).contains("503").contains("200");
        for (int i = 0; i < 12; i++) {
            Fault f = plan.choose(11, i);
            assertThat(first.toString().split(" ")[i]).isEqualTo(f == null ? "200" : "503");
        }
    }
}
