package dev.llmbench.simulator;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http2.frame.RawFrame;
import org.apache.hc.core5.http2.impl.nio.H2StreamListener;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the simulator does with an HTTP/1.1 connection between requests ({@link SimulatorConfig#keepAliveTimeout()}),
 * whatever the personality: keep it open (the default), close it after every response with {@code Connection: close},
 * or advertise {@code Keep-Alive: timeout=N} and close it once it has been idle for N seconds.
 *
 * <p>Also the most requests one connection serves ({@link SimulatorConfig#maxRequestsPerConnection()}, nginx's
 * {@code keepalive_requests}): over HTTP/1.1 the last one is answered with {@code Connection: close}; over HTTP/2 the
 * connection is shut down gracefully when the last one arrives — a GOAWAY naming it as the last stream, the streams
 * up to it answered in full, any later stream the client opened refused, and the connection closed once they end.
 *
 * <p>The idle close uses the reactor's socket timeout, which HttpCore's HTTP/1.1 server answers by closing the
 * connection: it is N while no request is under way (from the end of a response, or the accept) and the reactor's
 * default while one is, so a long prefill or a slow stream is never cut. Thread-safe (stateless; the counter is shared).
 */
final class ConnectionLifecycle implements Http1StreamListener, H2StreamListener {

    /** The socket timeout while a request is under way: HttpCore's default, as without this option. */
    private static final Timeout BUSY = IOReactorConfig.DEFAULT.getSoTimeout();

    private final Duration keepAlive;
    private final Timeout idle;
    private final String keepAliveHeader;
    private final int maxRequests;
    /** HTTP/1.1 requests seen per open connection (weak keys: a closed connection is forgotten). */
    private final Map<HttpConnection, int[]> requestsSeen = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param keepAlive   see {@link SimulatorConfig#keepAliveTimeout()} (null for HTTP/2)
     * @param maxRequests see {@link SimulatorConfig#maxRequestsPerConnection()}, 0 = unlimited
     */
    ConnectionLifecycle(Duration keepAlive, int maxRequests) {
        this.maxRequests = maxRequests;
        this.keepAlive = keepAlive;
        this.idle = keepAlive == null || keepAlive.isZero() ? null : Timeout.of(keepAlive);
        this.keepAliveHeader = idle == null ? null : "timeout=" + keepAlive.toSeconds();
    }

    /** Whether connections are closed when idle (a positive keep-alive timeout). */
    boolean closesIdle() {
        return idle != null;
    }

    /** The reactor's socket timeout for new connections: the idle timeout, so one that never sends a request closes too. */
    Timeout initialSocketTimeout() {
        return idle != null ? idle : BUSY;
    }

    /** Adds this lifecycle's connection headers to a response (built with a null timeout for HTTP/2, which forbids them). */
    void decorate(HttpResponse response) {
        if (keepAlive == null) return;
        if (keepAlive.isZero()) {
            response.setHeader("Connection", "close");
        } else if (!response.containsHeader("Keep-Alive")) {
            response.addHeader("Keep-Alive", keepAliveHeader);
        }
    }

    @Override
    public void onRequestHead(HttpConnection connection, HttpRequest request) {
        if (idle != null) connection.setSocketTimeout(BUSY);
        if (maxRequests > 0 && ++requestsSeen.computeIfAbsent(connection, c -> new int[1])[0] >= maxRequests) {
            // HttpCore decides reuse from the request's Connection header and adds Connection: close to the response.
            request.setHeader("Connection", "close");
        }
    }

    @Override
    public void onResponseHead(HttpConnection connection, HttpResponse response) {
    }

    @Override
    public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
        if (idle != null && keepAlive) connection.setSocketTimeout(idle);
    }

    // ---------------------------------------------------------------- HTTP/2

    @Override
    public void onHeaderInput(HttpConnection connection, int streamId, List<? extends Header> headers) {
        // Client streams are odd, numbered 1, 3, 5, ...: stream (2n - 1) is the connection's n-th request.
        if (maxRequests > 0 && (streamId + 1) / 2 == maxRequests) {
            try {
                connection.close();             // HttpCore: a graceful shutdown, GOAWAY with the last stream processed
            } catch (IOException e) {
                // the connection is already going
            }
        }
    }

    @Override public void onHeaderOutput(HttpConnection connection, int streamId, List<? extends Header> headers) { }
    @Override public void onFrameInput(HttpConnection connection, int streamId, RawFrame frame) { }
    @Override public void onFrameOutput(HttpConnection connection, int streamId, RawFrame frame) { }
    @Override public void onInputFlowControl(HttpConnection connection, int streamId, int delta, int actualSize) { }
    @Override public void onOutputFlowControl(HttpConnection connection, int streamId, int delta, int actualSize) { }
}
