package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.llmbench.simulator.TestClient.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each wire personality's wire format, as a client reading the raw stream sees it. */
class PersonalityIT {

    private static final String CHAT = "/v1/chat/completions";

    private static Simulator start(Personality personality) {
        return Simulator.start(SimulatorConfig.builder(Profile.named("fast")).personality(personality).build());
    }

    @Test
    void theDefaultPersonalityIsVllm() {
        assertThat(SimulatorConfig.builder(Profile.named("fast")).build().personality()).isEqualTo(Personality.VLLM);
        assertThat(Personality.NAMES).containsExactly("vllm", "llamacpp", "openai", "tgi", "ollama");
        assertThat(Personality.named("LlamaCpp")).isEqualTo(Personality.LLAMACPP);
        assertThat(Personality.named("TGI")).isEqualTo(Personality.TGI);
        assertThatThrownBy(() -> Personality.named("sglang"))
                .hasMessage("'sglang' is not a simulator personality; allowed: vllm, llamacpp, openai, tgi, ollama");
    }

    @Test
    void vllmSendsARoleChunkAndUsageInALastChunkWithEmptyChoicesAndAcceptsExtensionFields() throws Exception {
        try (Simulator sim = start(Personality.VLLM)) {
            TestClient client = new TestClient(sim.baseUri());
            int n = 5;
            List<String> data = client.stream(CHAT, withExtensions(TestClient.chat(n, true, true))).dataLines();
            assertThat(data).hasSize(1 + n + 1 + 1);
            assertThat(MAPPER.readTree(data.get(0)).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            assertThat(MAPPER.readTree(data.get(n)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
            JsonNode usage = MAPPER.readTree(data.get(n + 1));
            assertThat(usage.at("/choices").size()).isZero();
            assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(n);
            assertThat(data.get(n + 2)).isEqualTo("[DONE]");
        }
    }

    @Test
    void llamacppHasNoRoleChunkAndPutsUsageAndTimingsOnTheFinalChunkWithItsFinishReason() throws Exception {
        try (Simulator sim = start(Personality.LLAMACPP)) {
            int n = 5;
            for (boolean includeUsage : new boolean[] {true, false}) {
                // A client per request: the server closes each connection after its stream, and the JDK client would
                // race to reuse it (the harness reconnects once; this raw test client does not).
                TestClient client = new TestClient(sim.baseUri());
                List<String> data = client.stream(CHAT, TestClient.chat(n, true, includeUsage)).dataLines();
                assertThat(data).hasSize(n + 1);
                assertThat(MAPPER.readTree(data.get(0)).at("/choices/0/delta/role").isMissingNode()).isTrue();
                assertThat(MAPPER.readTree(data.get(0)).at("/usage").isMissingNode()).isTrue();
                JsonNode last = MAPPER.readTree(data.get(n - 1));
                assertThat(last.at("/choices").size()).isEqualTo(1);
                assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
                assertThat(last.at("/usage/prompt_tokens").asInt()).isEqualTo(6);
                assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(n);
                assertThat(last.at("/timings/prompt_n").asInt()).isEqualTo(6);
                assertThat(last.at("/timings/predicted_n").asInt()).isEqualTo(n);
                assertThat(last.at("/timings/predicted_ms").asDouble()).isPositive();
                assertThat(data.get(n)).isEqualTo("[DONE]");
            }
            HttpResponse<String> body = new TestClient(sim.baseUri()).post(CHAT, TestClient.chat(3, false, false));
            assertThat(MAPPER.readTree(body.body()).at("/timings/predicted_n").asInt()).isEqualTo(3);
        }
    }

    @Test
    void llamacppAdvertisesKeepAliveYetClosesTheConnectionAfterAStreamedResponse() throws Exception {
        try (Simulator sim = start(Personality.LLAMACPP); Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(10_000);
            String body = TestClient.chat(3, true, false);
            s.getOutputStream().write(("POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) >= 0) {
                    all.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open after the stream: " + all, e);
            }
            String text = all.toString(StandardCharsets.UTF_8);
            String head = text.substring(0, text.indexOf("\r\n\r\n")).toLowerCase();
            assertThat(head).startsWith("http/1.1 200").contains("connection: keep-alive")
                    .contains("keep-alive: timeout=5, max=100").doesNotContain("connection: close");
            assertThat(TestClient.dechunk(text.substring(text.indexOf("\r\n\r\n") + 4))).endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void llamacppAnswersErrorsInItsOwnShapeAndABodyItCannotParseWith500() throws Exception {
        try (Simulator sim = start(Personality.LLAMACPP)) {
            TestClient client = new TestClient(sim.baseUri());
            HttpResponse<String> r = client.post(CHAT, "{not json");
            assertThat(r.statusCode()).isEqualTo(500);
            JsonNode error = MAPPER.readTree(r.body()).at("/error");
            assertThat(error.at("/code").asInt()).isEqualTo(500);
            assertThat(error.at("/type").asText()).isEqualTo("server_error");
            assertThat(error.at("/message").asText()).isNotBlank();
            assertThat(error.has("param")).isFalse();
        }
    }

    @Test
    void openaiRefusesFieldsOutsideItsApiButStreamsLikeVllm() throws Exception {
        try (Simulator sim = start(Personality.OPENAI)) {
            TestClient client = new TestClient(sim.baseUri());
            HttpResponse<String> r = client.post(CHAT, withExtensions(TestClient.chat(3, false, false)));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(MAPPER.readTree(r.body())).isEqualTo(MAPPER.readTree("{\"error\":{\"message\":"
                    + "\"Unrecognized request argument supplied: min_tokens\",\"type\":\"invalid_request_error\","
                    + "\"param\":null,\"code\":null}}"));
            int n = 4;
            List<String> data = client.stream(CHAT, TestClient.chat(n, true, true)).dataLines();
            assertThat(data).hasSize(1 + n + 1 + 1);
            assertThat(MAPPER.readTree(data.get(0)).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            assertThat(MAPPER.readTree(data.get(n + 1)).at("/choices").size()).isZero();
            assertThat(MAPPER.readTree(data.get(n + 1)).at("/usage/completion_tokens").asInt()).isEqualTo(n);
        }
    }

    @Test
    void tgiPutsTheRoleOnEveryChunkWithAnEmptyIdAndItsFingerprintThenAUsageChunkWithEmptyChoices() throws Exception {
        try (Simulator sim = start(Personality.TGI)) {
            TestClient client = new TestClient(sim.baseUri());
            int n = 5;
            List<String> data = client.stream(CHAT, TestClient.chat(n, true, true)).dataLines();
            assertThat(data).hasSize(n + 1 + 1);
            assertThat(data.get(0)).startsWith("{\"object\":\"chat.completion.chunk\",\"id\":\"\",\"created\":");
            for (int i : new int[] {0, 2, n - 1}) {
                JsonNode chunk = MAPPER.readTree(data.get(i));
                assertThat(chunk.at("/id").asText()).as("chunk %d", i).isEmpty();
                assertThat(chunk.at("/system_fingerprint").asText()).isEqualTo("3.1.1-native");
                assertThat(chunk.at("/model").asText()).isEqualTo("any-model");
                assertThat(chunk.at("/choices/0/delta/role").asText()).as("chunk %d", i).isEqualTo("assistant");
                assertThat(chunk.at("/choices/0/delta/content").asText()).as("chunk %d", i).isNotBlank();
                assertThat(chunk.at("/choices/0/logprobs").isNull()).isTrue();
                assertThat(chunk.at("/usage").isNull()).as("chunk %d: \"usage\":null", i).isTrue();
                assertThat(chunk.at("/choices/0/finish_reason").isNull()).as("chunk %d", i).isEqualTo(i != n - 1);
            }
            assertThat(MAPPER.readTree(data.get(n - 1)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
            JsonNode usage = MAPPER.readTree(data.get(n));
            assertThat(usage.at("/choices").size()).isZero();
            assertThat(usage.at("/id").asText()).isEmpty();
            assertThat(usage.at("/usage")).isEqualTo(MAPPER.readTree(
                    "{\"prompt_tokens\":6,\"completion_tokens\":5,\"total_tokens\":11}"));
            assertThat(data.get(n + 1)).isEqualTo("[DONE]");

            List<String> withoutUsage = client.stream(CHAT, TestClient.chat(n, true, false)).dataLines();
            assertThat(withoutUsage).hasSize(n + 1);
            assertThat(MAPPER.readTree(withoutUsage.get(n - 1)).at("/choices/0/finish_reason").asText()).isEqualTo("length");

            JsonNode body = MAPPER.readTree(client.post(CHAT, TestClient.chat(3, false, false)).body());
            assertThat(body.at("/object").asText()).isEqualTo("chat.completion");
            assertThat(body.at("/id").asText()).isEmpty();
            assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
            assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(3);
        }
    }

    @Test
    void tgiCompletionsChunksHaveAnEmptyFinishReasonAndTheLastCarriesUsageAlways() throws Exception {
        try (Simulator sim = start(Personality.TGI)) {
            int n = 4;
            List<String> data = new TestClient(sim.baseUri()).stream("/v1/completions", completion(n, false)).dataLines();
            assertThat(data).hasSize(n + 1);
            JsonNode first = MAPPER.readTree(data.get(0));
            assertThat(first.at("/object").asText()).isEqualTo("text_completion");
            assertThat(first.at("/choices/0/text").asText()).isNotBlank();
            assertThat(first.at("/choices/0/finish_reason").asText()).isEmpty();
            assertThat(first.has("usage")).isFalse();
            JsonNode last = MAPPER.readTree(data.get(n - 1));
            assertThat(last.at("/choices/0/text").asText()).isNotBlank();
            assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("length");
            assertThat(last.at("/usage/completion_tokens").asInt()).isEqualTo(n);
            assertThat(data.get(n)).isEqualTo("[DONE]");
        }
    }

    @Test
    void tgiAnswersErrorsAsErrorAndErrorTypeWithItsStatuses() throws Exception {
        try (Simulator sim = start(Personality.TGI)) {
            TestClient client = new TestClient(sim.baseUri());
            HttpResponse<String> invalid = client.post(CHAT, "{not json");
            assertThat(invalid.statusCode()).isEqualTo(422);
            JsonNode error = MAPPER.readTree(invalid.body());
            assertThat(error.at("/error_type").asText()).isEqualTo("validation");
            assertThat(error.at("/error").isTextual()).isTrue();
            assertThat(error.at("/error").asText()).isNotBlank();

            HttpResponse<String> overloaded = client.post(CHAT, TestClient.chat(2, true, false), Fault.HEADER, "rate_limit");
            assertThat(overloaded.statusCode()).isEqualTo(429);
            assertThat(MAPPER.readTree(overloaded.body()).at("/error_type").asText()).isEqualTo("overloaded");

            HttpResponse<String> generation = client.post(CHAT, TestClient.chat(2, true, false), Fault.HEADER, "status:424");
            assertThat(generation.statusCode()).isEqualTo(424);
            assertThat(MAPPER.readTree(generation.body()).at("/error_type").asText()).isEqualTo("generation");
        }
    }

    @Test
    void ollamaPutsTheRoleOnEveryChunkAndTheFinishReasonInAnEmptyChunkOfItsOwnThenAUsageChunk() throws Exception {
        try (Simulator sim = start(Personality.OLLAMA)) {
            TestClient client = new TestClient(sim.baseUri());
            int n = 5;
            List<String> data = client.stream(CHAT, TestClient.chat(n, true, true)).dataLines();
            assertThat(data).hasSize(n + 1 + 1 + 1);
            String id = MAPPER.readTree(data.get(0)).at("/id").asText();
            assertThat(id).startsWith("chatcmpl-");
            for (int i : new int[] {0, 2, n - 1}) {
                JsonNode chunk = MAPPER.readTree(data.get(i));
                assertThat(chunk.at("/id").asText()).isEqualTo(id);
                assertThat(chunk.at("/object").asText()).isEqualTo("chat.completion.chunk");
                assertThat(chunk.at("/system_fingerprint").asText()).isEqualTo("fp_ollama");
                assertThat(chunk.at("/choices/0/delta/role").asText()).as("chunk %d", i).isEqualTo("assistant");
                assertThat(chunk.at("/choices/0/delta/content").asText()).as("chunk %d", i).isNotBlank();
                assertThat(chunk.at("/choices/0/finish_reason").isNull()).as("chunk %d", i).isTrue();
                assertThat(chunk.at("/choices/0").has("logprobs")).isFalse();
                assertThat(chunk.has("usage")).isFalse();
            }
            JsonNode done = MAPPER.readTree(data.get(n));
            assertThat(done.at("/choices/0/delta")).isEqualTo(MAPPER.readTree("{\"role\":\"assistant\",\"content\":\"\"}"));
            assertThat(done.at("/choices/0/finish_reason").asText()).isEqualTo("length");
            JsonNode usage = MAPPER.readTree(data.get(n + 1));
            assertThat(usage.at("/choices").isArray()).isTrue();
            assertThat(usage.at("/choices").size()).isZero();
            assertThat(usage.at("/usage")).isEqualTo(MAPPER.readTree(
                    "{\"prompt_tokens\":6,\"completion_tokens\":5,\"total_tokens\":11}"));
            assertThat(data.get(n + 2)).isEqualTo("[DONE]");

            assertThat(client.stream(CHAT, TestClient.chat(n, true, false)).dataLines()).hasSize(n + 1 + 1);

            HttpResponse<String> body = client.post(CHAT, TestClient.chat(3, false, false));
            assertThat(body.body()).endsWith("}\n");
            assertThat(MAPPER.readTree(body.body()).at("/system_fingerprint").asText()).isEqualTo("fp_ollama");
            assertThat(MAPPER.readTree(body.body()).at("/usage/completion_tokens").asInt()).isEqualTo(3);
        }
    }

    @Test
    void ollamaCompletionsCarryAZeroUsageOnEveryChunkWhenUsageIsAskedAndTheRealOneLast() throws Exception {
        try (Simulator sim = start(Personality.OLLAMA)) {
            int n = 4;
            List<String> data = new TestClient(sim.baseUri()).stream("/v1/completions", completion(n, true)).dataLines();
            assertThat(data).hasSize(n + 1 + 1 + 1);
            for (int i = 0; i <= n; i++) {
                JsonNode chunk = MAPPER.readTree(data.get(i));
                assertThat(chunk.at("/object").asText()).isEqualTo("text_completion");
                assertThat(chunk.at("/id").asText()).startsWith("cmpl-");
                assertThat(chunk.at("/usage/completion_tokens").asInt()).as("chunk %d", i).isZero();
                assertThat(chunk.at("/choices/0/text").asText().isEmpty()).as("chunk %d", i).isEqualTo(i == n);
            }
            assertThat(MAPPER.readTree(data.get(n)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
            JsonNode usage = MAPPER.readTree(data.get(n + 1));
            assertThat(usage.at("/choices").size()).isZero();
            assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(n);
            assertThat(data.get(n + 2)).isEqualTo("[DONE]");
        }
    }

    @Test
    void ollamaAnswersErrorsInOpenAiShapeWithItsTypesAndNullParamAndCode() throws Exception {
        try (Simulator sim = start(Personality.OLLAMA)) {
            TestClient client = new TestClient(sim.baseUri());
            HttpResponse<String> invalid = client.post(CHAT, "{not json");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).endsWith("}}\n");
            JsonNode error = MAPPER.readTree(invalid.body()).at("/error");
            assertThat(error.at("/type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.at("/message").asText()).isNotBlank();
            assertThat(error.get("param").isNull()).isTrue();
            assertThat(error.get("code").isNull()).isTrue();

            HttpResponse<String> failed = client.post(CHAT, TestClient.chat(2, true, false), Fault.HEADER, "status:500");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(MAPPER.readTree(failed.body()).at("/error/type").asText()).isEqualTo("api_error");
        }
    }

    private static String completion(int maxTokens, boolean usage) {
        return "{\"model\":\"any-model\",\"prompt\":\"Tell me about batching.\",\"max_tokens\":" + maxTokens
                + ",\"stream\":true" + (usage ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    private static String withExtensions(String chat) {
        return chat.substring(0, chat.length() - 1) + ",\"min_tokens\":1,\"ignore_eos\":true}";
    }
}
