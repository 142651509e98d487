package dev.llmbench.harness.endpoint.responses;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamDecoder.Next;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.RequestTimeline.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Responses API decoder on event sequences shaped like OpenAI's (openai-python's {@code types/responses/*_event.py}):
 * which events become chunks of which kind, where usage comes from, and how a stream ends.
 */
class ResponsesStreamDecoderTest {

    private static final String ID = "resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b";
    private static final String RESPONSE = "{\"id\":\"" + ID + "\",\"object\":\"response\",\"created_at\":1741476542,"
            + "\"status\":\"in_progress\",\"error\":null,\"incomplete_details\":null,\"instructions\":null,"
            + "\"max_output_tokens\":null,\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"usage\":null}";

    /** One SSE event as the decoder receives it: the {@code event:} name and the {@code data:} bytes. */
    private record Sse(String event, String data) {}

    private static Sse created(int seq) {
        return new Sse("response.created", "{\"type\":\"response.created\",\"sequence_number\":" + seq + ",\"response\":" + RESPONSE + "}");
    }

    private static Sse inProgress(int seq) {
        return new Sse("response.in_progress", "{\"type\":\"response.in_progress\",\"sequence_number\":" + seq + ",\"response\":" + RESPONSE + "}");
    }

    private static Sse itemAdded(int seq, String item) {
        return new Sse("response.output_item.added", "{\"type\":\"response.output_item.added\",\"sequence_number\":" + seq
                + ",\"output_index\":0,\"item\":" + item + "}");
    }

    private static Sse delta(String type, int seq, String text) {
        return new Sse(type, "{\"type\":\"" + type + "\",\"sequence_number\":" + seq
                + ",\"item_id\":\"msg_67c\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + text + "\",\"logprobs\":[]}");
    }

    private static Sse textDelta(int seq, String text) {
        return delta("response.output_text.delta", seq, text);
    }

    private static Sse terminal(String type, String status, String extra, String usage) {
        return new Sse(type, "{\"type\":\"" + type + "\",\"sequence_number\":99,\"response\":{\"id\":\"" + ID
                + "\",\"object\":\"response\",\"status\":\"" + status + "\"," + extra + "\"output\":[{\"id\":\"msg_67c\","
                + "\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"Hi there\",\"annotations\":[]}]}],\"usage\":" + usage + "}}");
    }

    private static final String USAGE = "{\"input_tokens\":36,\"input_tokens_details\":{\"cached_tokens\":12},"
            + "\"output_tokens\":87,\"output_tokens_details\":{\"reasoning_tokens\":40},\"total_tokens\":123}";

    private static Sse completed() {
        return terminal("response.completed", "completed", "\"error\":null,\"incomplete_details\":null,", USAGE);
    }

    private static Sse ignored(String type, int seq) {
        return new Sse(type, "{\"type\":\"" + type + "\",\"sequence_number\":" + seq + ",\"item_id\":\"msg_67c\","
                + "\"output_index\":0,\"content_index\":0,\"text\":\"Hi there\",\"part\":{\"type\":\"output_text\",\"text\":\"\"}}");
    }

    /** Feeds the events one per millisecond (event i at i ms) to a fresh decoder; returns what stopped it. */
    private static Next feed(StreamDecoder d, StreamListener t, List<Sse> events) throws ProtocolException {
        t.sent(0);
        t.headers(0, 200, Map.of());
        for (int i = 0; i < events.size(); i++) {
            Sse e = events.get(i);
            if (d.onEvent(ms(i + 1), e.event(), e.data().getBytes(StandardCharsets.UTF_8), t) == Next.FINISHED) {
                t.done(ms(i + 1));
                return Next.FINISHED;
            }
        }
        return Next.CONTINUE;
    }

    private static long ms(int i) {
        return i * 1_000_000L;
    }

    private static RequestTimeline timeline() {
        return new RequestTimeline(0, false, 0, -1);
    }

    @Test
    void textDeltasAreContentChunksCarryingTheResponseIdAndTheCompletedEventGivesUsageAndEndsTheStream() throws Exception {
        RequestTimeline t = timeline();
        Next last = feed(new ResponsesProtocol().newDecoder(true), t, List.of(
                created(0), inProgress(1),
                itemAdded(2, "{\"id\":\"msg_67c\",\"type\":\"message\",\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}"),
                ignored("response.content_part.added", 3),
                textDelta(4, "Hi"), textDelta(5, " there"),
                ignored("response.output_text.done", 6), ignored("response.content_part.done", 7),
                ignored("response.output_item.done", 8),
                completed()));

        assertThat(last).isEqualTo(Next.FINISHED);
        assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(t.chunkCount()).as("only the two deltas carry output").isEqualTo(2);
        assertThat(t.chunkNanos(0)).isEqualTo(ms(5));
        assertThat(t.firstTokenNanos()).isEqualTo(ms(5));
        assertThat(t.firstContentNanos()).isEqualTo(ms(5));
        assertThat(t.outputChars()).isEqualTo("Hi there".length());
        assertThat(t.responseId()).isEqualTo(ID);
        assertThat(t.usageInputTokens()).isEqualTo(36);
        assertThat(t.usageOutputTokens()).isEqualTo(87);
        assertThat(t.usageCachedTokens()).isEqualTo(12);
        assertThat(t.endNanos()).isEqualTo(ms(10));
    }

    @Test
    void reasoningDeltasAreReasoningSoTtftIsTheFirstReasoningAndTtfoTheFirstText() throws Exception {
        RequestTimeline t = timeline();
        feed(new ResponsesProtocol().newDecoder(true), t, List.of(
                created(0),
                itemAdded(1, "{\"id\":\"rs_1\",\"type\":\"reasoning\",\"summary\":[]}"),
                ignored("response.reasoning_summary_part.added", 2),
                delta("response.reasoning_summary_text.delta", 3, "**Thinking**"),
                delta("response.reasoning_text.delta", 4, " step one"),
                ignored("response.reasoning_summary_text.done", 5),
                textDelta(6, "Answer"),
                completed()));

        assertThat(t.chunkCount()).isEqualTo(3);
        assertThat(t.firstTokenNanos()).as("TTFT: the first reasoning delta").isEqualTo(ms(4));
        assertThat(t.firstContentNanos()).as("TTFO: the first text delta").isEqualTo(ms(7));
    }

    @Test
    void functionCallArgumentsAreToolCallChunks() throws Exception {
        List<ChunkKind> kinds = new ArrayList<>();
        RequestTimeline t = timeline();
        StreamListener recordingKinds = new StreamListener() {
            @Override public void sent(long nanos) { t.sent(nanos); }
            @Override public void headers(long nanos, int status, Map<String, String> headers) { t.headers(nanos, status, headers); }
            @Override public void chunk(long nanos, CharSequence text, ChunkKind kind, String id) {
                kinds.add(kind);
                t.chunk(nanos, text, kind, id);
            }
            @Override public void usage(int in, int out, int cached) { t.usage(in, out, cached); }
            @Override public void done(long nanos) { t.done(nanos); }
            @Override public void failed(long nanos, Failure f) { t.failed(nanos, f); }
        };
        feed(new ResponsesProtocol().newDecoder(true), recordingKinds, List.of(
                created(0),
                itemAdded(1, "{\"type\":\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"get_weather\",\"arguments\":\"\"}"),
                delta("response.function_call_arguments.delta", 2, "{\\\"location\\\":"),
                delta("response.function_call_arguments.delta", 3, "\\\"Paris\\\"}"),
                new Sse("response.function_call_arguments.done", "{\"type\":\"response.function_call_arguments.done\","
                        + "\"sequence_number\":4,\"item_id\":\"fc_1\",\"output_index\":0,\"arguments\":\"{\\\"location\\\":\\\"Paris\\\"}\"}"),
                completed()));

        assertThat(kinds).containsExactly(ChunkKind.TOOL_CALL, ChunkKind.TOOL_CALL);
        assertThat(t.outputChars()).isEqualTo("{\"location\":\"Paris\"}".length());
        assertThat(t.firstContentNanos()).as("no answer text").isNegative();
    }

    @Test
    void anIncompleteResponseCutAtMaxOutputTokensIsASuccessWithItsTokensAsALengthLimitedChatCompletionIs() throws Exception {
        RequestTimeline t = timeline();
        Next last = feed(new ResponsesProtocol().newDecoder(true), t, List.of(
                created(0), textDelta(1, "Hi"),
                terminal("response.incomplete", "incomplete", "\"error\":null,\"incomplete_details\":{\"reason\":\"max_output_tokens\"},",
                        "{\"input_tokens\":5,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":1,"
                                + "\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":6}")));

        assertThat(last).isEqualTo(Next.FINISHED);
        assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(t.usageOutputTokens()).isEqualTo(1);
        assertThat(t.chunkCount()).isEqualTo(1);
    }

    @Test
    void aFailedResponseIsAProtocolErrorQuotingTheServersCodeAndMessage() throws Exception {
        StreamDecoder d = new ResponsesProtocol().newDecoder(true);
        RequestTimeline t = timeline();
        feed(d, t, List.of(created(0), textDelta(1, "Hi")));
        Sse failed = terminal("response.failed", "failed",
                "\"error\":{\"code\":\"server_error\",\"message\":\"The model crashed\"},\"incomplete_details\":null,", "null");

        assertThatThrownBy(() -> d.onEvent(ms(3), failed.event(), failed.data().getBytes(StandardCharsets.UTF_8), t))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("server sent response.failed: server_error: The model crashed");
    }

    @Test
    void anErrorEventIsAProtocolErrorQuotingTheServer() {
        StreamDecoder d = new ResponsesProtocol().newDecoder(true);
        byte[] error = ("{\"type\":\"error\",\"code\":\"ERR_SOMETHING\",\"message\":\"Something went wrong\",\"param\":null,"
                + "\"sequence_number\":1}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> d.onEvent(ms(1), "error", error, timeline()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("server sent an error event: ERR_SOMETHING: Something went wrong");
    }

    @Test
    void aStreamHasNoDoneMarkerAndEndingWithoutATerminalEventIsAProtocolErrorNamingResponseCompleted() throws Exception {
        StreamDecoder d = new ResponsesProtocol().newDecoder(true);
        Next last = feed(d, timeline(), List.of(created(0), textDelta(1, "Hi"), ignored("response.output_text.done", 2)));

        assertThat(last).isEqualTo(Next.CONTINUE);
        assertThat(d.requiresFinalEvent()).isTrue();
        assertThat(d.completeWithoutFinalEvent()).as("only response.completed carries the usage").isFalse();
        assertThat(d.finalEventName()).isEqualTo("response.completed");
    }

    @Test
    void theTypeFieldWinsAndWithoutItTheSseEventNameIsUsed() throws Exception {
        RequestTimeline t = timeline();
        StreamDecoder d = new ResponsesProtocol().newDecoder(true);
        t.sent(0);
        d.onEvent(ms(1), "response.output_text.delta", "{\"delta\":\"untyped\"}".getBytes(StandardCharsets.UTF_8), t);
        d.onEvent(ms(2), null, textDelta(1, "typed").data().getBytes(StandardCharsets.UTF_8), t);
        d.onEvent(ms(3), "response.output_text.delta",
                "{\"type\":\"response.output_text.done\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8), t);

        assertThat(t.chunkCount()).isEqualTo(2);
        assertThat(t.outputChars()).isEqualTo("untypedtyped".length());
    }

    @Test
    void malformedJsonIsAProtocolErrorThatKeepsTheBytesApartForRedaction() {
        StreamDecoder d = new ResponsesProtocol().newDecoder(true);
        byte[] cut = "{\"type\":\"response.output_text.delta\",\"delta\":".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> d.onEvent(ms(1), "response.output_text.delta", cut, timeline()))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("malformed JSON in event")
                .satisfies(e -> assertThat(((ProtocolException) e).serverData()).isSameAs(cut));
    }

    @Test
    void aNonStreamedResponseGivesItsReasoningToolCallsAndTextAsOneChunkEachAndItsUsage() throws Exception {
        RequestTimeline t = timeline();
        String body = "{\"id\":\"" + ID + "\",\"object\":\"response\",\"status\":\"completed\",\"error\":null,\"output\":["
                + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Plan.\"}]},"
                + "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                + "\"text\":\"Hello world\",\"annotations\":[]}]}],\"usage\":" + USAGE + "}";
        t.sent(0);
        new ResponsesProtocol().newDecoder(false).onBody(ms(9), body.getBytes(StandardCharsets.UTF_8), t);
        t.done(ms(9));

        assertThat(t.chunkCount()).isEqualTo(2);
        assertThat(t.outputChars()).isEqualTo("Plan.Hello world".length());
        assertThat(t.firstContentNanos()).isEqualTo(ms(9));
        assertThat(t.responseId()).isEqualTo(ID);
        assertThat(t.usageOutputTokens()).isEqualTo(87);
        assertThat(t.usageCachedTokens()).isEqualTo(12);
    }

    @Test
    void aNonStreamedFailedResponseIsAProtocolError() {
        String body = "{\"id\":\"" + ID + "\",\"object\":\"response\",\"status\":\"failed\","
                + "\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Slow down\"},\"output\":[],\"usage\":null}";

        assertThatThrownBy(() -> new ResponsesProtocol().newDecoder(false)
                .onBody(ms(1), body.getBytes(StandardCharsets.UTF_8), timeline()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("server sent a failed response: rate_limit_exceeded: Slow down");
    }
}
