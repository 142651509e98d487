package dev.llmbench.harness.endpoint.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.endpoint.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
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
    void aConversationIsSentAsItsMessagesToChatAndAsItsJoinedTextToCompletions() throws Exception {
        List<ChatMessage> messages = List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Why?"));
        GenerationRequest r = new GenerationRequest("m", "Be brief.\n\nWhy?", 4, 20, 0, true, Map.of(), messages, false);
        JsonNode chat = body(OpenAiProtocol.chat(), r);
        assertThat(chat.get("messages")).hasSize(2);
        assertThat(chat.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(chat.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertThat(chat.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(chat.at("/messages/1/content").asText()).isEqualTo("Why?");
        JsonNode completions = body(OpenAiProtocol.completions(), r);
        assertThat(completions.get("prompt").asText()).isEqualTo("Be brief.\n\nWhy?");
    }

    @Test
    void minTokensAndIgnoreEosAreSentEachOnItsOwn() throws Exception {
        JsonNode onlyMin = body(OpenAiProtocol.chat(), new GenerationRequest("m", "p", 1, 50, 50, true, Map.of(), List.of(), false));
        assertThat(onlyMin.get("min_tokens").asInt()).isEqualTo(50);
        assertThat(onlyMin.has("ignore_eos")).isFalse();
        JsonNode onlyEos = body(OpenAiProtocol.chat(), new GenerationRequest("m", "p", 1, 50, 0, true, Map.of(), List.of(), true));
        assertThat(onlyEos.has("min_tokens")).isFalse();
        assertThat(onlyEos.get("ignore_eos").asBoolean()).isTrue();
    }

    @Test
    void pathsAndNamesSayWhichApi() {
        assertThat(OpenAiProtocol.chat().path()).isEqualTo("/v1/chat/completions");
        assertThat(OpenAiProtocol.completions().path()).isEqualTo("/v1/completions");
        assertThat(OpenAiProtocol.chat().name()).isEqualTo("openai-chat");
    }
}
