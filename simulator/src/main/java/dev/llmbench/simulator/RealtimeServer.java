package dev.llmbench.simulator;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's OpenAI Realtime text flow over WebSocket ({@code ws://host:port/v1/realtime?model=…}), served by
 * Java-WebSocket's {@link WebSocketServer} on a second port next to the HTTP server, sharing its {@link StepLoop},
 * {@link EmitLog} and rate limits. One {@link RealtimeSession} per connection holds the flow's state.
 *
 * <p>Threads: Java-WebSocket's one selector thread ({@code WebSocketSelector-N}) does all socket I/O; its decoder
 * workers ({@code WebSocketWorker-N}) call {@link #onMessage}; token deltas are sent from the step-loop thread as it
 * releases tokens (a send only queues the frame and wakes the selector). Thread-safe.
 */
final class RealtimeServer extends WebSocketServer {

    /** The request path the flow is served on (a {@code ?model=} query is accepted and ignored: the profile decides). */
    static final String PATH = "/v1/realtime";

    final ServerState state;
    final AtomicLong eventIds = new AtomicLong();
    final AtomicLong itemIds = new AtomicLong();
    private final AtomicInteger opened = new AtomicInteger();
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    RealtimeServer(ServerState state, String host, int port) {
        super(new InetSocketAddress(host, port));
        this.state = state;
        setReuseAddr(true);
        setTcpNoDelay(true);        // as on the HTTP side: Nagle would hold back small delta frames
        setConnectionLostTimeout(0); // no pings: a benchmark's idle connection is the client's business
        setDaemon(true);
    }

    /** Starts the server and waits until it listens; returns the bound port. */
    int startAndAwait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("realtime server did not start within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the realtime server", e);
        }
        if (startFailure != null) throw new IllegalStateException("realtime server could not listen: " + startFailure, startFailure);
        return getPort();
    }

    /** WebSocket connections accepted on {@link #PATH} since the start. */
    int connectionsOpened() {
        return opened.get();
    }

    /** {@code ws://host:port/v1/realtime}. */
    static URI uri(String host, int port) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("ws://" + h + ":" + port + PATH);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String path = handshake.getResourceDescriptor();
        int q = path.indexOf('?');
        if (!(q < 0 ? path : path.substring(0, q)).equals(PATH)) {
            conn.close(1008, "unknown path; the Realtime flow is served on " + PATH);
            return;
        }
        opened.incrementAndGet();
        RealtimeSession session = new RealtimeSession(this, conn);
        conn.setAttachment(session);
        session.opened();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        RealtimeSession s = conn.getAttachment();
        if (s != null) s.onMessage(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        RealtimeSession s = conn.getAttachment();
        if (s != null) s.closed();
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {                 // the server itself: binding failed
            startFailure = ex;
            started.countDown();
        }
    }

    /** Stops the server, closing every connection. */
    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
