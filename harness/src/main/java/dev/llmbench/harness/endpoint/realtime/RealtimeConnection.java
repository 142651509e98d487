package dev.llmbench.harness.endpoint.realtime;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.ProtocolException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WebSocket connection of a {@link RealtimeEndpoint}, carrying at most one request at a time.
 *
 * <p>Threads (Java-WebSocket's client model): the endpoint runs {@link #run()} on a reader thread of its own
 * ({@code llmbench-io-N}) that connects, then reads and decodes every frame and calls {@link #onMessage}; Java-WebSocket
 * starts one writer thread per connection ({@code WebSocketWriteThread-N}) that writes what {@code send} queued.
 * {@link #onMessage} takes {@link System#nanoTime()} before anything else, parses the event on the reader thread
 * and queues it for the endpoint's listener thread.
 */
final class RealtimeConnection extends WebSocketClient {

    /** Java-WebSocket's close message for a handshake answered with another status than 101. */
    private static final Pattern HANDSHAKE_STATUS = Pattern.compile("Invalid status code received: (\\d{3})");

    private final RealtimeEndpoint endpoint;
    /** The request on this connection, or null while idle. Set by the sender, cleared by the listener thread. */
    volatile RealtimeRequest current;
    /** The last I/O error Java-WebSocket reported (it then closes): the reason given for the close. */
    private volatile Exception lastError;
    /** The latest {@code rate_limits.updated}, as headers. Listener thread only. */
    Map<String, String> rateLimits = Map.of();

    RealtimeConnection(RealtimeEndpoint endpoint, URI uri, Map<String, String> headers, int connectTimeoutMillis, RealtimeRequest first) {
        super(uri, new Draft_6455(), headers, connectTimeoutMillis);
        this.endpoint = endpoint;
        this.current = first;
        setTcpNoDelay(true);          // small frames both ways: Nagle would hold the request's frames back
        setConnectionLostTimeout(0);  // no ping timer thread; a dead peer shows up as a read error or a timeout
        setDaemon(true);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        endpoint.adoptWriterThread();
        send(RealtimeWire.SESSION_UPDATE);
        RealtimeRequest r = current;
        if (r != null) endpoint.write(this, r);
    }

    @Override
    public void onMessage(String message) {
        long nanos = System.nanoTime();
        RealtimeRequest r = current;
        if (r != null) r.lastReadNanos = nanos;
        RealtimeEvent e;
        try {
            e = RealtimeWire.parse(message, nanos, this, r, endpoint.redactor);
        } catch (ProtocolException pe) {
            String text = endpoint.redactor.redact(pe.getMessage());
            if (pe.serverData() != null) text += ": " + RealtimeWire.preview(pe.serverData(), endpoint.redactor);
            e = RealtimeEvent.failed(this, r, nanos, Failure.of(FailureKind.PROTOCOL_ERROR, text));
        }
        if (r != null && e.type == RealtimeEvent.Type.TEXT_DELTA) r.firstOutputSeen = true;
        endpoint.offer(e);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        long nanos = System.nanoTime();
        endpoint.offer(RealtimeEvent.failed(this, current, nanos,
                Failure.of(FailureKind.PROTOCOL_ERROR, "binary WebSocket frame (" + bytes.remaining() + " bytes) in a text-only session")));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        long nanos = System.nanoTime();
        endpoint.connectionClosed(this);
        RealtimeRequest r = current;
        if (r == null) return;
        endpoint.offer(RealtimeEvent.failed(this, r, nanos, closeFailure(code, reason, remote, lastError)));
    }

    @Override
    public void onError(Exception ex) {
        lastError = ex;
    }

    /** Why a connection that carried a request went away, typed. */
    private Failure closeFailure(int code, String reason, boolean remote, Exception error) {
        String why = reason == null || reason.isEmpty() ? (error == null ? "" : String.valueOf(error)) : reason;
        Matcher m = HANDSHAKE_STATUS.matcher(why);
        if (m.find()) {
            int status = Integer.parseInt(m.group(1));
            FailureKind kind = status == 429 ? FailureKind.RATE_LIMITED : FailureKind.HTTP_STATUS;
            return new Failure(kind, status, endpoint.redactor.redact("WebSocket upgrade refused with HTTP " + status), -1);
        }
        if (code == CloseFrame.NEVER_CONNECTED && error instanceof SocketTimeoutException)
            return Failure.of(FailureKind.CONNECT_TIMEOUT, endpoint.redactor.redact("connect timed out: " + error.getMessage()));
        String what = code == CloseFrame.NEVER_CONNECTED ? "could not connect"
                : remote ? "connection closed by the server" : "connection closed";
        return Failure.of(FailureKind.CONNECTION_ERROR, endpoint.redactor.redact(what + " (WebSocket close code " + code
                + (why.isEmpty() ? "" : ": " + why) + ")"));
    }
}
