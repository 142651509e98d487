package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.simulator.CompletionRequest.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode event(byte[] bytes) throws Exception {
        String s = new String(bytes, StandardCharsets.UTF_8);
        assertThat(s).startsWith("data: ").endsWith("\n\n");
        return MAPPER.readTree(s.substring(6));
    }

    @Test
    void chatChunksAreValidJsonWithEscapedModelName() throws Exception {
        CompletionRequest req = new CompletionRequest(Endpoint.CHAT, "we\"ird\\model\n\u2028", 3, 2, true, true, true, 1);
        ResponseTemplates t = new ResponseTemplates(req, "chatcmpl-9", 1_700_000_000L, 5);
        JsonNode role = event(t.roleChunk());
        assertThat(role.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(role.at("/model").asText()).isEqualTo("we\"ird\\model\n\u2028");
        JsonNode first = event(t.tokenChunk(0));
        assertThat(first.at("/object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.at("/choices/0/delta/content").asText()).startsWith(" ");
        assertThat(first.at("/choices/0/finish_reason").isNull()).isTrue();
        assertThat(event(t.tokenChunk(1)).at("/choices/0/finish_reason").asText()).isEqualTo("length");
        JsonNode usage = event(t.usageChunk());
        assertThat(usage.at("/choices").size()).isZero();
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(5);
        JsonNode body = MAPPER.readTree(t.fullBody());
        assertThat(body.at("/object").asText()).isEqualTo("chat.completion");
        assertThat(body.at("/choices/0/message/content").asText())
                .isEqualTo(first.at("/choices/0/delta/content").asText() + event(t.tokenChunk(1)).at("/choices/0/delta/content").asText());
    }

    @Test
    void completionChunks() throws Exception {
        CompletionRequest req = new CompletionRequest(Endpoint.COMPLETIONS, "m", 3, 4, false, true, false, 1);
        ResponseTemplates t = new ResponseTemplates(req, "cmpl-1", 1L, 5);
        JsonNode c = event(t.tokenChunk(3));
        assertThat(c.at("/object").asText()).isEqualTo("text_completion");
        assertThat(c.at("/choices/0/text").asText()).startsWith(" ");
        assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(MAPPER.readTree(t.fullBody()).at("/usage/completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void tokenTextsAreDeterministicPerKey() {
        assertThat(TokenVocabulary.text(123, 50)).isEqualTo(TokenVocabulary.text(123, 50));
        assertThat(TokenVocabulary.text(123, 50)).isNotEqualTo(TokenVocabulary.text(124, 50));
        assertThat(TokenVocabulary.text(123, 50).split(" ")).hasSize(51);
        assertThat(TokenVocabulary.size()).isGreaterThan(100);
    }

    @Test
    void errorBody() throws Exception {
        JsonNode e = MAPPER.readTree(ResponseTemplates.error("bad \"x\"", "invalid_request_error", "max_tokens", null));
        assertThat(e.at("/error/message").asText()).isEqualTo("bad \"x\"");
        assertThat(e.at("/error/param").asText()).isEqualTo("max_tokens");
        assertThat(e.at("/error/code").isNull()).isTrue();
    }
}
