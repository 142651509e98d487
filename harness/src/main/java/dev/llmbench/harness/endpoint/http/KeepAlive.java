package dev.llmbench.harness.endpoint.http;

import org.apache.hc.client5.http.ConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * How long a pooled connection may stay idle: shorter than the server's {@code Keep-Alive: timeout=N}, so the pool
 * discards it before the server closes it (the server's clock starts when it wrote the response, ours when we read it,
 * and a request sent in that gap meets a closed connection). Without the header, HttpClient's default applies;
 * {@code Connection: close} is honoured by HttpClient's reuse strategy, so such a connection is never pooled.
 * Stateless, thread-safe.
 */
final class KeepAlive implements ConnectionKeepAliveStrategy {

    /** Taken off the server's idle timeout; a timeout of at most twice this is halved instead. */
    static final long MARGIN_MILLIS = 1_000;

    @Override
    public TimeValue getKeepAliveDuration(HttpResponse response, HttpContext context) {
        TimeValue server = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(response, context);
        if (!response.containsHeader("Keep-Alive") || server == null || server.toMilliseconds() <= 0) return server;
        long millis = server.toMilliseconds();
        return TimeValue.ofMilliseconds(millis > 2 * MARGIN_MILLIS ? millis - MARGIN_MILLIS : millis / 2);
    }
}
