package dev.llmbench.harness.endpoint.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(OpenAiProtocol p, GenerationRequest r) throws Exception {
        return JSON.readTree(p.requestBody(r));
    }

    @Test
    void aStreamedChatRequestAsksForUsageInTheStream() throws Exception {
        JsonNode b = body(OpenAiProtocol.chat(), new GenerationRequest("m", "hello", 2, 100, 0, true, Map.of()));
        assertThat(b.get("model").asText()).isEqualTo("m");
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("hello");
        assertThat(b.get("max_tokens").asInt()).isEqualTo(100);
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(b.has("min_tokens")).isFalse();
        assertThat(b.has("ignore_eos")).isFalse();
    }

    @Test
    void anExactOutputLengthAlsoSendsMinTokensAndIgnoreEos() throws Exception {
        JsonNode b = body(OpenAiProtocol.completions(), new GenerationRequest("m", "p", 1, 50, 50, false, Map.of()));
        assertThat(b.get("prompt").asText()).isEqualTo("p");
        assertThat(b.has("messages")).isFalse();
        assertThat(b.get("min_tokens").asInt()).isEqualTo(50);
        assertThat(b.get("ignore_eos").asBoolean()).isTrue();
        assertThat(b.get("stream").asBoolean()).isFalse();
        assertThat(b.has("stream_options")).as("only streamed requests carry stream_options").isFalse();
    }

    @Test
    void extraFieldsPassThroughUntouchedAndWinOverTheHarnesssOwn() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("temperature", 0.7);
        extra.put("max_tokens", 7);
        extra.put("provider", Map.of("order", java.util.List.of("a", "b")));
        JsonNode b = body(OpenAiProtocol.chat(), new GenerationRequest("m", "p", 1, 50, 0, true, extra));
        assertThat(b.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(b.get("max_tokens").asInt()).isEqualTo(7);
        assertThat(b.at("/provider/order/1").asText()).isEqualTo("b");
    }

    @Test
    void pathsAndNamesSayWhichApi() {
        assertThat(OpenAiProtocol.chat().path()).isEqualTo("/v1/chat/completions");
        assertThat(OpenAiProtocol.completions().path()).isEqualTo("/v1/completions");
        assertThat(OpenAiProtocol.chat().name()).isEqualTo("openai-chat");
    }
}
