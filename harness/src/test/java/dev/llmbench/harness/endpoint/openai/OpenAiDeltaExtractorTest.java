package dev.llmbench.harness.endpoint.openai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiDeltaExtractorTest {

    final OpenAiDeltaExtractor extractor = new OpenAiDeltaExtractor();

    OpenAiDelta extract(String json) throws IOException {
        OpenAiDelta d = new OpenAiDelta();
        d.reset();
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        extractor.extract(b, 0, b.length, d);
        return d;
    }

    @Test
    void chatChunkGivesContentAndId() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat",\
                "system_fingerprint":null,"choices":[{"index":0,"delta":{"content":" the"},"logprobs":null,"finish_reason":null}],"usage":null}""");
        assertThat(d.id).isEqualTo("chatcmpl-9a");
        assertThat(d.content).hasToString(" the");
        assertThat(d.reasoning).isEmpty();
        assertThat(d.toolCall).isEmpty();
        assertThat(d.finishReason).isNull();
        assertThat(d.hasUsage).isFalse();
        assertThat(d.promptTokens).isEqualTo(-1);
        assertThat(d.errorMessage).isNull();
        assertThat(d.hasOutput()).isTrue();
    }

    @Test
    void roleOnlyChunkCarriesNoOutput() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"chatcmpl-9a","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}""");
        assertThat(d.content).isEmpty();
        assertThat(d.hasOutput()).isFalse();
        assertThat(extract("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}").hasOutput()).isFalse();
    }

    @Test
    void escapesAndMultiByteCharactersAreDecoded() throws IOException {
        OpenAiDelta d = extract("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\\"crème\\\" \\u00e9\\n日本😀\"}}]}");
        assertThat(d.content).hasToString("\"crème\" é\n日本😀");
    }

    @Test
    void reasoningChunkGoesToReasoningNotContent() throws IOException {
        assertThat(extract("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Let me think\"}}]}").reasoning)
                .hasToString("Let me think");
        OpenAiDelta d = extract("{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"hmm\",\"content\":null}}]}");
        assertThat(d.reasoning).hasToString("hmm");
        assertThat(d.content).isEmpty();
        assertThat(d.hasOutput()).isTrue();
    }

    @Test
    void toolCallChunksConcatenateNamesAndArguments() throws IOException {
        OpenAiDelta first = extract("""
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function",\
                "function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}""");
        assertThat(first.toolCall).hasToString("get_weather");
        OpenAiDelta next = extract("""
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}},\
                {"index":1,"function":{"name":"f2","arguments":"{}"}}]}}]}""");
        assertThat(next.toolCall).hasToString("{\"city\":f2{}");
        assertThat(extract("{\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"name\":\"legacy\",\"arguments\":\"{}\"}}}]}").toolCall)
                .hasToString("legacy{}");
    }

    @Test
    void completionsChunkGivesTextAsContent() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"cmpl-1","object":"text_completion","created":1732000000,"model":"m",\
                "choices":[{"index":0,"text":" Paris","logprobs":null,"finish_reason":"length","stop_reason":null}],"usage":null}""");
        assertThat(d.content).hasToString(" Paris");
        assertThat(d.finishReason).isEqualTo("length");
        assertThat(d.id).isEqualTo("cmpl-1");
    }

    @Test
    void usageChunkWithCachedTokens() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1,"model":"m","choices":[],\
                "usage":{"prompt_tokens":100,"total_tokens":1100,"completion_tokens":1000,\
                "prompt_tokens_details":{"cached_tokens":64,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}""");
        assertThat(d.hasUsage).isTrue();
        assertThat(d.promptTokens).isEqualTo(100);
        assertThat(d.completionTokens).isEqualTo(1000);
        assertThat(d.cachedTokens).isEqualTo(64);
        assertThat(d.hasOutput()).isFalse();
        OpenAiDelta noDetails = extract("{\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"prompt_tokens_details\":null}}");
        assertThat(noDetails.cachedTokens).isEqualTo(-1);
        assertThat(noDetails.completionTokens).isEqualTo(7);
        assertThat(extract("{\"usage\":null}").hasUsage).isFalse();
    }

    @Test
    void finishReasonChunk() throws IOException {
        OpenAiDelta d = extract("{\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");
        assertThat(d.finishReason).isEqualTo("stop");
        assertThat(d.hasOutput()).isFalse();
        assertThat(extract("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"my_own_reason\"}]}").finishReason)
                .isEqualTo("my_own_reason");
    }

    @Test
    void nonStreamedFullResponse() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"chatcmpl-full","object":"chat.completion","created":1732000000,"model":"llama-2-70b-chat",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there, 世界!","reasoning_content":"greet",
                   "tool_calls":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17}}
                """);
        assertThat(d.id).isEqualTo("chatcmpl-full");
        assertThat(d.content).hasToString("Hello there, 世界!");
        assertThat(d.reasoning).hasToString("greet");
        assertThat(d.finishReason).isEqualTo("stop");
        assertThat(d.promptTokens).isEqualTo(12);
        assertThat(d.completionTokens).isEqualTo(5);
        assertThat(d.cachedTokens).isEqualTo(-1);
    }

    @Test
    void errorObjectGivesItsMessage() throws IOException {
        assertThat(extract("{\"error\":{\"message\":\"The model is overloaded\",\"type\":\"server_error\",\"code\":503}}").errorMessage)
                .isEqualTo("The model is overloaded");
        assertThat(extract("{\"error\":\"boom\"}").errorMessage).isEqualTo("boom");
        assertThat(extract("{\"error\":{\"code\":500}}").errorMessage).isEqualTo("error");
        assertThat(extract("{\"error\":null,\"choices\":[]}").errorMessage).isNull();
        assertThat(extract("{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"code\":400}").errorMessage)
                .isEqualTo("max_tokens is too large");
    }

    @Test
    void logprobsAndUnknownNestedFieldsAreSkipped() throws IOException {
        OpenAiDelta d = extract("""
                {"id":"c","weird":{"content":"not me","choices":[{"delta":{"content":"nor me"}}]},\
                "choices":[{"index":0,"delta":{"content":" yes","role":null,"extra":{"content":"no"}},\
                "logprobs":{"content":[{"token":" yes","logprob":-0.01,"bytes":[32,121,101,115],\
                "top_logprobs":[{"token":" yes","logprob":-0.01,"bytes":[32,121,101,115]},{"token":" no","logprob":-4.6,"bytes":null}]}]},\
                "finish_reason":null}],"usage":null,"trailing":[1,2,{"a":[]}]}""");
        assertThat(d.content).hasToString(" yes");
        assertThat(d.id).isEqualTo("c");
    }

    @Test
    void onlyChoiceIndexZeroCounts() throws IOException {
        OpenAiDelta d = extract("""
                {"choices":[{"index":1,"delta":{"content":"B"},"finish_reason":"length"},\
                {"delta":{"content":"A"},"index":0},{"delta":{"content":"C"},"finish_reason":"stop","index":2}]}""");
        assertThat(d.content).hasToString("A");
        assertThat(d.finishReason).isNull();
    }

    @Test
    void repeatedIdsAreTheSameString() throws IOException {
        String a = extract("{\"id\":\"chatcmpl-77\",\"choices\":[]}").id;
        String b = extract("{\"id\":\"chatcmpl-77\",\"choices\":[]}").id;
        assertThat(a).isEqualTo("chatcmpl-77").isSameAs(b);
        assertThat(extract("{\"id\":\"chatcmpl-78\"}").id).isEqualTo("chatcmpl-78");
        assertThat(extract("{\"id\":null}").id).isNull();
    }

    @Test
    void extractsFromASliceOfALargerArray() throws IOException {
        byte[] b = "xx{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}yy".getBytes(StandardCharsets.UTF_8);
        OpenAiDelta d = new OpenAiDelta();
        extractor.extract(b, 2, b.length - 4, d);
        assertThat(d.content).hasToString("hi");
    }

    @Test
    void malformedOrTruncatedJsonThrowsAndLeavesNothingBehind() {
        String full = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" the\"},\"finish_reason\":null}],\"usage\":null}";
        for (int cut = 0; cut < full.length(); cut++) {
            String truncated = full.substring(0, cut);
            OpenAiDelta d = new OpenAiDelta();
            byte[] b = truncated.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> extractor.extract(b, 0, b.length, d)).as("truncated at %d", cut).isInstanceOf(IOException.class);
            assertThat(d.content).isEmpty();
            assertThat(d.id).isNull();
        }
        for (String bad : new String[] {"[DONE]", "[]", "\"text\"", "42", "{\"a\":}", "{\"a\" 1}", "{\"choices\":[{]}",
                "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "{\"a\":1}x", "{'a':1}", "{\"a\":tru}", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\\q\"}}]}"}) {
            assertThatThrownBy(() -> extract(bad)).as(bad).isInstanceOf(IOException.class);
        }
    }

    @Test
    void whitespaceAroundTheObjectIsFine() throws IOException {
        assertThat(extract("  {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n").content).hasToString("x");
    }

    @Test
    void theExtractorIsReusableAfterAFailure() throws IOException {
        assertThatThrownBy(() -> extract("{\"choices\":[")).isInstanceOf(IOException.class);
        assertThat(extract("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}").content).hasToString("ok");
    }

    static final String[] MIXED_PAYLOADS = {
            "{\"id\":\"chatcmpl-9a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-9a\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" caf\u00e9\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}",
            "{\"id\":\"chatcmpl-9\\u0061\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\\"\"}}]}",
            "{\"choices\":[{\"finish_reason\":\"length\",\"delta\":{\"reasoning\":\"r\",\"content\":\"c\"},\"index\":0}],\"model\":\"other\",\"id\":\"chatcmpl-9b\"}",
            "{\"id\":\"chatcmpl-9b\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}}]}",
            "{\"id\":\"chatcmpl-9b\",\"choices\":[",
            "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"t\",\"logprobs\":{\"tokens\":[\"t\"]},\"finish_reason\":\"stop\",\"stop_reason\":null}],\"usage\":null}",
            "{\"id\":\"cmpl-1\",\"choices\":[],\"usage\":{\"completion_tokens\":3,\"prompt_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":1}}}",
            "{\"error\":{\"message\":\"overloaded\"}}",
            "not json",
            "{\"object\":\"error\",\"message\":\"bad\",\"code\":400}",
            "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" again\"}]}",
    };

    /** What a fresh extractor makes of a payload: the reference a long-lived, reused extractor must agree with. */
    static String freshResult(String json) {
        try {
            OpenAiDelta d = new OpenAiDelta();
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            new OpenAiDeltaExtractor().extract(b, 0, b.length, d);
            return d.toString();
        } catch (IOException e) {
            return "IOException";
        }
    }

    @Test
    void aReusedExtractorAgreesWithFreshOnesWhateverTheOrderOfPayloadsFieldsAndFailures() {
        java.util.Random random = new java.util.Random(7);
        OpenAiDelta d = new OpenAiDelta();
        for (int i = 0; i < 2_000; i++) {
            String json = MIXED_PAYLOADS[random.nextInt(MIXED_PAYLOADS.length)];
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            d.reset();
            String result;
            try {
                extractor.extract(b, 0, b.length, d);
                result = d.toString();
            } catch (IOException e) {
                result = "IOException";
            }
            assertThat(result).as("payload %s after %d others", json, i).isEqualTo(freshResult(json));
        }
    }

    @Test
    void aRepeatedIdWrittenWithEscapesIsStillRecognised() throws IOException {
        assertThat(extract("{\"id\":\"abc\"}").id).isEqualTo("abc");
        assertThat(extract("{\"id\":\"\\u0061bc\"}").id).isEqualTo("abc");
        assertThat(extract("{\"id\":\"abcd\"}").id).isEqualTo("abcd");
        assertThat(extract("{\"id\":\"ab\"}").id).isEqualTo("ab");
    }
}
