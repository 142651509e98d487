package dev.llmbench.simulator;

import dev.llmbench.simulator.CompletionRequest.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParserTest {

    private final RequestParser parser = new RequestParser(Profile.fast());

    private CompletionRequest parse(Endpoint e, String json) throws BadRequestException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(e, b, b.length);
    }

    private void assertBad(Endpoint e, String json, String param) {
        assertThatThrownBy(() -> parse(e, json)).isInstanceOf(BadRequestException.class)
                .satisfies(t -> assertThat(((BadRequestException) t).param()).isEqualTo(param));
    }

    @Test
    void chatPromptTokensAreCharactersOverFourRoundedUp() throws Exception {
        CompletionRequest r = parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"abcde\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"héllo\"}]}],\"max_tokens\":7,"
                + "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"ignore_eos\":true,\"min_tokens\":7}");
        assertThat(r.promptTokens()).isEqualTo(3); // 10 characters -> ceil(10 / 4)
        assertThat(r.maxTokens()).isEqualTo(7);
        assertThat(r.maxTokensGiven()).isTrue();
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.model()).isEqualTo("m");
        assertThat(r.finishReason()).isEqualTo("length");
    }

    @Test
    void defaultsAndMaxCompletionTokens() throws Exception {
        CompletionRequest r = parse(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(r.maxTokens()).isEqualTo(256);
        assertThat(r.maxTokensGiven()).isFalse();
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.model()).isEqualTo("fast-sim-0.5b");
        assertThat(r.stream()).isFalse();
        assertThat(parse(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_completion_tokens\":9}")
                .maxTokens()).isEqualTo(9);
    }

    @Test
    void completionsPromptForms() throws Exception {
        assertThat(parse(Endpoint.COMPLETIONS, "{\"prompt\":\"12345678\",\"max_tokens\":1}").promptTokens()).isEqualTo(2);
        assertThat(parse(Endpoint.COMPLETIONS, "{\"prompt\":[\"1234\",\"5\"],\"max_tokens\":1}").promptTokens()).isEqualTo(2);
        assertThat(parse(Endpoint.COMPLETIONS, "{\"prompt\":[1,2,3],\"max_tokens\":1}").promptTokens()).isEqualTo(3);
    }

    @Test
    void badRequestsNameTheField() {
        assertBad(Endpoint.CHAT, "{not json", null);
        assertBad(Endpoint.CHAT, "[1]", null);
        assertBad(Endpoint.CHAT, "", null);
        assertBad(Endpoint.CHAT, "{\"model\":\"m\"}", "messages");
        assertBad(Endpoint.CHAT, "{\"messages\":[]}", "messages");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":0}", "max_tokens");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":\"5\"}", "max_tokens");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":2.5}", "max_tokens");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_completion_tokens\":-1}", "max_completion_tokens");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":\"yes\"}", "stream");
        assertBad(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":5}]}", "messages[0].content");
        assertBad(Endpoint.COMPLETIONS, "{\"max_tokens\":3}", "prompt");
        assertBad(Endpoint.COMPLETIONS, "{\"prompt\":{}}", "prompt");
    }

    @Test
    void aResponsesRequestCountsInstructionsAndInputItemsAndReadsMaxOutputTokens() throws Exception {
        CompletionRequest r = parse(Endpoint.RESPONSES, "{\"model\":\"m\",\"instructions\":\"abcd\",\"input\":["
                + "{\"role\":\"user\",\"content\":\"abcd\"},"
                + "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"abcd\"}]}],"
                + "\"max_output_tokens\":9,\"stream\":true}");
        assertThat(r.endpoint()).isEqualTo(Endpoint.RESPONSES);
        assertThat(r.promptTokens()).isEqualTo(3); // 12 characters
        assertThat(r.maxTokens()).isEqualTo(9);
        assertThat(r.maxTokensGiven()).isTrue();
        assertThat(r.stream()).isTrue();
        assertThat(parse(Endpoint.RESPONSES, "{\"input\":\"abcdefgh\"}").promptTokens()).isEqualTo(2);
    }

    @Test
    void aResponsesRequestNeedsInputAndAPositiveMaxOutputTokens() {
        assertBad(Endpoint.RESPONSES, "{\"model\":\"m\"}", "input");
        assertBad(Endpoint.RESPONSES, "{\"input\":7}", "input");
        assertBad(Endpoint.RESPONSES, "{\"input\":\"x\",\"max_output_tokens\":0}", "max_output_tokens");
        assertBad(Endpoint.RESPONSES, "{\"input\":\"x\",\"instructions\":[1]}", "instructions");
    }

    @Test
    void theOpenAiPersonalityRefusesFieldsOutsideTheResponsesApi() throws Exception {
        RequestParser openai = new RequestParser(Profile.fast(), Personality.OPENAI);
        byte[] ok = "{\"model\":\"m\",\"input\":\"x\",\"max_output_tokens\":5,\"store\":false,\"stream\":true}".getBytes(StandardCharsets.UTF_8);
        assertThat(openai.parse(Endpoint.RESPONSES, ok, ok.length).maxTokens()).isEqualTo(5);
        byte[] bad = "{\"model\":\"m\",\"input\":\"x\",\"max_tokens\":5}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> openai.parse(Endpoint.RESPONSES, bad, bad.length))
                .hasMessage("Unrecognized request argument supplied: max_tokens");
    }
}
