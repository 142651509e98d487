package dev.llmbench.simulator;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/**
 * What the simulator does with an HTTP/1.1 connection between requests ({@link SimulatorConfig#keepAliveTimeout()}),
 * whatever the personality: keep it open (the default), close it after every response with {@code Connection: close},
 * or advertise {@code Keep-Alive: timeout=N} and close it once it has been idle for N seconds.
 *
 * <p>The idle close uses the reactor's socket timeout, which HttpCore's HTTP/1.1 server answers by closing the
 * connection: it is N while no request is under way (from the end of a response, or the accept) and the reactor's
 * default while one is, so a long prefill or a slow stream is never cut. Thread-safe (stateless; the counter is shared).
 */
final class ConnectionLifecycle implements Http1StreamListener {

    /** The socket timeout while a request is under way: HttpCore's default, as without this option. */
    private static final Timeout BUSY = IOReactorConfig.DEFAULT.getSoTimeout();

    private final Duration keepAlive;
    private final Timeout idle;
    private final String keepAliveHeader;

    ConnectionLifecycle(Duration keepAlive) {
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
    }

    @Override
    public void onResponseHead(HttpConnection connection, HttpResponse response) {
    }

    @Override
    public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
        if (idle != null && keepAlive) connection.setSocketTimeout(idle);
    }
}
