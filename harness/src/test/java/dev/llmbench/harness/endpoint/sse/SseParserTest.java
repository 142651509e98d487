package dev.llmbench.harness.endpoint.sse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SseParserTest {

    /** A vLLM-style chat stream as it goes over the wire, with multi-byte UTF-8, a comment line and [DONE]. */
    static final String RECORDED_STREAM = """
            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"Le"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" café"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" à"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" Tōkyō"},"logprobs":null,"finish_reason":null}],"usage":null}

            : keep-alive comment from a proxy

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" ("},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"日本"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":")"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" est"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" très"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" bon"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" ☕"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"😀"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"."},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" The"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" menu"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" says"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" \\"crème"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":" brûlée\\""},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"\\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":"👩‍💻"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-9a","object":"chat.completion.chunk","created":1732000000,"model":"llama-2-70b-chat","choices":[],"usage":{"prompt_tokens":100,"total_tokens":121,"completion_tokens":21,"prompt_tokens_details":{"cached_tokens":64}}}

            data: [DONE]

            """;

    static final int RECORDED_EVENTS = 24;

    static byte[] lf() {
        return RECORDED_STREAM.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] crlf() {
        return RECORDED_STREAM.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** What a handler saw, in a form that compares by value. */
    static final class Recorder implements SseEventHandler {
        final List<String> events = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void onEvent(String eventType, byte[] data) {
            events.add(eventType + "|" + new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void onMalformedLine(byte[] line) {
            malformed.add(new String(line, StandardCharsets.UTF_8));
        }
    }

    static List<String> parseWhole(byte[] bytes) {
        Recorder r = new Recorder();
        SseParser p = new SseParser(r);
        p.feed(bytes, 0, bytes.length);
        assertThat(p.finish()).isTrue();
        return r.events;
    }

    static List<String> parse(String... pieces) {
        return parseRecorder(pieces).events;
    }

    static Recorder parseRecorder(String... pieces) {
        Recorder r = new Recorder();
        SseParser p = new SseParser(r);
        for (String piece : pieces) {
            byte[] b = piece.getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
        }
        p.finish();
        return r;
    }

    @Nested
    class SplittingTheRecordedStream {

        @Test
        void wholeStreamGivesEveryDataEventInOrder() {
            List<String> events = parseWhole(lf());
            assertThat(events).hasSize(RECORDED_EVENTS);
            assertThat(events.get(0)).startsWith("null|{\"id\":\"chatcmpl-9a\"").contains("\"role\":\"assistant\"");
            assertThat(events.get(6)).contains("\"content\":\"日本\"");
            assertThat(events.get(12)).contains("😀");
            assertThat(events).last().isEqualTo("null|[DONE]");
        }

        @Test
        void crlfVariantGivesTheSameEvents() {
            assertThat(parseWhole(crlf())).isEqualTo(parseWhole(lf()));
        }

        @Test
        void loneCrVariantGivesTheSameEvents() {
            byte[] cr = RECORDED_STREAM.replace('\n', '\r').getBytes(StandardCharsets.UTF_8);
            assertThat(parseWhole(cr)).isEqualTo(parseWhole(lf()));
        }

        @Test
        void everySplitPositionOfARecordedStreamGivesTheSameEvents() {
            for (byte[] stream : List.of(lf(), crlf())) {
                List<String> expected = parseWhole(stream);
                for (int cut = 0; cut <= stream.length; cut++) {
                    Recorder r = new Recorder();
                    SseParser p = new SseParser(r);
                    p.feed(stream, 0, cut);
                    p.feed(stream, cut, stream.length - cut);
                    assertThat(p.finish()).as("clean end, cut at %d", cut).isTrue();
                    assertThat(r.events).as("cut at %d", cut).isEqualTo(expected);
                    assertThat(p.eventCount()).isEqualTo(RECORDED_EVENTS);
                }
            }
        }

        @Test
        void threePiecesAtManyPairsOfPositionsGiveTheSameEvents() {
            for (byte[] stream : List.of(lf(), crlf())) {
                List<String> expected = parseWhole(stream);
                int pairs = 0;
                for (int a = 0; a <= stream.length; a += 7) {
                    for (int b = a; b <= stream.length; b += 13) {
                        Recorder r = new Recorder();
                        SseParser p = new SseParser(r);
                        p.feed(stream, 0, a);
                        p.feed(stream, a, b - a);
                        p.feed(stream, b, stream.length - b);
                        assertThat(p.finish()).isTrue();
                        assertThat(r.events).as("cuts at %d and %d", a, b).isEqualTo(expected);
                        pairs++;
                    }
                }
                assertThat(pairs).isGreaterThan(10_000);
            }
        }

        @Test
        void oneByteAtATimeGivesTheSameEvents() {
            for (byte[] stream : List.of(lf(), crlf())) {
                Recorder r = new Recorder();
                SseParser p = new SseParser(r);
                for (int i = 0; i < stream.length; i++) p.feed(stream, i, 1);
                assertThat(p.finish()).isTrue();
                assertThat(r.events).isEqualTo(parseWhole(stream));
            }
        }

        @Test
        void byteBuffersGiveTheSameEventsAsArrays() {
            byte[] stream = crlf();
            List<String> expected = parseWhole(stream);
            for (boolean direct : new boolean[] {false, true}) {
                Recorder r = new Recorder();
                SseParser p = new SseParser(r);
                for (int off = 0; off < stream.length; off += 100) {
                    int n = Math.min(100, stream.length - off);
                    ByteBuffer buf;
                    if (direct) {
                        buf = ByteBuffer.allocateDirect(n).put(stream, off, n).flip();
                    } else {
                        buf = ByteBuffer.wrap(stream, off, n).slice();  // non-zero arrayOffset
                    }
                    p.feed(buf);
                    assertThat(buf.hasRemaining()).isFalse();
                }
                assertThat(p.finish()).isTrue();
                assertThat(r.events).as(direct ? "direct" : "heap").isEqualTo(expected);
            }
        }
    }

    @Nested
    class LineEndings {

        @Test
        void lfCrlfAndLoneCrEndLinesAlike() {
            assertThat(parse("data: a\n\n", "data: b\r\n\r\n", "data: c\r\r", "data: d\r\n\n", "data: e\n\r"))
                    .containsExactly("null|a", "null|b", "null|c", "null|d", "null|e");
        }

        @Test
        void crlfSplitBetweenTwoFeedsIsOneLineEnd() {
            assertThat(parse("data: a\r", "\ndata: b\r", "\n\r", "\n")).containsExactly("null|a\nb");
        }

        @Test
        void crAtTheEndOfAFeedFollowedByTextIsALoneCr() {
            assertThat(parse("data: a\r", "\r", "data: b\r", "\r")).containsExactly("null|a", "null|b");
        }
    }

    @Nested
    class Fields {

        @Test
        void multipleDataLinesAreJoinedWithLf() {
            assertThat(parse("data: one\ndata: two\ndata:three\n\n")).containsExactly("null|one\ntwo\nthree");
        }

        @Test
        void onlyOneLeadingSpaceIsRemovedFromAValue() {
            assertThat(parse("data:x\n\ndata: x\n\ndata:  x\n\ndata:x \n\n"))
                    .containsExactly("null|x", "null|x", "null| x", "null|x ");
        }

        @Test
        void aValueMayContainColons() {
            assertThat(parse("data: {\"a\":1}\n\n")).containsExactly("null|{\"a\":1}");
        }

        @Test
        void commentsAreIgnoredAndAreNotMalformed() {
            Recorder r = parseRecorder(":ping\n: more\ndata: x\n:\n\n");
            assertThat(r.events).containsExactly("null|x");
            assertThat(r.malformed).isEmpty();
        }

        @Test
        void aFieldWithoutColonHasAnEmptyValue() {
            assertThat(parse("data\n\n")).containsExactly("null|");
            assertThat(parse("data\ndata\n\n")).containsExactly("null|\n");
            assertThat(parse("data: a\ndata\n\n")).containsExactly("null|a\n");
        }

        @Test
        void anEmptyDataFieldStillMakesAnEvent() {
            assertThat(parse("data:\n\n")).containsExactly("null|");
        }

        @Test
        void anEventWithoutDataIsNotDispatchedAndItsTypeDoesNotLeak() {
            assertThat(parse("event: ping\n\n", "id: 7\n\n", "data: x\n\n")).containsExactly("null|x");
        }

        @Test
        void eventTypeIsTheLastEventFieldAndResetsAfterDispatch() {
            assertThat(parse("event: a\nevent: message_start\ndata: {}\n\ndata: {}\n\nevent:\ndata: y\n\n"))
                    .containsExactly("message_start|{}", "null|{}", "null|y");
        }

        @Test
        void repeatedEventTypesAreTheSameString() {
            List<String> types = new ArrayList<>();
            SseParser p = new SseParser((type, data) -> types.add(type));
            byte[] b = "event: content_block_delta\ndata: 1\n\nevent: content_block_delta\ndata: 2\n\n".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            assertThat(types).hasSize(2);
            assertThat(types.get(0)).isEqualTo("content_block_delta").isSameAs(types.get(1));
        }

        @Test
        void unknownFieldsAreIgnoredAndReportedAsMalformedLines() {
            Recorder r = parseRecorder("foo: bar\ndata: x\nDATA: y\nnonsense\n\n");
            assertThat(r.events).containsExactly("null|x");
            assertThat(r.malformed).containsExactly("foo: bar", "DATA: y", "nonsense");
        }

        @Test
        void idAndRetryAreKeptButAreNotData() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            byte[] b = "id: 42\nretry: 1500\ndata: x\n\nretry: 12a\nid: a\u0000b\n\n".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            assertThat(r.events).containsExactly("null|x");
            assertThat(p.lastEventId()).isEqualTo("42");
            assertThat(p.retryMillis()).isEqualTo(1500);
        }

        @Test
        void doneSentinelIsRecognisedExactly() {
            assertThat(SseParser.isDone("[DONE]".getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(SseParser.isDone("[DONE] ".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(SseParser.isDone("{}".getBytes(StandardCharsets.US_ASCII))).isFalse();
            assertThat(SseParser.isDone(null)).isFalse();
        }
    }

    @Nested
    class Bytes {

        @Test
        void utf8CharactersSplitAcrossFeedsArriveWhole() {
            byte[] b = "data: é日本😀\n\n".getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut <= b.length; cut++) {
                Recorder r = new Recorder();
                SseParser p = new SseParser(r);
                p.feed(b, 0, cut);
                p.feed(b, cut, b.length - cut);
                assertThat(r.events).as("cut at %d", cut).containsExactly("null|é日本😀");
            }
        }

        @Test
        void dataIsAFreshArrayTheHandlerMayKeep() {
            List<byte[]> kept = new ArrayList<>();
            SseParser p = new SseParser((type, data) -> kept.add(data));
            byte[] b = "data: first\n\ndata: 2nd\n\n".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            Arrays.fill(b, (byte) 'z');
            assertThat(kept).extracting(d -> new String(d, StandardCharsets.UTF_8)).containsExactly("first", "2nd");
        }

        @Test
        void veryLongLinesGrowTheBuffers() {
            int n = 3_000_000;
            StringBuilder sb = new StringBuilder(n + 32).append("data: ");
            for (int i = 0; i < n; i++) sb.append((char) ('a' + i % 26));
            sb.append("\ndata: tail\n\n");
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            List<byte[]> events = new ArrayList<>();
            SseParser p = new SseParser((type, data) -> events.add(data));
            for (int off = 0; off < b.length; off += 1000) p.feed(b, off, Math.min(1000, b.length - off));
            assertThat(p.finish()).isTrue();
            assertThat(events).hasSize(1);
            assertThat(events.get(0)).hasSize(n + 5);
            assertThat(new String(events.get(0), n - 3, 8, StandardCharsets.UTF_8)).endsWith("\ntail");
        }

        @Test
        void aLeadingByteOrderMarkIsSkippedEvenWhenSplit() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            byte[] body = "data: x\n\n".getBytes(StandardCharsets.UTF_8);
            byte[] b = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, b, 0, 3);
            System.arraycopy(body, 0, b, 3, body.length);
            for (int cut = 0; cut <= b.length; cut++) {
                Recorder r = new Recorder();
                SseParser p = new SseParser(r);
                p.feed(b, 0, cut);
                p.feed(b, cut, b.length - cut);
                assertThat(p.finish()).isTrue();
                assertThat(r.events).as("cut at %d", cut).containsExactly("null|x");
                assertThat(r.malformed).isEmpty();
            }
        }

        @Test
        void onlyOneByteOrderMarkIsSkippedAndOnlyAtTheStart() {
            Recorder twice = parseRecorder("\uFEFF\uFEFFdata: x\n\n");
            assertThat(twice.events).isEmpty();
            assertThat(twice.malformed).containsExactly("\uFEFFdata: x");
            Recorder later = parseRecorder("data: a\n\n", "\uFEFFdata: b\n\n");
            assertThat(later.events).containsExactly("null|a");
        }

        @Test
        void aBrokenByteOrderMarkPrefixStaysInTheFirstLine() {
            byte[] b = {(byte) 0xEF, (byte) 0xBB, 'x', '\n', 'd', 'a', 't', 'a', ':', 'y', '\n', '\n'};
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            p.feed(b, 0, 1);
            p.feed(b, 1, b.length - 1);
            assertThat(r.malformed).hasSize(1);
            assertThat(r.events).containsExactly("null|y");
        }
    }

    @Nested
    class EndOfInput {

        @Test
        void endingOnAnEventBoundaryIsClean() {
            SseParser p = new SseParser(new Recorder());
            byte[] b = "data: x\n\n: bye\n".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            assertThat(p.finish()).isTrue();
            assertThat(new SseParser(new Recorder()).finish()).as("empty stream").isTrue();
        }

        @Test
        void aPartialLineIsNotClean() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            byte[] b = "data: x\n\ndata: {\"trunc".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            assertThat(p.finish()).isFalse();
            assertThat(r.events).containsExactly("null|x");
        }

        @Test
        void aCompleteButUndispatchedEventIsDiscardedAndNotClean() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            byte[] b = "data: x\n\ndata: y\n".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            assertThat(p.finish()).isFalse();
            assertThat(r.events).containsExactly("null|x");
            assertThat(p.eventCount()).isEqualTo(1);
        }

        @Test
        void anEmptyReadRightAfterACarriageReturnIsHarmless() {             // found by SseParserFuzzTest
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            byte[] b = "data: x\r".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            p.feed(new byte[0], 0, 0);
            byte[] c = "\r\n".getBytes(StandardCharsets.UTF_8);
            p.feed(c, 0, c.length);
            assertThat(r.events).containsExactly("null|x");
        }

        @Test
        void resetMakesTheParserReadyForANewStream() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r);
            byte[] b = "data: x\n\ndata: partial".getBytes(StandardCharsets.UTF_8);
            p.feed(b, 0, b.length);
            p.reset();
            byte[] c = "\uFEFFdata: y\n\n".getBytes(StandardCharsets.UTF_8);
            p.feed(c, 0, c.length);
            assertThat(p.finish()).isTrue();
            assertThat(r.events).containsExactly("null|x", "null|y");
            assertThat(p.eventCount()).isEqualTo(1);
        }
    }

    @Nested
    class MaximumEventSize {

        private static final int LIMIT = 1024;

        @Test
        void aLineLongerThanTheLimitAcrossManyReadsFailsOnceWithTheLimitInTheMessage() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r, LIMIT);
            byte[] head = "data: ".getBytes(StandardCharsets.UTF_8);
            p.feed(head, 0, head.length);
            byte[] xs = new byte[100];
            Arrays.fill(xs, (byte) 'x');
            int failures = 0;
            String message = null;
            for (int read = 0; read < 1000; read++) {                // 100 kB of one endless line, 100 bytes a read
                try {
                    p.feed(xs, 0, xs.length);
                } catch (SseEventTooLargeException e) {
                    failures++;
                    message = e.getMessage();
                }
            }
            assertThat(failures).isEqualTo(1);
            assertThat(message).isEqualTo("SSE event larger than 1024 bytes (llmbench.maxEventBytes)");
            assertThat(p.overflowed()).isTrue();
            assertThat(p.retainedBytes()).as("buffers freed, not kept growing").isLessThanOrEqualTo(1024);
            assertThat(r.events).isEmpty();
            assertThat(p.finish()).as("an overflowed stream never ends cleanly").isFalse();
        }

        @Test
        void afterTheFailureTheRestOfTheStreamIsIgnoredUntilReset() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r, LIMIT);
            byte[] big = ("data: " + "y".repeat(LIMIT) + "\n\ndata: after\n\n").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> p.feed(big, 0, big.length)).isInstanceOf(SseEventTooLargeException.class);
            byte[] more = "data: later\n\n".getBytes(StandardCharsets.UTF_8);
            p.feed(more, 0, more.length);
            assertThat(r.events).isEmpty();

            p.reset();
            p.feed(more, 0, more.length);
            assertThat(r.events).containsExactly("null|later");
        }

        @Test
        void manyDataLinesThatJoinPastTheLimitFailTheEvent() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r, LIMIT);
            byte[] line = ("data: " + "z".repeat(99) + "\n").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) p.feed(line, 0, line.length);    // 20 x 100 bytes, no blank line
            }).isInstanceOf(SseEventTooLargeException.class).hasMessageContaining("larger than 1024 bytes");
            assertThat(r.events).isEmpty();
        }

        @Test
        void aLineOrEventOfExactlyTheLimitIsAccepted() {
            Recorder r = new Recorder();
            SseParser p = new SseParser(r, LIMIT);
            String value = "v".repeat(LIMIT - "data: ".length());
            ByteBuffer direct = ByteBuffer.allocateDirect(LIMIT + 2);
            direct.put(("data: " + value + "\n\n").getBytes(StandardCharsets.UTF_8)).flip();
            p.feed(direct);
            assertThat(r.events).containsExactly("null|" + value);
            assertThat(p.overflowed()).isFalse();
        }

        @Test
        void theDefaultLimitIsFourMebibytes() {
            assertThat(new SseParser(new Recorder()).maxEventBytes()).isEqualTo(4 * 1024 * 1024);
        }
    }
}
