package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.EndpointDescription;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.HttpVersion;
import dev.llmbench.harness.endpoint.ProtocolException;
import dev.llmbench.harness.endpoint.Redactor;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.WireProtocol;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link Endpoint} over Apache HttpClient 5 async (HTTP/1.1 or h2) for any streaming JSON-over-HTTP protocol.
 *
 * <p>Three kinds of thread: the I/O reactor threads (named {@code llmbench-io-N}) timestamp reads and frame SSE
 * events; one decoder thread ({@code llmbench-decoder}) runs the {@link StreamDecoder} and every listener call; one
 * watchdog thread enforces the first-token, idle and total timeouts. Thread-safe.
 */
public final class HttpStreamingEndpoint implements Endpoint {

    /** How often the watchdog looks for timed-out requests; timeouts are enforced to within this. */
    private static final long WATCHDOG_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * How long a response may go on after its final event ({@code [DONE]}) before its connection is closed: a server
     * that never ends the body would otherwise hold the pooled connection forever and starve the next requests.
     */
    static final long LINGER_AFTER_FINAL_EVENT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Pool size when neither the configuration nor the load bounds concurrency. */
    private static final int UNBOUNDED_POOL = 10_000;
    /** Kept-alive connections remembered for {@link #answeredBefore}; past it the memory starts over. */
    private static final int MAX_REMEMBERED_CONNECTIONS = 10_000;
    /** Characters of a server's bytes quoted in a protocol error. */
    private static final int PREVIEW_CHARS = 200;

    final EventPipe<PipeEvent> pipe = new EventPipe<>();
    private final EndpointConfig config;
    private final WireProtocol protocol;
    private final URI requestUri;
    private final boolean hasApiKey;
    private final Map<String, String> protocolHeaders;   // the key's headers (values never leave the request)
    /** Every text from the server passes this before it reaches a listener, a message or stderr. */
    final Redactor redactor;
    private final ClientThreads threads = new ClientThreads(this::onClientFault);
    private final CloseableHttpAsyncClient client;
    private final PoolingAsyncClientConnectionManager pool;
    private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * Connections ("local<->remote") that carried a response: one of them closing before the next response's first byte
     * was a kept-alive connection the server closed, so the request never reached it ({@link Exchange}). Bounded.
     */
    private final Set<String> answeredConnections = ConcurrentHashMap.newKeySet();
    /** Finished on the decoder (final event seen) while the response body had not ended: closed if it does not soon. */
    private final Set<Exchange> lingering = ConcurrentHashMap.newKeySet();
    private final Thread decoderThread;
    private final Thread watchdogThread;
    private volatile boolean closed;
    /** Why the client failed itself (an I/O thread died, or an I/O callback caught an Error); null while sound. */
    private volatile String clientFault;

