package dev.llmbench.harness.endpoint.anthropic;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamDecoder.Next;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.metrics.RequestMetrics;
import dev.llmbench.harness.metrics.RequestTimeline;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Anthropic Messages decoder on event sequences shaped as the API sends them (Anthropic's streaming documentation
 * and its SDKs' event types: message_start, content_block_start/delta/stop, message_delta, message_stop, ping, error).
 */
class AnthropicStreamDecoderTest {

    private static final String MESSAGE_START = "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XYZ\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5\",\"stop_reason\":null,\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}";
    private static final String TEXT_START = "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}";
    private static final String PING = "{\"type\": \"ping\"}";
    private static final String BLOCK_STOP = "{\"type\":\"content_block_stop\",\"index\":0}";
    private static final String MESSAGE_STOP = "{\"type\":\"message_stop\"}";

    private static String text(int index, String text) {
        return "{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\"text_delta\",\"text\":\"" + text + "\"}}";
    }

    private static String messageDelta(String stopReason, String usage) {
        return "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null},\"usage\":" + usage + "}";
    }

    /** Events in order, each as (SSE event name, data), fed at times 1, 2, 3, ... */
    private static final class Script {
        final AnthropicStreamDecoder decoder = new AnthropicStreamDecoder();
        final Recording listener = new Recording();
        long now;

        Next feed(String event, String data) throws ProtocolException {
            return decoder.onEvent(++now, event, data.getBytes(StandardCharsets.UTF_8), listener);
        }
    }

    private static final class Recording implements StreamListener {
        final List<String> chunks = new ArrayList<>();
        final RequestTimeline timeline = new RequestTimeline(0, false, 0, -1);
        final List<int[]> usages = new ArrayList<>();
        int cacheWrite = -1;
        @Override public void sent(long nanos) { timeline.sent(nanos); }
        @Override public void headers(long nanos, int status, Map<String, String> headers) { }
        @Override public void chunk(long nanos, CharSequence text, ChunkKind kind, String id) {
            chunks.add(kind + ":" + text + "@" + nanos + "#" + id);
            timeline.chunk(nanos, text, kind, id);
        }
        @Override public void usage(int in, int out, int cached) {
            usages.add(new int[] {in, out, cached});
            timeline.usage(in, out, cached);
        }
        @Override public void cacheWrite(int tokens) { cacheWrite = tokens; timeline.cacheWrite(tokens); }
        @Override public void done(long nanos) { timeline.done(nanos); }
        @Override public void failed(long nanos, Failure failure) { timeline.failed(nanos, failure); }
    }

    @Test
    void aTextStreamGivesContentChunksAndEndsAtMessageStop() throws Exception {
        Script s = new Script();
        s.listener.sent(0);
        assertThat(s.feed("message_start", MESSAGE_START)).isEqualTo(Next.CONTINUE);
        s.feed("content_block_start", TEXT_START);
        s.feed("ping", PING);
        s.feed("content_block_delta", text(0, "Hello"));
        s.feed("content_block_delta", text(0, "!"));
        s.feed("content_block_stop", BLOCK_STOP);
        s.feed("message_delta", messageDelta("end_turn", "{\"output_tokens\":15}"));
        assertThat(s.feed("message_stop", MESSAGE_STOP)).isEqualTo(Next.FINISHED);
        s.listener.done(s.now);

        assertThat(s.listener.chunks).as("the empty text of content_block_start and the ping carry no output")
                .containsExactly("CONTENT:Hello@4#msg_01XYZ", "CONTENT:!@5#msg_01XYZ");
        RequestTimeline t = s.listener.timeline;
        assertThat(t.usageInputTokens()).isEqualTo(25);
        assertThat(t.usageOutputTokens()).isEqualTo(15);
        assertThat(t.responseId()).isEqualTo("msg_01XYZ");
    }

    @Test
    void ttftIsTheFirstThinkingDeltaAndTtfoTheFirstTextDelta() throws Exception {
        Script s = new Script();
        s.listener.sent(0);
        s.feed("message_start", MESSAGE_START);
        s.feed("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}}");
        s.feed("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Let me think\"}}");
        s.feed("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds\"}}");
        s.feed("content_block_stop", BLOCK_STOP);
        s.feed("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        s.feed("content_block_delta", text(1, "The answer"));
        s.feed("message_delta", messageDelta("end_turn", "{\"output_tokens\":40}"));
        s.feed("message_stop", MESSAGE_STOP);
        s.listener.done(s.now);

        assertThat(s.listener.chunks).as("a signature is no output").containsExactly(
                "REASONING:Let me think@3#msg_01XYZ", "CONTENT:The answer@7#msg_01XYZ");
        RequestTimeline t = s.listener.timeline;
        assertThat(RequestMetrics.ttftNanos(t)).isEqualTo(3);
        assertThat(RequestMetrics.ttfoNanos(t)).isEqualTo(7);
    }

    @Test
    void toolUseNamesAndInputJsonDeltasAreToolCallChunks() throws Exception {
        Script s = new Script();
        s.feed("message_start", MESSAGE_START);
        s.feed("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
                + "\"id\":\"toolu_01T1x1fJ34qAmk2tNTrN7Up6\",\"name\":\"get_weather\",\"input\":{}}}");
        s.feed("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}");
        s.feed("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"location\\\": \\\"San Fra\"}}");
        s.feed("message_delta", messageDelta("tool_use", "{\"output_tokens\":89}"));

        assertThat(s.listener.chunks).as("an empty partial_json carries nothing").containsExactly(
                "TOOL_CALL:get_weather@2#msg_01XYZ", "TOOL_CALL:{\"location\": \"San Fra@4#msg_01XYZ");
    }

    @Test
    void messageDeltaUsageIsCumulativeSoTheLastOneWinsAndNothingIsAdded() throws Exception {
        Script s = new Script();
        s.feed("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"usage\":{\"input_tokens\":10,"
                + "\"cache_creation_input_tokens\":200,\"cache_read_input_tokens\":3000,\"output_tokens\":1}}}");
        s.feed("content_block_delta", text(0, "a"));
        s.feed("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":null},\"usage\":{\"output_tokens\":5}}");
        s.feed("message_delta", messageDelta("max_tokens", "{\"input_tokens\":10,\"cache_creation_input_tokens\":200,"
                + "\"cache_read_input_tokens\":3000,\"output_tokens\":12}"));
        s.feed("message_stop", MESSAGE_STOP);

        RequestTimeline t = s.listener.timeline;
        assertThat(t.usageOutputTokens()).as("12, not 1 + 5 + 12").isEqualTo(12);
        assertThat(t.usageInputTokens()).as("input_tokens excludes the cache: 10 + 200 + 3000").isEqualTo(3210);
        assertThat(t.usageCachedTokens()).as("cache reads").isEqualTo(3000);
        assertThat(t.usageCacheWriteTokens()).as("cache writes").isEqualTo(200);
        assertThat(s.listener.usages.get(0)[1]).as("message_start's output_tokens is a placeholder, not reported").isEqualTo(-1);
    }

    @Test
    void aMidStreamErrorEventFailsWithTheServersTextAndOverloadedCountsAsRateLimited() throws Exception {
        Script s = new Script();
        s.feed("message_start", MESSAGE_START);
        s.feed("content_block_delta", text(0, "Hel"));
        assertThatThrownBy(() -> s.feed("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("overloaded_error").contains("Overloaded");
                });
        Script other = new Script();
        assertThatThrownBy(() -> other.feed("error", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}"))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
                    assertThat(e.getMessage()).contains("(api_error): Internal server error");
                });
    }

    @Test
    void withoutMessageStopTheStreamIsIncompleteUnlessTheFinalMessageDeltaArrived() throws Exception {
        Script s = new Script();
        assertThat(s.decoder.requiresFinalEvent()).isTrue();
        assertThat(s.decoder.finalEventName()).isEqualTo("event: message_stop");
        s.feed("message_start", MESSAGE_START);
        s.feed("content_block_delta", text(0, "Hel"));
        assertThat(s.decoder.completeWithoutFinalEvent()).as("cut short: a protocol error, as OpenAI's missing [DONE]").isFalse();
        s.feed("message_delta", messageDelta("end_turn", "{\"output_tokens\":2}"));
        assertThat(s.decoder.completeWithoutFinalEvent()).isTrue();
    }

    @Test
    void malformedJsonAndUnknownEventsAreTellingApart() throws Exception {
        Script s = new Script();
        assertThat(s.feed("content_block_citation_future", "{\"type\":\"some_future_event\",\"x\":1}"))
                .as("event types added later are ignored").isEqualTo(Next.CONTINUE);
        assertThatThrownBy(() -> s.feed("content_block_delta", "{\"type\":\"content_block_delta\",\"delta\":{\"text\":"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed JSON in event");
    }

    @Test
    void aNonStreamedMessageGivesItsBlocksAndUsage() throws Exception {
        AnthropicStreamDecoder d = new AnthropicStreamDecoder();
        Recording l = new Recording();
        d.onBody(9, ("{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"abc\"},{\"type\":\"text\",\"text\":\"Hi there\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{\"a\":1}}],"
                + "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":5,\"cache_creation_input_tokens\":null,"
                + "\"cache_read_input_tokens\":7,\"output_tokens\":9}}").getBytes(StandardCharsets.UTF_8), l);

        assertThat(l.chunks).containsExactly("REASONING:hmm@9#msg_2", "TOOL_CALL:f{\"a\":1}@9#msg_2", "CONTENT:Hi there@9#msg_2");
        assertThat(l.usages).hasSize(1);
        assertThat(l.usages.get(0)).containsExactly(12, 9, 7);
        assertThat(l.cacheWrite).as("null cache_creation_input_tokens: not reported").isEqualTo(-1);
    }

    @Test
    void anErrorBodyIsAFailure() {
        StreamDecoder d = new AnthropicProtocol().newDecoder(false);
        assertThatThrownBy(() -> d.onBody(1, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"max_tokens: Field required\"}}"
                .getBytes(StandardCharsets.UTF_8), new Recording()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("max_tokens: Field required");
    }
}
