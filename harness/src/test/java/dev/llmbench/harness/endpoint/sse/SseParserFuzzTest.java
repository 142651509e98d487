package dev.llmbench.harness.endpoint.sse;

import dev.llmbench.harness.endpoint.Fuzz;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the SSE parser over generated streams and arbitrary bytes (see {@link Fuzz} for tries and seed). */
class SseParserFuzzTest {

    private static final String[] TEXT = {"a", "data", " ", ":", "{\"k\":1}", "é", "日本", "😀", "[DONE]", "\t", "x".repeat(40)};
    private static final String[] EOL = {"\n", "\r\n", "\r"};

    /** A valid event stream with the events it holds, as "type|data" strings. */
    record Stream(byte[] bytes, List<String> events) { }

    static Stream validStream(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        List<String> events = new ArrayList<>();
        if (rnd.nextInt(4) == 0) sb.append('\uFEFF');
        int n = rnd.nextInt(12);
        String eol = EOL[rnd.nextInt(EOL.length)];   // one per stream: a CR line end and a LF blank line would be one CRLF
        for (int e = 0; e < n; e++) {
            if (rnd.nextInt(3) == 0) sb.append(':').append(text(rnd)).append(eol);
            String type = null;
            if (rnd.nextInt(3) == 0) {
                type = "t" + rnd.nextInt(3);
                sb.append("event: ").append(type).append(eol);
            }
            if (rnd.nextInt(4) == 0) sb.append("id: ").append(rnd.nextInt(100)).append(eol);
            if (rnd.nextInt(5) == 0) sb.append("retry: ").append(rnd.nextInt(5000)).append(eol);
            List<String> lines = new ArrayList<>();
            int dataLines = 1 + rnd.nextInt(3);
            for (int d = 0; d < dataLines; d++) {
                String value = text(rnd);
                lines.add(value);
                sb.append(value.startsWith(" ") || rnd.nextBoolean() ? "data: " : "data:").append(value).append(eol);
            }
            sb.append(eol);
            events.add(type + "|" + String.join("\n", lines));
        }
        return new Stream(sb.toString().getBytes(StandardCharsets.UTF_8), events);
    }

    private static String text(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        int k = rnd.nextInt(6);
        for (int i = 0; i < k; i++) sb.append(TEXT[rnd.nextInt(TEXT.length)]);
        return sb.toString();
    }

    @Test
    void anySplitOfAValidStreamGivesTheSameEventsAsOneRead() {
        Fuzz.check("split stream", (rnd, t) -> {
            Stream s = validStream(rnd);
            SseParserTest.Recorder whole = new SseParserTest.Recorder();
            SseParser one = new SseParser(whole);
            one.feed(s.bytes(), 0, s.bytes().length);
            assertThat(one.finish()).isTrue();
            assertThat(whole.events).isEqualTo(s.events());

            SseParserTest.Recorder pieces = new SseParserTest.Recorder();
            SseParser split = new SseParser(pieces);
            byte[] b = s.bytes();
            int at = 0;
            while (at < b.length) {
                int len = Math.min(b.length - at, rnd.nextInt(4) == 0 ? 1 : 1 + rnd.nextInt(64));
                switch (rnd.nextInt(3)) {
                    case 0 -> split.feed(b, at, len);
                    case 1 -> split.feed(ByteBuffer.wrap(Arrays.copyOfRange(b, at, at + len)));
                    default -> split.feed(ByteBuffer.allocateDirect(len).put(b, at, len).flip());
                }
                at += len;
            }
            assertThat(split.finish()).isTrue();
            assertThat(pieces.events).as("events of a stream split anywhere").isEqualTo(s.events());
        });
    }

    @Test
    void arbitraryBytesOnlyEverRaiseTheParsersOwnErrorAndNeverBufferPastTheLimit() {
        Fuzz.check("arbitrary bytes", (rnd, t) -> {
            int limit = 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 4096);
            List<byte[]> events = new ArrayList<>();
            SseParser p = new SseParser(new SseEventHandler() {
                @Override public void onEvent(String type, byte[] data) { events.add(data); }
                @Override public void onMalformedLine(byte[] line) { events.add(line); }
            }, limit);
            boolean failed = false;
            int reads = 1 + rnd.nextInt(40);
            for (int r = 0; r < reads; r++) {
                byte[] b = Fuzz.bytes(rnd, 300);
                try {
                    p.feed(b, 0, b.length);
                } catch (SseEventTooLargeException e) {
                    assertThat(failed).as("the limit error comes once").isFalse();
                    assertThat(e.limit()).isEqualTo(limit);
                    failed = true;
                }
                assertThat(p.retainedBytes()).isLessThanOrEqualTo(2L * Math.max(limit, 512));
            }
            for (byte[] e : events) assertThat(e.length).isLessThanOrEqualTo(limit);
            assertThat(p.overflowed()).isEqualTo(failed);
            p.finish();
        });
    }

    @Test
    void aValidStreamAfterGarbageAndResetParsesAsIfFresh() {
        Fuzz.check("reset after garbage", (rnd, t) -> {
            SseParserTest.Recorder r = new SseParserTest.Recorder();
            SseParser p = new SseParser(r, 2048);                 // above any generated valid event
            byte[] garbage = Fuzz.bytes(rnd, 6000);
            try {
                p.feed(garbage, 0, garbage.length);
            } catch (SseEventTooLargeException expected) {
                // fine: the garbage held a long line
            }
            p.reset();
            r.events.clear();
            Stream s = validStream(rnd);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(s.bytes());
            p.feed(all.toByteArray(), 0, all.size());
            assertThat(r.events).isEqualTo(s.events());
        });
    }
}
