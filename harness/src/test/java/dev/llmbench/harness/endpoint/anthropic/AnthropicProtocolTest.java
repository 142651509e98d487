package dev.llmbench.harness.endpoint.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Anthropic protocol puts on the wire: path, headers, body. */
class AnthropicProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnthropicProtocol protocol = new AnthropicProtocol();

    @Test
    void postsToV1MessagesWithTheKeyInXApiKeyAndTheApiVersion() {
        assertThat(protocol.path()).isEqualTo("/v1/messages");
        assertThat(protocol.name()).isEqualTo("anthropic-messages");
        assertThat(protocol.headers("sk-ant-secret")).containsOnly(
                Map.entry("x-api-key", "sk-ant-secret"), Map.entry("anthropic-version", "2023-06-01"));
        assertThat(protocol.headers(null)).containsOnly(Map.entry("anthropic-version", "2023-06-01"));
    }

    @Test
    void theSettingNameAnthropicOpensThisProtocol() {
        assertThat(Protocol.named("anthropic")).isEqualTo(Protocol.ANTHROPIC);
        assertThat(Protocol.NAMES).contains("anthropic");
        assertThat(Protocol.documentation()).contains("`anthropic` (Anthropic Messages over SSE)");
    }

    @Test
    void aPromptIsOneUserMessageWithMaxTokensAndNeverOpenAisLengthFields() throws Exception {
        GenerationRequest r = new GenerationRequest("claude-sonnet-4-5", "Hello", 2, 64, 64, true, Map.of("temperature", 0.5));
        assertThat(r.ignoreEos()).isTrue();
        JsonNode body = JSON.readTree(protocol.requestBody(r));

        assertThat(body.get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hello\"}]");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.has("min_tokens")).as("Anthropic rejects unknown fields").isFalse();
        assertThat(body.has("ignore_eos")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.has("system")).isFalse();
    }

    @Test
    void systemMessagesGoToTheSystemFieldAndMaxTokensIsAlwaysSent() throws Exception {
        GenerationRequest r = new GenerationRequest("m", "ignored", -1, 0, 0, false, Map.of(),
                List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Hi"), new ChatMessage("assistant", "Hello"),
                        ChatMessage.user("How are you?")), false);
        JsonNode body = JSON.readTree(protocol.requestBody(r));

        assertThat(body.get("system").asText()).isEqualTo("Be brief.");
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
        assertThat(body.get("max_tokens").asInt()).as("required by the API").isEqualTo(AnthropicProtocol.DEFAULT_MAX_TOKENS);
        assertThat(body.get("stream").asBoolean()).isFalse();
    }
}
