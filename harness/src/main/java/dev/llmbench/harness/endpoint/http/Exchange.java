// Over 400 lines: the response consumer, its SSE/body/error modes and the one resend of a request that never reached the
// server share the I/O-thread state of one exchange; splitting them would pass that state between classes.
package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.StreamDecoder;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.sse.SseEventHandler;
import dev.llmbench.harness.endpoint.sse.SseEventTooLargeException;
import dev.llmbench.harness.endpoint.sse.SseParser;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * One request in flight: the HTTP response consumer that runs on the I/O thread, and the state the decoder and
 * watchdog threads share with it.
 *
 * <p>The I/O side does as little as possible: take {@link System#nanoTime()} when a read arrives, frame SSE events,
 * queue them. Everything else (JSON, listener calls, metrics) happens on the decoder thread.
 */
final class Exchange implements AsyncResponseConsumer<Void>, SseEventHandler, FutureCallback<Void> {

    /** Error bodies are kept up to this size; beyond it they are cut (a server's error page can be huge). */
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    /**
     * ENCODED: a 2xx body compressed although none was asked for; only counted, then named in the failure.
     * DISCARD: the request already failed here (a limit crossed); what still arrives is dropped until the cancel lands.
     */
    private enum Mode { STREAM, BODY, ERROR, ENCODED, DISCARD }

    final HttpStreamingEndpoint owner;
    final StreamListener listener;
    final StreamDecoder decoder;
    /** When {@code send} handed the request to the client; the wait for a pooled connection starts here. */
    final long handOffNanos;

    // ---- written by the I/O thread, read by the watchdog ----
    /**
     * When the request was put on a connection ({@code -1} while it waits for one): the endpoint's timeouts run from
     * here, so time spent waiting for a pooled connection is client queueing and never an endpoint timeout.
     */
    volatile long wireNanos = -1;
    volatile long lastReadNanos;
    volatile boolean headersSeen;
    /** The response ended or failed on the I/O side: its connection is released (or closed). */
    volatile boolean ioEnded;

    // ---- written by the decoder thread ----
    volatile boolean firstOutputSeen;
    volatile boolean finished;
    /** When the decoder finished a response whose body had not ended yet (see {@code HttpStreamingEndpoint#linger}). */
    volatile long finishedNanos;

    /** Decoder thread only: events decoded so far, and how many this request may take ({@link RunawayGuard}). */
    long events;
    final long maxEvents;

    /** Decoder thread only: the kept headers of the response, for error classification. */
    Map<String, String> responseHeaders = Map.of();

    // ---- written by the watchdog (or cancelAll) once ----
    volatile boolean timedOut;

    volatile Future<Void> future;
    /** Builds the request anew, for the one resend on a fresh connection ({@link #retryIfNeverReachedServer}). */
    java.util.function.Supplier<AsyncRequestProducer> request;

    // ---- I/O thread only ----
    private Mode mode;
    private SseParser parser;
    private ByteArrayOutputStream body;
    private long readNanos;
    private int status;
    private boolean bodyOverflow;
    private String contentEncoding;
    private long encodedBytes;
    /** The current attempt's context: once on a connection, it names the connection's endpoints. */
    private volatile HttpContext attemptContext;
    /** The request was already sent again once. */
    private boolean resent;
    private final int maxBodyBytes;

    Exchange(HttpStreamingEndpoint owner, StreamListener listener, StreamDecoder decoder, long handOffNanos, long maxEvents) {
        this.owner = owner;
        this.maxEvents = maxEvents;
        this.listener = new FirstOutputWatcher(listener);
        this.decoder = decoder;
        this.handOffNanos = handOffNanos;
        this.maxBodyBytes = owner.maxBodyBytes();
    }

    /** Wraps the request so the moment it is put on a connection is known (see {@link #wireNanos}). */
    AsyncRequestProducer timed(AsyncRequestProducer request) {
        return new AsyncRequestProducer() {
            @Override
            public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
                attemptContext = context;
                if (wireNanos < 0) {
                    long now = System.nanoTime();
                    lastReadNanos = now;
                    wireNanos = now;
                    owner.pipe.offer(new PipeEvent(Exchange.this, PipeEvent.Type.SENT, now));
                }
                request.sendRequest(channel, context);
            }
            @Override public boolean isRepeatable() { return request.isRepeatable(); }
            @Override public void failed(Exception cause) { request.failed(cause); }
            @Override public int available() { return request.available(); }
            @Override public void produce(DataStreamChannel channel) throws IOException { request.produce(channel); }
            @Override public void releaseResources() { request.releaseResources(); }
        };
    }

    // =========================== I/O thread ===========================

    // Every callback from the I/O reactor catches Throwable: an Error that escapes one kills the reactor thread, which
    // closes every connection it serves ("Connection is closed" on every stream, blamed on the server) and loses the
    // thread's CPU time. Caught, it costs only this request.

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<Void> callback) {
        try {
            onResponse(response, entity, callback);
        } catch (Throwable t) {
            failHere(t);
        }
    }

    private void onResponse(HttpResponse response, EntityDetails entity, FutureCallback<Void> callback) {
        long now = System.nanoTime();
        lastReadNanos = now;
        headersSeen = true;
        owner.answered(connectionName(attemptContext));
        status = response.getCode();
        Map<String, String> kept = keptHeaders(response);
        PipeEvent h = new PipeEvent(this, PipeEvent.Type.HEADERS, now);
        h.status = status;
        h.headers = kept;
        owner.pipe.offer(h);
        contentEncoding = entity == null ? null : entity.getContentEncoding();
        boolean encoded = contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.strip().equalsIgnoreCase("identity");
        if (status < 200 || status >= 300) {
            mode = Mode.ERROR;
            body = new ByteArrayOutputStream(256);
        } else if (encoded) {
            // The client sends no Accept-Encoding and decodes nothing: parsing these bytes would only report garbage.
            mode = Mode.ENCODED;
        } else {
            String contentType = entity == null || entity.getContentType() == null ? "" : entity.getContentType().toLowerCase(Locale.ROOT);
            if (contentType.startsWith("text/event-stream")) {
                mode = Mode.STREAM;
                parser = new SseParser(this, owner.maxEventBytes());
            } else {
                mode = Mode.BODY;
                body = new ByteArrayOutputStream(1024);
            }
        }
        if (entity == null) {
            end(now);
            callback.completed(null);
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx: nothing to measure.
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        if (finished) {
            // The decoder saw the stream's final event ([DONE]): whatever follows is not read; the endpoint closes the
            // connection if the body does not end promptly.
            src.position(src.limit());
            return;
        }
        long now = System.nanoTime();
        readNanos = now;
        lastReadNanos = now;
        try {
            switch (mode) {
                case STREAM -> parser.feed(src);
                case BODY -> {
                    append(src, maxBodyBytes);
                    if (bodyOverflow) failHere(now, Failure.of(FailureKind.PROTOCOL_ERROR,
                            "response body larger than " + maxBodyBytes + " bytes (llmbench.maxBodyBytes)"));
                }
                case ERROR -> append(src, MAX_ERROR_BODY_BYTES);
                case ENCODED -> encodedBytes += src.remaining();
                case DISCARD -> src.position(src.limit());
            }
        } catch (SseEventTooLargeException e) {
            failHere(now, Failure.of(FailureKind.PROTOCOL_ERROR, e.getMessage()));
        } catch (Throwable t) {
            failHere(t);
        } finally {
            src.position(src.limit());
        }
    }

    /**
     * Fails this request from the I/O thread: frees what it buffered, drops whatever else arrives, and queues the failure;
     * the decoder thread then cancels the exchange, which closes its connection.
     */
    private void failHere(long now, Failure failure) {
        mode = Mode.DISCARD;
        parser = null;
        body = null;
        PipeEvent e = new PipeEvent(this, PipeEvent.Type.FAILED, now);
        e.failure = failure;
        owner.pipe.offer(e);
    }

    /**
     * A throwable escaped our own I/O code. A RuntimeException is a bug that costs this request; an Error (out of
     * memory, say) also means the client may have measured badly, so the run stops and is marked partial.
     */
    private void failHere(Throwable t) {
        long now = System.nanoTime();
        mode = Mode.DISCARD;
        parser = null;
        body = null;
        if (t instanceof Error) {
            String reason = "client error on I/O thread " + Thread.currentThread().getName() + ": " + t;
            failHere(now, Failure.of(FailureKind.CANCELLED, reason));
            owner.onClientFault(reason);
        } else {
            failHere(now, Failure.of(FailureKind.PROTOCOL_ERROR, "internal error while reading the response: " + t));
        }
    }

    private void append(ByteBuffer src, int limit) {
        int room = limit - body.size();
        int n = src.remaining();
        if (n > room) bodyOverflow = true;
        int take = Math.max(0, Math.min(n, room));
        if (src.hasArray()) {
            body.write(src.array(), src.arrayOffset() + src.position(), take);
        } else {
            byte[] tmp = new byte[take];
            src.get(tmp);
            body.write(tmp, 0, take);
        }
        src.position(src.limit());
    }

    @Override
    public void onEvent(String eventType, byte[] data) {
        PipeEvent e = new PipeEvent(this, PipeEvent.Type.EVENT, readNanos);
        e.eventType = eventType;
        e.data = data;
        owner.pipe.offer(e);
    }

    @Override
    public void onMalformedLine(byte[] line) {
        PipeEvent e = new PipeEvent(this, PipeEvent.Type.MALFORMED_LINE, readNanos);
        e.data = line;
        owner.pipe.offer(e);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        try {
            end(System.nanoTime());
        } catch (Throwable t) {
            failHere(t);
        }
    }

    private void end(long now) {
        ioEnded = true;
        PipeEvent e;
        switch (mode) {
            case DISCARD -> {
                return;                                   // already failed
            }
            case STREAM -> {
                e = new PipeEvent(this, PipeEvent.Type.END, now);
                e.cleanEnd = parser.finish();
            }
            case BODY -> {
                e = new PipeEvent(this, PipeEvent.Type.BODY, now);
                e.data = body.toByteArray();
                body = null;
            }
            case ENCODED -> {
                e = new PipeEvent(this, PipeEvent.Type.FAILED, now);
                String encoding = contentEncoding.strip().toLowerCase(Locale.ROOT);
                e.failure = Failure.of(FailureKind.PROTOCOL_ERROR, owner.redactor.redact(
                        (encoding.equals("x-gzip") ? "gzip" : encoding) + "-compressed body (" + encodedBytes
                                + " bytes) although no compression was asked for; the harness does not decode it"));
            }
            default -> {
                e = new PipeEvent(this, PipeEvent.Type.HTTP_ERROR, now);
                e.status = status;
                e.data = body.toByteArray();
                e.contentEncoding = contentEncoding;
            }
        }
        owner.pipe.offer(e);
    }

    @Override
    public void failed(Exception cause) {
        failed(cause, 0);
    }

    /**
     * The resent request's consumer and callback: they tell its failures apart from the first attempt's (HttpClient
     * reports one failure to both the consumer and the callback, possibly after the resend began).
     */
    AsyncResponseConsumer<Void> resentConsumer() {
        return new AsyncResponseConsumer<>() {
            @Override
            public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<Void> callback)
                    throws HttpException, IOException {
                Exchange.this.consumeResponse(response, entity, context, callback);
            }
            @Override public void informationResponse(HttpResponse response, HttpContext context) { }
            @Override public void updateCapacity(CapacityChannel channel) throws IOException { Exchange.this.updateCapacity(channel); }
            @Override public void consume(ByteBuffer src) { Exchange.this.consume(src); }
            @Override public void streamEnd(List<? extends Header> trailers) { Exchange.this.streamEnd(trailers); }
            @Override public void failed(Exception cause) { Exchange.this.failed(cause, 1); }
            @Override public void releaseResources() { }
        };
    }

    FutureCallback<Void> resentCallback() {
        return new FutureCallback<>() {
            @Override public void completed(Void result) { }
            @Override public void failed(Exception cause) { Exchange.this.failed(cause, 1); }
            @Override public void cancelled() { }
        };
    }

    private void failed(Exception cause, int attempt) {
        long now = System.nanoTime();
        if (attempt == 0 && resent) return;           // the first attempt's second report: the resend took over
        if (!finished && !timedOut && attempt == 0 && retryIfNeverReachedServer(cause, now)) return;
        ioEnded = true;
        if (finished || timedOut) return;
        PipeEvent e = new PipeEvent(this, PipeEvent.Type.FAILED, now);
        e.failure = classify(cause);
        owner.pipe.offer(e);
    }

    /**
     * Sends the request again, once, on a fresh connection when it provably never reached the server: its pooled
     * connection was closed before the request was written ({@link RequestNotExecutedException}), or a kept-alive
     * connection closed before any response byte (a server that closes idle connections it advertised as kept alive,
     * as cpp-httplib does). After any response byte a closed connection stays a failure. I/O thread.
     */
    private boolean retryIfNeverReachedServer(Exception cause, long now) {
        if (resent || headersSeen) return false;
        boolean neverWritten = cause instanceof RequestNotExecutedException;
        boolean closedUnanswered = cause instanceof ConnectionClosedException
                && owner.answeredBefore(connectionName(attemptContext));
        if (!neverWritten && !closedUnanswered) return false;
        resent = true;
        if (!owner.resend(this)) return false;
        owner.pipe.offer(new PipeEvent(this, PipeEvent.Type.RECONNECTED, now));
        return true;
    }

    /** The connection's endpoints ("local<->remote"), or null while the request is on none. */
    private static String connectionName(HttpContext context) {
        EndpointDetails details = context == null ? null : HttpCoreContext.cast(context).getEndpointDetails();
        return details == null ? null : details.toString();
    }

    @Override public void completed(Void result) { }
    @Override public void cancelled() { }
    @Override public void releaseResources() { }

    private Failure classify(Exception cause) {
        // An exception's message can quote the server (a bad header line): redacted before it is cut or kept.
        String what = owner.redactor.redact(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        if (cause instanceof ConnectTimeoutException) return Failure.of(FailureKind.CONNECT_TIMEOUT, what);
        if (cause instanceof SocketTimeoutException)
            return Failure.of(headersSeen ? FailureKind.IDLE_TIMEOUT : FailureKind.CONNECT_TIMEOUT, what);
        if (cause instanceof ConnectException) return Failure.of(FailureKind.CONNECTION_ERROR, what);
        if (cause instanceof ConnectionClosedException) return Failure.of(FailureKind.CONNECTION_ERROR, what);
        if (cause instanceof java.util.concurrent.CancellationException) return Failure.of(FailureKind.CANCELLED, what);
        return Failure.of(FailureKind.CONNECTION_ERROR, what);
    }

    /**
     * Rate-limit and identity headers worth keeping; everything else is dropped. Their values came from the server:
     * the decoder thread redacts them before anyone sees them.
     */
    private static Map<String, String> keptHeaders(HttpResponse response) {
        Map<String, String> kept = null;
        for (Header h : response.getHeaders()) {
            String name = h.getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-ratelimit-") || name.equals("retry-after") || name.equals("x-request-id")) {
                if (kept == null) kept = new HashMap<>(8);
                kept.put(name, h.getValue());
            }
        }
        return kept == null ? Map.of() : kept;
    }

    /** Notes the first generated output so the watchdog can enforce the first-token timeout. */
    private final class FirstOutputWatcher implements StreamListener {
        private final StreamListener delegate;
        FirstOutputWatcher(StreamListener delegate) { this.delegate = delegate; }
        @Override public void sent(long nanos) { delegate.sent(nanos); }
        @Override public void headers(long nanos, int status, Map<String, String> headers) { delegate.headers(nanos, status, headers); }
        @Override public void chunk(long nanos, CharSequence text, ChunkKind kind, String id) {
            if (!firstOutputSeen) firstOutputSeen = true;
            delegate.chunk(nanos, text, kind, id);
        }
        @Override public void usage(int in, int out, int cached) { delegate.usage(in, out, cached); }
        @Override public void cacheWrite(int tokens) { delegate.cacheWrite(tokens); }
        @Override public void missingFinalEvent() { delegate.missingFinalEvent(); }
        @Override public void reconnected(long nanos) { delegate.reconnected(nanos); }
        @Override public void done(long nanos) { delegate.done(nanos); }
        @Override public void failed(long nanos, Failure failure) { delegate.failed(nanos, failure); }
    }
}
