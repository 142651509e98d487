package dev.llmbench.harness.endpoint.sse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental parser of a {@code text/event-stream} body, working on bytes, following the WHATWG
 * "event stream interpretation" rules (HTML Living Standard, server-sent events).
 *
 * <p>Built for the HTTP client's I/O thread: bytes are fed as they arrive, split anywhere (inside a line, inside a
 * CRLF pair, inside a UTF-8 character); no regex, no decoding of data to {@code String}, no allocation per byte.
 * Its only allocations in steady state are the array handed to {@link SseEventHandler#onEvent} per event; a line or
 * event longer than the buffers grows them by doubling (amortised linear copying), up to a limit.
 *
 * <p><b>Memory is bounded.</b> A line, and an event's joined data, may hold at most {@code maxEventBytes} bytes
 * (default {@value #DEFAULT_MAX_EVENT_BYTES}); crossing that makes {@link #feed} throw an
 * {@link SseEventTooLargeException} once, free its buffers, and ignore every later byte until {@link #reset()} (a
 * server that sends an endless line costs at most the limit, never the heap).
 *
 * <p>Rules implemented:
 * <ul>
 *   <li>Lines end with LF, CRLF or a lone CR; a CRLF split between two feeds counts once.</li>
 *   <li>A blank line dispatches the pending event when it has data (an event without any {@code data} field is
 *       discarded, as the spec says).</li>
 *   <li>{@code field:value} with one optional space after the colon removed; a line without a colon is a field
 *       with an empty value ({@code "data"} alone appends an empty data line).</li>
 *   <li>{@code data} lines are joined with {@code '\n'}; {@code event} sets the type of the pending event;
 *       {@code id} (without NUL) sets {@link #lastEventId()}; {@code retry} (ASCII digits only) sets
 *       {@link #retryMillis()}; lines starting with {@code ':'} are comments; any other field is ignored and reported
 *       to {@link SseEventHandler#onMalformedLine}.</li>
 *   <li>One leading UTF-8 byte order mark ({@code EF BB BF}) is skipped, even when split across feeds.</li>
 *   <li>At the end of input ({@link #finish()}) a pending event that was not followed by a blank line is discarded.</li>
 * </ul>
 *
 * <p>Not thread-safe: use one parser per stream, from one thread at a time.
 */
public final class SseParser {

    /** The default largest line or event in bytes: 4 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;

    private static final int INITIAL_CAPACITY = 512;
    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    /** Reads 8 bytes of a byte[] at any index as one little-endian long: the word-at-a-time line-end scan. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_WORD = 0x0A0A0A0A0A0A0A0AL;
    private static final long CR_WORD = 0x0D0D0D0D0D0D0D0DL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final SseEventHandler handler;
    private final int maxEventBytes;
    /** A line or an event crossed the limit: everything is ignored until {@link #reset()}. */
    private boolean overflowed;

    /** The start of a line that did not end in the bytes fed so far. */
    private byte[] line = new byte[INITIAL_CAPACITY];
    private int lineLength;
    /** The pending event's data lines, joined with LF. */
    private byte[] data = new byte[INITIAL_CAPACITY];
    private int dataLength;
    /** Whether the pending event has seen a {@code data} field (an empty one counts). */
    private boolean hasData;
    /** The pending event's type, null when none. */
    private String eventType;
    /** The last event type seen, reused while the bytes repeat (no String per event). */
    private String cachedEventType;
    private String lastEventId = "";
    private long retryMillis = -1;
    /** The last byte fed was a CR: a LF first in the next feed belongs to it. */
    private boolean afterCr;
    /** Bytes of the leading BOM matched so far; -1 once the start of the stream is past. */
    private int bomMatched;
    private long eventCount;
    /** Scratch for direct {@link ByteBuffer}s. */
    private byte[] scratch;

    /** A parser with the default limit of {@value #DEFAULT_MAX_EVENT_BYTES} bytes per line and per event. */
    public SseParser(SseEventHandler handler) {
        this(handler, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * @param maxEventBytes the largest line (without its terminator) and the largest event (its data lines joined) in
     *                      bytes, at least 1; a longer one makes {@link #feed} throw {@link SseEventTooLargeException}
     */
    public SseParser(SseEventHandler handler, int maxEventBytes) {
        if (handler == null) throw new IllegalArgumentException("handler must not be null");
        if (maxEventBytes < 1) throw new IllegalArgumentException("maxEventBytes must be >= 1, was " + maxEventBytes);
        this.handler = handler;
        this.maxEventBytes = maxEventBytes;
    }

    /** The largest line or event in bytes this parser accepts. */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /**
     * Bytes this parser holds for the pending line and event (its two buffers' capacities, whatever their use): at most
     * {@code 2 * max(maxEventBytes, 512)}, and back to 1 KiB after a line or an event crossed the limit.
     */
    public long retainedBytes() {
        return (long) line.length + data.length;
    }

    /** Whether a line or an event crossed the limit (the parser then ignores input until {@link #reset()}). */
    public boolean overflowed() {
        return overflowed;
    }

    /** Whether an event's data is the OpenAI end-of-stream sentinel {@code [DONE]}. */
    public static boolean isDone(byte[] data) {
        return data != null && Arrays.equals(data, DONE);
    }

    /**
     * Consumes all remaining bytes of {@code src} (its position ends at its limit).
     *
     * @throws SseEventTooLargeException once, when a line or an event crosses the limit (see the class comment)
     */
    public void feed(ByteBuffer src) {
        int n = src.remaining();
        if (n == 0) return;
        if (overflowed) {
            src.position(src.limit());
            return;
        }
        if (src.hasArray()) {
            int pos = src.position();
            src.position(pos + n);
            feed(src.array(), src.arrayOffset() + pos, n);
            return;
        }
        if (scratch == null) scratch = new byte[8192];
        while (src.hasRemaining()) {
            int k = Math.min(scratch.length, src.remaining());
            src.get(scratch, 0, k);
            try {
                feed(scratch, 0, k);
            } catch (SseEventTooLargeException e) {
                src.position(src.limit());
                throw e;
            }
        }
    }

    /**
     * Consumes {@code len} bytes of {@code b} from {@code off}. The parser keeps no reference to {@code b}.
     *
     * @throws SseEventTooLargeException once, when a line or an event crosses the limit (see the class comment)
     */
    public void feed(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
        }
        if (overflowed || len == 0) return;
        int i = off;
        final int end = off + len;
        if (bomMatched >= 0) {
            i = skipBom(b, i, end);
            if (i == end) return;
        }
        if (afterCr) {
            afterCr = false;
            if (b[i] == LF && ++i == end) return;
        }
        while (i < end) {
            int eol = indexOfLineEnd(b, i, end);
            if (eol < 0) {
                appendLine(b, i, end - i);
                return;
            }
            if (lineLength == 0) {
                if (eol - i > maxEventBytes) throw overflow();
                processLine(b, i, eol);           // the whole line is in this feed: no copy
            } else {
                appendLine(b, i, eol - i);
                int n = lineLength;
                lineLength = 0;                   // before processLine: a throwing handler leaves a clean state
                processLine(line, 0, n);
            }
            i = eol + 1;
            if (b[eol] == CR) {
                if (i == end) {
                    afterCr = true;
                } else if (b[i] == LF) {
                    i++;
                }
            }
        }
    }

    /**
     * End of input. A partial line and a pending event that no blank line dispatched are discarded (per spec).
     *
     * @return true when the stream ended cleanly on an event boundary: no partial line and no undispatched data
     *         pending (a pending {@code event}/{@code id} field without data is not an event and does not count)
     */
    public boolean finish() {
        boolean clean = lineLength == 0 && !hasData && bomMatched <= 0 && !overflowed;
        lineLength = 0;
        dataLength = 0;
        hasData = false;
        eventType = null;
        afterCr = false;
        bomMatched = -1;
        return clean;
    }

    /** Forgets everything, including {@link #eventCount()}, {@link #lastEventId()} and {@link #retryMillis()}: ready for a new stream. */
    public void reset() {
        finish();
        overflowed = false;
        bomMatched = 0;
        eventCount = 0;
        lastEventId = "";
        retryMillis = -1;
    }

    /** Events dispatched so far. */
    public long eventCount() {
        return eventCount;
    }

    /** The last {@code id} field's value (the spec's "last event ID"), "" when none. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The last valid {@code retry} field's value in milliseconds, or -1 when none. */
    public long retryMillis() {
        return retryMillis;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private int skipBom(byte[] b, int i, int end) {
        while (i < end) {
            if (b[i] == BOM[bomMatched]) {
                i++;
                if (++bomMatched == BOM.length) {
                    bomMatched = -1;
                    return i;
                }
            } else {
                appendLine(BOM, 0, bomMatched);   // not a BOM after all: those bytes start the first line
                bomMatched = -1;
                return i;
            }
        }
        return i;
    }

    /** Index of the first CR or LF in {@code b[from, end)}, or -1; eight bytes at a time. */
    private static int indexOfLineEnd(byte[] b, int from, int end) {
        int i = from;
        for (int last = end - 8; i <= last; i += 8) {
            long x = (long) LONGS.get(b, i);
            long lf = x ^ LF_WORD;
            long cr = x ^ CR_WORD;
            // a byte of lf/cr is zero where x had LF/CR; borrows only make false hits above a true one,
            // so the lowest flagged byte is exact
            long hits = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGHS;
            if (hits != 0) return i + (Long.numberOfTrailingZeros(hits) >>> 3);
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == LF || c == CR) return i;
        }
        return -1;
    }

    private void appendLine(byte[] b, int off, int len) {
        if (len == 0) return;
        int need = lineLength + len;
        if (need > maxEventBytes || need < 0) throw overflow();
        if (need > line.length) line = Arrays.copyOf(line, grow(need, line.length));
        System.arraycopy(b, off, line, lineLength, len);
        lineLength = need;
    }

    /** Doubles, but never past the limit. */
    private int grow(int need, int capacity) {
        return (int) Math.min(maxEventBytes, Math.max(need, 2L * capacity));
    }

    /** Frees the buffers, forgets the pending line and event, and stops the parser until {@link #reset()}. */
    private SseEventTooLargeException overflow() {
        finish();
        overflowed = true;
        line = new byte[INITIAL_CAPACITY];
        data = new byte[INITIAL_CAPACITY];
        return new SseEventTooLargeException(maxEventBytes);
    }

    private void processLine(byte[] b, int start, int end) {
        if (start == end) {
            dispatch();
            return;
        }
        if (b[start] == ':') return;                                       // comment
        int colon = start;
        while (colon < end && b[colon] != ':') colon++;
        int value = colon;
        if (colon < end) {
            value = colon + 1;
            if (value < end && b[value] == ' ') value++;
        }
        int nameLength = colon - start;
        if (nameLength == 4 && b[start] == 'd' && b[start + 1] == 'a' && b[start + 2] == 't' && b[start + 3] == 'a') {
            appendData(b, value, end);
        } else if (nameLength == 5 && b[start] == 'e' && b[start + 1] == 'v' && b[start + 2] == 'e'
                && b[start + 3] == 'n' && b[start + 4] == 't') {
            eventType = value == end ? null : eventTypeOf(b, value, end);
        } else if (nameLength == 2 && b[start] == 'i' && b[start + 1] == 'd') {
            setLastEventId(b, value, end);
        } else if (nameLength == 5 && b[start] == 'r' && b[start + 1] == 'e' && b[start + 2] == 't'
                && b[start + 3] == 'r' && b[start + 4] == 'y') {
            setRetry(b, value, end);
        } else {
            handler.onMalformedLine(Arrays.copyOfRange(b, start, end));
        }
    }

    private void appendData(byte[] b, int from, int to) {
        int len = to - from;
        int need = dataLength + len + (hasData ? 1 : 0);
        if (need > maxEventBytes || need < 0) throw overflow();
        if (need > data.length) data = Arrays.copyOf(data, grow(need, data.length));
        if (hasData) data[dataLength++] = LF;
        System.arraycopy(b, from, data, dataLength, len);
        dataLength += len;
        hasData = true;
    }

    private void dispatch() {
        if (!hasData) {
            eventType = null;
            return;
        }
        byte[] event = Arrays.copyOf(data, dataLength);
        String type = eventType;
        dataLength = 0;
        hasData = false;
        eventType = null;
        eventCount++;
        handler.onEvent(type, event);
    }

    private String eventTypeOf(byte[] b, int from, int to) {
        String cached = cachedEventType;
        if (cached != null && sameChars(cached, b, from, to)) return cached;
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (isAscii(b, from, to)) cachedEventType = s;
        return s;
    }

    /** Whether {@code s} is these bytes one char per byte (so, for an ASCII {@code s}, their UTF-8 text). */
    private static boolean sameChars(String s, byte[] b, int from, int to) {
        if (s.length() != to - from) return false;
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) != b[from + k]) return false;
        return true;
    }

    private static boolean isAscii(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) if (b[k] < 0) return false;
        return true;
    }

    private void setLastEventId(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) if (b[k] == 0) return;             // ids containing NUL are ignored
        if (isAscii(b, from, to) && sameChars(lastEventId, b, from, to)) return;
        lastEventId = new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private void setRetry(byte[] b, int from, int to) {
        if (from == to) return;
        long v = 0;
        for (int k = from; k < to; k++) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) return;                                     // not only ASCII digits: ignored
            if (v > (Long.MAX_VALUE - d) / 10) return;                       // overflow: ignored
            v = v * 10 + d;
        }
        retryMillis = v;
    }
}
