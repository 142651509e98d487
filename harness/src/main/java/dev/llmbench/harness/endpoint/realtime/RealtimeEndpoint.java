package dev.llmbench.harness.endpoint.realtime;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.EndpointDescription;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.Redaction;
import dev.llmbench.harness.endpoint.Redactor;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.endpoint.http.ClientThreads;
import dev.llmbench.harness.endpoint.http.EventPipe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An {@link Endpoint} for the OpenAI Realtime text flow over WebSocket ({@code llmbench.protocol=realtime}), through
 * Java-WebSocket's client. The wire is described in {@link RealtimeWire}.
 *
 * <p><b>Connections.</b> A pool of WebSocket connections, at most one request in flight on each: a request takes an
 * idle connection or opens a new one (so a closed loop of N virtual users holds N connections, each reused for its
 * user's requests). A new connection sends {@code session.update} (text output only) once, then the request. A
 * request's frames ({@code conversation.item.create}, {@code response.create}) are handed to the connection's writer
 * and that moment is {@code sent}; {@code response.done} ends it and returns the connection to the pool. A connection
 * that closes or fails takes its request with it (a typed failure, never hidden or retried) and is never reused; a
 * request that fails for any other reason (an {@code error} event, a timeout, a cancel) closes its connection, so no
 * stray event of it can reach the next request.
 *
 * <p><b>Threads.</b> Java-WebSocket's client model is blocking: per connection one reader thread (here named
 * {@code llmbench-io-N}: it connects, then reads and decodes frames) and one writer thread
 * ({@code WebSocketWriteThread-N}, the library's). The reader takes {@link System#nanoTime()} first thing in
 * {@code onMessage}, parses the event's JSON right there (so parsing is spread over as many threads as connections,
 * and a delta needs only the streaming parser) and queues the parsed event. One listener thread
 * ({@code llmbench-realtime-listener}) makes every {@link StreamListener} call, in order, exactly as the SSE client's
 * decoder thread does; one watchdog ({@code llmbench-realtime-watchdog}) enforces the timeouts. So N connections cost
 * 2N + 2 threads: fine for the tiers of a WebSocket benchmark (a few hundred streams), not for thousands.
 *
 * <p><b>Rate limits.</b> {@code rate_limits.updated} events are turned into the {@code x-ratelimit-*} headers the HTTP
 * clients record ({@code limit}, {@code remaining}, {@code reset} per limit name) and reported through
 * {@link StreamListener#headers}, once per request, when its first output, its end or its failure arrives, with the
 * status 101 of the connection's upgrade and the time of {@code response.created}. The result's
 * {@code rate_limits.last_rate_limit_headers} thus shows the latest one, and backoff reads it as it reads the headers.
 *
 * <p><b>CPU.</b> {@link #clientCpuNanos()} sums every thread above; {@link #ioCpuNanos()} sums the readers and
 * writers (a writer thread is found by its library name when its connection opens). No single thread carries all
 * connections, so the run's "I/O busy" figure is their CPU as a share of one core, not one thread's saturation.
 *
 * <p>The API key goes in the upgrade request's {@code Authorization: Bearer} header only; every text from the server
 * passes the endpoint's {@link Redactor}. Thread-safe.
 */
public final class RealtimeEndpoint implements Endpoint {

    /** The protocol's name in results. */
    public static final String PROTOCOL_NAME = "openai-realtime";
    /** The path used when the endpoint URL has none. */
    public static final String DEFAULT_PATH = "/v1/realtime";
    private static final long WATCHDOG_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final String WRITER_THREAD_PREFIX = "WebSocketWriteThread-";

    private final EndpointConfig config;
    private final URI uri;
    private final Map<String, String> upgradeHeaders;
    private final boolean hasKey;
    final Redactor redactor;
    private final ClientThreads threads = new ClientThreads(this::onClientFault);
    private final List<Thread> writerThreads = new CopyOnWriteArrayList<>();
    private final EventPipe<RealtimeEvent> pipe = new EventPipe<>();
    private final ConcurrentLinkedQueue<RealtimeConnection> idle = new ConcurrentLinkedQueue<>();
    private final Set<RealtimeConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<RealtimeRequest> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread listenerThread;
    private final Thread watchdogThread;
    private volatile boolean closed;
    private volatile String clientFault;

    /**
     * @param config         the endpoint: a {@code ws://} or {@code wss://} URL (an {@code http(s)://} one is taken as
     *                       {@code ws(s)://}); {@code /v1/realtime} when it has no path; a {@code model=} query is added
     *                       from the request's model when it has none
     * @param maxConcurrency unused: connections are opened as requests need them
     */
    public RealtimeEndpoint(EndpointConfig config, int maxConcurrency) {
        this.config = config;
        this.uri = webSocketUri(config.baseUri());
        String key = config.resolveApiKey();
        this.hasKey = key != null;
        this.redactor = Redactor.forEndpoint(key, config.headers());
        Map<String, String> headers = new LinkedHashMap<>(config.headers());
        if (key != null) headers.put("Authorization", "Bearer " + key);
        this.upgradeHeaders = Map.copyOf(headers);
        this.listenerThread = threads.newThread("llmbench-realtime-listener", () -> pipe.drainLoop(this::handle));
        this.watchdogThread = threads.newThread("llmbench-realtime-watchdog", this::watch);
        listenerThread.start();
        watchdogThread.start();
    }

    static URI webSocketUri(URI base) {
        String scheme = switch (base.getScheme()) {
            case "http" -> "ws";
            case "https" -> "wss";
            default -> base.getScheme();
        };
        String path = base.getRawPath() == null || base.getRawPath().isEmpty() ? DEFAULT_PATH : base.getRawPath();
        return URI.create(scheme + "://" + base.getRawAuthority() + path + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
    }

    private URI connectionUri(String model) {
        String query = uri.getRawQuery();
        if (query != null && (query.startsWith("model=") || query.contains("&model="))) return uri;
        String m = "model=" + URLEncoder.encode(model, StandardCharsets.UTF_8);
        return URI.create(uri.toString() + (query == null ? "?" : "&") + m);
    }

    @Override
    public void send(GenerationRequest request, StreamListener listener) {
        if (closed) throw new IllegalStateException("endpoint is closed");
        RealtimeRequest r = new RealtimeRequest(listener, RealtimeWire.frames(request), request.model(), System.nanoTime());
        inFlight.add(r);
        String fault = clientFault;
        if (fault != null) {
            abort(r, System.nanoTime(), Failure.of(FailureKind.CANCELLED, "not sent: " + fault));
            return;
        }
        RealtimeConnection c;
        while ((c = idle.poll()) != null) {
            if (c.isOpen()) break;
        }
        if (c != null) {
            c.current = r;
            write(c, r);
            return;
        }
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, config.timeouts().connect().toMillis());
        RealtimeConnection fresh = new RealtimeConnection(this, connectionUri(request.model()), upgradeHeaders, connectMillis, r);
        r.connection = fresh;
        connections.add(fresh);
        threads.ioThreadFactory().newThread(fresh).start(); // WebSocketClient.run(): connect, then read until closed
    }

    /** Hands a request's frames to the connection's writer; {@code sent} is queued first, so it precedes any answer. */
    void write(RealtimeConnection c, RealtimeRequest r) {
        r.connection = c;
        if (r.timedOut) {                          // cancelled while its connection opened
            c.close();
            return;
        }
        long nanos = System.nanoTime();
        r.wireNanos = nanos;
        r.lastReadNanos = nanos;
        pipe.offer(new RealtimeEvent(c, r, RealtimeEvent.Type.SENT, nanos));
        try {
            for (String frame : r.frames) c.send(frame);
        } catch (RuntimeException notConnected) {  // closed between the pool and the write: its close fails the request
            c.close();
        }
    }

    /** Queues an event for the listener thread. Any thread. */
    void offer(RealtimeEvent e) {
        pipe.offer(e);
    }

    /** A connection closed: it leaves the pool for good. Its reader thread. */
    void connectionClosed(RealtimeConnection c) {
        idle.remove(c);
        connections.remove(c);
    }

    /** Called on a new connection's reader thread once it is open: remembers its writer thread for the CPU figures. */
    void adoptWriterThread() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        if (g == null) return;
        Thread[] all = new Thread[g.activeCount() * 2 + 8];
        int n = g.enumerate(all, true);
        for (int i = 0; i < n; i++) {
            Thread t = all[i];
            if (t.getName().startsWith(WRITER_THREAD_PREFIX) && !writerThreads.contains(t)) writerThreads.add(t);
        }
        writerThreads.removeIf(t -> !t.isAlive() && writerThreads.size() > connections.size() * 2 + 16);
    }

    // =========================== listener thread ===========================

    private void handle(RealtimeEvent e) {
        RealtimeRequest r = e.request;
        if (r == null || r.finished) {
            if (e.type == RealtimeEvent.Type.RATE_LIMITS) e.connection.rateLimits = e.rateLimits;
            return;
        }
        StreamListener l = r.listener;
        try {
            switch (e.type) {
                case SENT -> l.sent(e.nanos);
                case RESPONSE_CREATED -> {
                    r.createdNanos = e.nanos;
                    r.responseId = e.responseId;
                }
                case RATE_LIMITS -> e.connection.rateLimits = e.rateLimits;
                case TEXT_DELTA -> {
                    reportHeaders(r, e);
                    if (e.text != null && !e.text.isEmpty())
                        l.chunk(e.nanos, e.text, ChunkKind.CONTENT, r.responseId != null ? r.responseId : e.responseId);
                }
                case RESPONSE_DONE -> {
                    reportHeaders(r, e);
                    if (e.failure != null) {
                        finish(r, e.nanos, e.failure, e.closeConnection);
                    } else {
                        if (e.inputTokens >= 0 || e.outputTokens >= 0) l.usage(e.inputTokens, e.outputTokens, e.cachedTokens);
                        finish(r, e.nanos, null, false);
                    }
                }
                case FAILED -> {
                    reportHeaders(r, e);
                    finish(r, e.nanos, e.failure, true);
                }
                case OTHER -> { }
            }
        } catch (RuntimeException bug) {
            // A bug in a listener must not kill the listener thread (and with it the whole run).
            finish(r, e.nanos, Failure.of(FailureKind.PROTOCOL_ERROR, redactor.redact("internal error while decoding: " + bug)), true);
        }
    }

    private void reportHeaders(RealtimeRequest r, RealtimeEvent e) {
        if (r.headersReported || r.createdNanos < 0) return;
        r.headersReported = true;
        r.listener.headers(r.createdNanos, 101, redactor.redactValues(e.connection.rateLimits));
    }

    private void finish(RealtimeRequest r, long nanos, Failure failure, boolean closeConnection) {
        if (r.finished) return;
        r.finished = true;
        inFlight.remove(r);
        RealtimeConnection c = r.connection;
        if (c != null) {
            c.current = null;
            if (closeConnection) c.close();
            else if (!closed && c.isOpen()) idle.offer(c);
        }
        if (failure == null) r.listener.done(nanos);
        else r.listener.failed(nanos, redactor.redact(failure));
    }

    // =========================== watchdog thread ===========================

    private void watch() {
        Timeouts t = config.timeouts();
        while (!closed) {
            LockSupport.parkNanos(WATCHDOG_PERIOD_NANOS);
            long now = System.nanoTime();
            for (RealtimeRequest r : inFlight) {
                if (r.finished || r.timedOut) continue;
                long wire = r.wireNanos;
                FailureKind kind = null;
                long limit = 0;
                if (wire < 0) {
                    if (now - r.startNanos > t.connectNanos()) { kind = FailureKind.CONNECT_TIMEOUT; limit = t.connectNanos(); }
                } else if (now - wire > t.totalNanos()) { kind = FailureKind.TOTAL_TIMEOUT; limit = t.totalNanos(); }
                else if (!r.firstOutputSeen && now - wire > t.firstTokenNanos()) { kind = FailureKind.FIRST_TOKEN_TIMEOUT; limit = t.firstTokenNanos(); }
                else if (now - r.lastReadNanos > t.idleNanos()) { kind = FailureKind.IDLE_TIMEOUT; limit = t.idleNanos(); }
                if (kind != null) abort(r, now, Failure.of(kind, kind.name().toLowerCase() + " after " + TimeUnit.NANOSECONDS.toMillis(limit) + " ms"));
            }
        }
    }

    /** Queues the failure first, then closes the connection: the listener sees the failure before anything the close provokes. */
    private void abort(RealtimeRequest r, long now, Failure failure) {
        r.timedOut = true;
        RealtimeConnection c = r.connection;
        pipe.offer(RealtimeEvent.failed(c, r, now, failure));
        if (c != null) c.close();
    }

    @Override
    public void cancelAll(String reason) {
        long now = System.nanoTime();
        for (RealtimeRequest r : inFlight) {
            if (!r.finished && !r.timedOut) abort(r, now, Failure.of(FailureKind.CANCELLED, reason));
        }
    }

    private void onClientFault(String reason) {
        if (clientFault == null) clientFault = reason;
        if (!closed) cancelAll(reason);
    }

    @Override public String clientFault() { return clientFault; }
    @Override public int inFlight() { return inFlight.size(); }

    @Override
    public long ioCpuNanos() {
        return threads.ioCpuNanos() + writerCpuNanos();
    }

    @Override
    public long clientCpuNanos() {
        return threads.allCpuNanos() + writerCpuNanos();
    }

    private long writerCpuNanos() {
        long sum = 0;
        for (Thread t : writerThreads) {
            long ns = MX.getThreadCpuTime(t.getId());
            if (ns > 0) sum += ns;
        }
        return sum;
    }

    /** Connections open now (one per virtual user under a closed loop). */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public EndpointDescription describe() {
        Timeouts t = config.timeouts();
        return new EndpointDescription(Redaction.stripCredentials(uri.toString()), PROTOCOL_NAME, "HTTP_1_1",
                hasKey ? "from " + config.apiKeySource() : "none", null,
                new EndpointDescription.TimeoutsMillis(t.connect().toMillis(), t.firstToken().toMillis(),
                        t.idle().toMillis(), t.total().toMillis()),
                List.copyOf(config.headers().keySet()));
    }

    @Override
    public void close() {
        if (closed) return;
        cancelAll("endpoint closed");
        closed = true;
        for (RealtimeConnection c : connections) c.close();
        boolean interrupted = Thread.interrupted();
        try {
            pipe.close();
            listenerThread.join(5_000);
            watchdogThread.join(1_000);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