    /**
     * @param expectedConcurrency the most requests the load will keep in flight (0 = unbounded); sizes the pool so
     *                            it never silently caps a load tier
     */
    public HttpStreamingEndpoint(EndpointConfig config, WireProtocol protocol, int expectedConcurrency) {
        this.config = config;
        this.protocol = protocol;
        this.requestUri = URI.create(config.baseUri() + protocol.path());
        String key = config.resolveApiKey();
        this.protocolHeaders = protocol.headers(key);
        this.hasApiKey = key != null;
        this.redactor = Redactor.forEndpoint(key, config.headers());

        int poolSize = config.maxConnections() > 0 ? config.maxConnections()
                : expectedConcurrency > 0 ? expectedConcurrency + 8 : UNBOUNDED_POOL;
        HttpVersionPolicy policy = switch (config.httpVersion()) {
            case HTTP_1_1 -> HttpVersionPolicy.FORCE_HTTP_1;
            case HTTP_2 -> HttpVersionPolicy.FORCE_HTTP_2;
            case NEGOTIATE -> HttpVersionPolicy.NEGOTIATE;
        };
        long idleMillis = config.timeouts().idle().isZero() ? 0 : config.timeouts().idle().toMillis();
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(config.timeouts().connect().isZero() ? Timeout.DISABLED : Timeout.of(config.timeouts().connect()))
                // Our watchdog enforces the idle timeout precisely; the socket timeout is only a backstop behind it.
                .setSocketTimeout(idleMillis == 0 ? Timeout.DISABLED : Timeout.ofMilliseconds(idleMillis + 5_000))
                .build();
        this.pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(poolSize)
                .setMaxConnPerRoute(poolSize)
                .setDefaultConnectionConfig(connectionConfig)
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(policy).build())
                .build();
        // Waiting for a pooled connection is client queueing: it never times out as an endpoint failure (a run's
        // drain or interruption cancels a request still waiting). Its end is the request's send time (Exchange#timed).
        RequestConfig requestConfig = RequestConfig.custom().setConnectionRequestTimeout(Timeout.DISABLED).build();
        IOReactorConfig reactor = IOReactorConfig.custom()
                .setIoThreadCount(config.ioThreads())
                .setTcpNoDelay(true) // with Nagle on, p99 arrival error at 100 streams went from 4.7 ms to 27.8 ms
                .setSoKeepAlive(true)
                .build();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requestConfig)
                .setIOReactorConfig(reactor)
                .setVersionPolicy(policy)
                .setKeepAliveStrategy(new KeepAlive()) // idle connections leave the pool before the server's Keep-Alive timeout
                .setThreadFactory(threads.ioThreadFactory())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .setIoReactorExceptionCallback(this::onReactorException)
                .build();
        client.start();
        this.decoderThread = threads.newThread("llmbench-decoder", () -> pipe.drainLoop(this::handle));
        this.watchdogThread = threads.newThread("llmbench-watchdog", this::watch);
        decoderThread.start();
        watchdogThread.start();
    }

    @Override
    public void send(GenerationRequest request, StreamListener listener) {
        if (closed) throw new IllegalStateException("endpoint is closed");
        byte[] body = protocol.requestBody(request);
        boolean stream = request.stream();
        Exchange exchange = new Exchange(this, listener, protocol.newDecoder(stream), System.nanoTime(),
                RunawayGuard.maxEvents(request.maxTokens()));
        exchange.request = () -> exchange.timed(requestProducer(body, stream));
        AsyncRequestProducer producer = exchange.request.get();
        inFlight.add(exchange);
        String fault = clientFault;
        if (fault != null) {                       // the client is broken: never hand a request to a dead I/O thread
            abortInFlight(exchange, System.nanoTime(), Failure.of(FailureKind.CANCELLED, "not sent: " + fault));
            return;
        }
        exchange.future = client.execute(producer, exchange, null, null, exchange);
    }

    private AsyncRequestProducer requestProducer(byte[] body, boolean stream) {
        AsyncRequestBuilder builder = AsyncRequestBuilder.post(requestUri)
                .setEntity(AsyncEntityProducers.create(body, ContentType.APPLICATION_JSON))
                .addHeader("Accept", stream ? "text/event-stream" : "application/json");
        for (Map.Entry<String, String> h : protocolHeaders.entrySet()) builder.addHeader(h.getKey(), h.getValue());
        for (Map.Entry<String, String> h : config.headers().entrySet()) builder.addHeader(h.getKey(), h.getValue());
        return builder.build();
    }

    /**
     * Sends a request that never reached the server again on a fresh connection: idle pooled connections are closed
     * first (the server that closed one has likely closed its siblings too). Returns false when the endpoint can no
     * longer send (closed, or the client failed itself): the caller then fails the request as it would have. I/O thread.
     */
    boolean resend(Exchange x) {
        if (closed || clientFault != null) return false;
        pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
        x.future = client.execute(x.request.get(), x.resentConsumer(), null, null, x.resentCallback());
        if (x.timedOut) x.future.cancel(true);      // cancelled while the old attempt was failing
        return true;
    }

    /** A response began on this connection. I/O thread. */
    void answered(String connection) {
        if (connection == null) return;
        if (answeredConnections.size() >= MAX_REMEMBERED_CONNECTIONS) answeredConnections.clear();
        answeredConnections.add(connection);
    }

    /** Whether a response came on this connection before (so it was kept alive and reused); forgets it. I/O thread. */
    boolean answeredBefore(String connection) {
        return connection != null && answeredConnections.remove(connection);
    }

    /** The largest SSE line or event, in bytes. */
    int maxEventBytes() { return config.maxEventBytes(); }

    /** The largest non-streamed body, in bytes. */
    int maxBodyBytes() { return config.maxBodyBytes(); }

    /**
     * The client failed itself: remembers the first reason and cancels every request in flight, so none is blamed on
     * the server. Any thread (an I/O thread that is dying, or one that caught an Error).
     */
    void onClientFault(String reason) {
        if (clientFault == null) clientFault = reason;
        if (!closed) cancelAll(reason);
    }

    @Override public String clientFault() { return clientFault; }

    // =========================== decoder thread ===========================

    private void handle(PipeEvent e) {
        Exchange x = e.exchange;
        if (x.finished) return;
        StreamListener l = x.listener;
        try {
            switch (e.type) {
                case SENT -> l.sent(e.nanos);
                case RECONNECTED -> l.reconnected(e.nanos);
                case HEADERS -> {
                    x.responseHeaders = redactor.redactValues(e.headers);
                    l.headers(e.nanos, e.status, x.responseHeaders);
                }
                case EVENT -> {
                    if (++x.events > x.maxEvents) throw new ProtocolException(RunawayGuard.message(x.maxEvents));
                    if (x.decoder.onEvent(e.nanos, e.eventType, e.data, l) == StreamDecoder.Next.FINISHED)
                        finish(x, e.nanos, null, false);
                }
                case MALFORMED_LINE -> throw new ProtocolException("malformed SSE line", e.data);
                case BODY -> {
                    x.decoder.onBody(e.nanos, e.data, l);
                    finish(x, e.nanos, null, false);
                }
                case END -> {
                    if (x.decoder.requiresFinalEvent()) {
                        if (config.strictSse() || !e.cleanEnd || !x.decoder.completeWithoutFinalEvent())
                            throw new ProtocolException("stream ended without " + x.decoder.finalEventName()
                                    + (e.cleanEnd ? "" : " (in the middle of an event)"));
                        l.missingFinalEvent();     // a whole answer whose [DONE] got lost: success, counted apart
                    }
                    finish(x, e.nanos, null, false);
                }
                case HTTP_ERROR -> finish(x, e.nanos,
                        HttpErrors.failure(e.status, x.responseHeaders, e.data, e.contentEncoding, redactor), false);
                case FAILED -> finish(x, e.nanos, e.failure, true);
            }
        } catch (ProtocolException pe) {
            String message = redactor.redact(pe.getMessage());
            if (pe.serverData() != null) message += ": " + redactor.preview(pe.serverData(), PREVIEW_CHARS);
            finish(x, e.nanos, Failure.of(FailureKind.PROTOCOL_ERROR, message), true);
        } catch (RuntimeException bug) {
            // A bug in a decoder or listener must not kill the decoder thread (and with it the whole run).
            finish(x, e.nanos, Failure.of(FailureKind.PROTOCOL_ERROR, redactor.redact("internal error while decoding: " + bug)), true);
        }
    }

    private void finish(Exchange x, long nanos, Failure failure, boolean abort) {
        if (x.finished) return;
        x.finished = true;
        inFlight.remove(x);
        if (abort) {
            Future<Void> f = x.future;
            if (f != null) f.cancel(true);
        } else if (!x.ioEnded) {
            x.finishedNanos = System.nanoTime();
            lingering.add(x);
        }
        if (failure == null) x.listener.done(nanos);
        // Texts were redacted where they entered, before any cut; this pass catches any path that did not.
        else x.listener.failed(nanos, redactor.redact(failure));
    }

    // =========================== watchdog thread ===========================

    private void watch() {
        long firstTokenLimit = config.timeouts().firstTokenNanos();
        long idleLimit = config.timeouts().idleNanos();
        long totalLimit = config.timeouts().totalNanos();
        while (!closed) {
            LockSupport.parkNanos(WATCHDOG_PERIOD_NANOS);
            long now = System.nanoTime();
            for (Exchange x : lingering) {
                if (x.ioEnded) lingering.remove(x);
                else if (now - x.finishedNanos > LINGER_AFTER_FINAL_EVENT_NANOS) {
                    lingering.remove(x);
                    Future<Void> f = x.future;
                    if (f != null) f.cancel(true); // closes the connection: its response never ended
                }
            }
            for (Exchange x : inFlight) {
                long wire = x.wireNanos;
                // Still waiting for a pooled connection: client queueing, not yet the endpoint's time.
                if (x.finished || x.timedOut || wire < 0) continue;
                FailureKind kind = null;
                long limit = 0;
                if (now - wire > totalLimit) { kind = FailureKind.TOTAL_TIMEOUT; limit = totalLimit; }
                else if (!x.firstOutputSeen && now - wire > firstTokenLimit) { kind = FailureKind.FIRST_TOKEN_TIMEOUT; limit = firstTokenLimit; }
                else if (now - x.lastReadNanos > idleLimit) { kind = FailureKind.IDLE_TIMEOUT; limit = idleLimit; }
                if (kind != null) abortInFlight(x, now, Failure.of(kind, kind.name().toLowerCase() + " after " + TimeUnit.NANOSECONDS.toMillis(limit) + " ms"));
            }
        }
    }

    /** Queues the failure first, then cancels: the decoder sees the failure before anything the cancel provokes. */
    private void abortInFlight(Exchange x, long now, Failure failure) {
        x.timedOut = true;
        PipeEvent e = new PipeEvent(x, PipeEvent.Type.FAILED, now);
        e.failure = failure;
        pipe.offer(e);
        Future<Void> f = x.future;
        if (f != null) f.cancel(true);
    }

    @Override
    public void cancelAll(String reason) {
        long now = System.nanoTime();
        for (Exchange x : inFlight) {
            if (!x.finished && !x.timedOut) abortInFlight(x, now, Failure.of(FailureKind.CANCELLED, reason));
        }
    }

    @Override public int inFlight() { return inFlight.size(); }
    @Override public long ioCpuNanos() { return threads.ioCpuNanos(); }
    @Override public long clientCpuNanos() { return threads.allCpuNanos(); }

    @Override
    public EndpointDescription describe() {
        URI u = config.baseUri();
        Timeouts t = config.timeouts();
        return new EndpointDescription(
                u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "") + u.getPath() + protocol.path(),
                protocol.name(), config.httpVersion().name(), !hasApiKey ? "none" : "from " + config.apiKeySource(),
                config.ioThreads(), new EndpointDescription.TimeoutsMillis(t.connect().toMillis(), t.firstToken().toMillis(),
                        t.idle().toMillis(), t.total().toMillis()),
                // Header names only: values may be credentials.
                java.util.List.copyOf(config.headers().keySet()));
    }

    /**
     * The I/O reactor's own errors, reported on stderr, once per exception, in one line: the default callback logged
     * "null" and a stack trace through whatever logger the host (Maven) provides. {@link #close()} shuts the reactor
     * down in the order that keeps its shutdown free of the errors it used to report here.
     */
    private void onReactorException(Exception e) {
        System.err.println("[llmbench] HTTP client I/O reactor error: " + redactor.redact(String.valueOf(e)));
    }

    @Override
    public void close() {
        if (closed) return;
        cancelAll("endpoint closed");
        closed = true;
        for (Exchange x : lingering) {
            Future<Void> f = x.future;
            if (f != null) f.cancel(true);
        }
        lingering.clear();
        // Let the reactor threads shut themselves down before the immediate close. In HttpCore 5.4,
        // AbstractSingleCoreIOReactor.close(IMMEDIATE) called on a reactor that is still running closes every channel
        // and the Selector itself from the calling thread, while the reactor thread may be iterating
        // selector.selectedKeys() in SingleCoreIOReactor.processEvents: that raced into ConcurrentModificationException
        // (about one run in twelve) or ClosedSelectorException. A reactor that ends by itself closes its selector on
        // its own thread and marks itself terminated, and the close(IMMEDIATE) below then leaves the selector alone.
        // Every request was cancelled above, so the graceful shutdown only closes idle connections: it takes
        // milliseconds; the bound is for a server that does not let go.
        // An interrupted run (Ctrl-C) still closes in order: the flag is set aside for the bounded waits, then restored.
        boolean interrupted = Thread.interrupted();
        try {
            client.initiateShutdown();
            client.awaitShutdown(TimeValue.ofSeconds(2));
            client.close(CloseMode.IMMEDIATE);
            pipe.close();
            decoderThread.join(5_000);
            watchdogThread.join(1_000);
        } catch (InterruptedException e) {
            interrupted = true;
            client.close(CloseMode.IMMEDIATE);
            pipe.close();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
