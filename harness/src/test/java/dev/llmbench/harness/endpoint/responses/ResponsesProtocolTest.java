package dev.llmbench.harness.endpoint.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.endpoint.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResponsesProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(GenerationRequest r) throws Exception {
        return JSON.readTree(new ResponsesProtocol().requestBody(r));
    }

    @Test
    void postsToV1ResponsesAndNamesItselfInResults() {
        assertThat(new ResponsesProtocol().path()).isEqualTo("/v1/responses");
        assertThat(new ResponsesProtocol().name()).isEqualTo("openai-responses");
    }

    @Test
    void aPromptIsTheInputStringWithMaxOutputTokensAndNeverMinTokensOrIgnoreEos() throws Exception {
        JsonNode b = body(new GenerationRequest("gpt-4.1", "hello", 2, 100, 100, true, Map.of()));
        assertThat(b.get("model").asText()).isEqualTo("gpt-4.1");
        assertThat(b.get("input").asText()).isEqualTo("hello");
        assertThat(b.get("max_output_tokens").asInt()).isEqualTo(100);
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.has("min_tokens")).as("the Responses API refuses unknown fields").isFalse();
        assertThat(b.has("ignore_eos")).isFalse();
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(b.has("stream_options")).isFalse();
    }

    @Test
    void aConversationsSystemMessagesBecomeInstructionsAndTheRestInputItems() throws Exception {
        List<ChatMessage> messages = List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Why?"),
                new ChatMessage("assistant", "Because."), ChatMessage.user("Why not?"));
        JsonNode b = body(new GenerationRequest("m", "joined", 4, 20, 0, false, Map.of(), messages, false));
        assertThat(b.get("instructions").asText()).isEqualTo("Be brief.");
        assertThat(b.get("input")).hasSize(3);
        assertThat(b.at("/input/0/type").asText()).isEqualTo("message");
        assertThat(b.at("/input/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/input/0/content").asText()).isEqualTo("Why?");
        assertThat(b.at("/input/1/role").asText()).isEqualTo("assistant");
        assertThat(b.get("stream").asBoolean()).isFalse();
    }

    @Test
    void extraFieldsPassThroughAndWin() throws Exception {
        JsonNode b = body(new GenerationRequest("m", "p", 1, 50, 0, true,
                Map.of("store", false, "max_output_tokens", 7, "reasoning", Map.of("effort", "low"))));
        assertThat(b.get("store").asBoolean(true)).isFalse();
        assertThat(b.get("max_output_tokens").asInt()).isEqualTo(7);
        assertThat(b.at("/reasoning/effort").asText()).isEqualTo("low");
    }
}
