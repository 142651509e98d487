package dev.llmbench.simulator;

import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpRequestMapper;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.impl.nio.bootstrap.H2ServerBootstrap;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.IOSession;
import org.apache.hc.core5.reactor.IOSessionListener;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.util.TimeValue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded OpenAI-compatible LLM server with a roofline timing model: {@code POST /v1/chat/completions},
 * {@code POST /v1/completions}, {@code POST /v1/responses} (OpenAI Responses) (SSE when {@code stream: true}),
 * {@code GET /v1/models}, {@code GET /health}.
 * HTTP/1.1 by default; cleartext HTTP/2 with prior knowledge (h2c) instead when
 * {@link SimulatorConfig#h2cPriorKnowledge()} is set (HttpCore 5.4 cannot serve both on one cleartext port).
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(Profile.named("fast"))) {
 *     URI chat = sim.baseUri().resolve("/v1/chat/completions");
 *     ...
 *     long[] emitted = sim.emitLog().take(responseIdFromHeader);
 * }
 * }</pre>
 *
 * <p>Behaviour: a generation request is validated, checked against faults and RPM/TPM limits and queued on receipt;
 * a streamed one gets its {@code 200 text/event-stream} headers (with {@code x-request-id}) at once, the role-only
 * chunk when the step loop admits it, then one chunk per token as steps end. A non-streamed one gets its whole
 * JSON body when its last token is generated. See {@link StepLoop}-level details in {@link TimingModel}.
 *
 * <p>The OpenAI Realtime text flow is served over WebSocket on a second port: {@link #realtimeUri()}.
 *
 * <p>Threads: I/O reactor threads named {@code llmbench-sim-io-<n>} (not daemons: always {@link #close()}), and
 * one daemon step-loop thread {@code llmbench-sim-step}. All public methods are thread-safe.
 */
public final class Simulator implements AutoCloseable {

    /** {@code -Dllmbench.simulator.debug=true} prints unexpected reactor exceptions to stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("llmbench.simulator.debug");
    private static final AtomicInteger IO_THREAD_NUMBERS = new AtomicInteger();
    private static final String IO_THREAD_PREFIX = "llmbench-sim-io-";

    private final SimulatorConfig config;
    private final HttpAsyncServer server;
    private final StepLoop stepLoop;
    private final ServerState state;
    private final int port;
    private final URI baseUri;
    private final RealtimeServer realtime;
    private final URI realtimeUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Simulator(SimulatorConfig config, HttpAsyncServer server, StepLoop stepLoop, ServerState state, int port,
                      RealtimeServer realtime) {
        this.config = config;
        this.server = server;
        this.stepLoop = stepLoop;
        this.state = state;
        this.port = port;
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        this.baseUri = URI.create("http://" + host + ":" + port);
        this.realtime = realtime;
        this.realtimeUri = RealtimeServer.uri(config.host(), realtime.getPort());
    }

    /** Starts a simulator for {@code profile} on 127.0.0.1, an ephemeral port, the default seed. */
    public static Simulator start(Profile profile) {
        return start(SimulatorConfig.builder(profile).build());
    }

    /**
     * Starts a simulator as configured and returns once it is listening.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static Simulator start(SimulatorConfig config) {
        TimingModel model = new TimingModel(config.profile());
        StepLoop stepLoop = new StepLoop(model, "llmbench-sim-step");
        ServerState state = new ServerState(config, stepLoop);
        IOReactorConfig reactor = IOReactorConfig.custom()
                .setTcpNoDelay(true)
                .setSoReuseAddress(true)
                .setBacklogSize(4096)
                .setIoThreadCount(config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors())
                .setSelectInterval(TimeValue.ofMilliseconds(100))
                .setSoTimeout(state.lifecycle.initialSocketTimeout())
                .build();
        Supplier<AsyncServerExchangeHandler> handlers = () -> new SimulatorExchange(state);
        HttpRequestMapper<Supplier<AsyncServerExchangeHandler>> anyHostAnyPath =
                (HttpRequest request, HttpContext context) -> handlers; // routing is done by the exchange; any Host is fine
        HttpAsyncServer server = H2ServerBootstrap.bootstrap()
                .setIOReactorConfig(reactor)
                .setVersionPolicy(config.h2cPriorKnowledge() ? HttpVersionPolicy.FORCE_HTTP_2 : HttpVersionPolicy.FORCE_HTTP_1)
                .setCanonicalHostName(config.host())
                .setRequestRouter(anyHostAnyPath)
                .setStreamListener((org.apache.hc.core5.http.impl.Http1StreamListener) state.lifecycle)
                .setStreamListener((org.apache.hc.core5.http2.impl.nio.H2StreamListener) state.lifecycle)
                .setIOSessionListener(new SessionListener(state))
                .setExceptionCallback(Simulator::onReactorException)
                .create();
        server.start();
        int port;
        try {
            ListenerEndpoint endpoint = server.listen(new InetSocketAddress(config.host(), config.port()))
                    .get(10, TimeUnit.SECONDS);
            port = ((InetSocketAddress) endpoint.getAddress()).getPort();
        } catch (ExecutionException | TimeoutException e) {
            server.close(CloseMode.IMMEDIATE);
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("llmbench simulator could not listen on " + config.host() + ":"
                    + config.port() + ": " + cause, cause);
        } catch (InterruptedException e) {
            server.close(CloseMode.IMMEDIATE);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the llmbench simulator", e);
        }
        RealtimeServer realtime = new RealtimeServer(state, config.host(), 0);
        try {
            realtime.startAndAwait();
        } catch (RuntimeException e) {
            server.close(CloseMode.IMMEDIATE);
            throw e;
        }
        stepLoop.start();
        return new Simulator(config, server, stepLoop, state, port, realtime);
    }

    /** {@code http://host:port}; clients append {@code /v1/chat/completions} etc. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * {@code ws://host:port/v1/realtime}: the OpenAI Realtime text flow over WebSocket (see {@link RealtimeSession}),
     * on its own ephemeral port, sharing this simulator's step loop, emit log and limits.
     */
    public URI realtimeUri() {
        return realtimeUri;
    }

    /** WebSocket connections the Realtime server has accepted since the start. */
    public int realtimeConnectionsOpened() {
        return realtime.connectionsOpened();
    }

    /** The bound TCP port. */
    public int port() {
        return port;
    }

    public SimulatorConfig config() {
        return config;
    }

    public Profile profile() {
        return config.profile();
    }

    /** The true emit times of text chunks, per response id (also sent as the {@code x-request-id} header). */
    public EmitLog emitLog() {
        return state.emitLog;
    }

    /** A snapshot of the counters. */
    public SimulatorStats stats() {
        return state.stats();
    }

    /** Stops the step loop and the reactor, closing every connection at once. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stepLoop.stop();
        realtime.shutdown();
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitShutdown(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Simulator[" + baseUri + ", profile " + config.profile().name() + "]";
    }

    /** Client resets and simulated faults are expected; print reactor exceptions only when debugging. */
    private static void onReactorException(Exception e) {
        if (DEBUG && !(e instanceof SimulatorExchange.SimulatedResetException)) {
            e.printStackTrace();
        }
    }

    /**
     * Gives the reactor's I/O threads recognisable names the first time each serves a connection, and counts the
     * connections closed for idling past the keep-alive timeout.
     */
    private static final class SessionListener implements IOSessionListener {
        private final ServerState state;

        SessionListener(ServerState state) {
            this.state = state;
        }

        @Override
        public void connected(IOSession session) {
            state.connections.increment();
            Thread t = Thread.currentThread();
            if (!t.getName().startsWith(IO_THREAD_PREFIX)) {
                t.setName(IO_THREAD_PREFIX + IO_THREAD_NUMBERS.incrementAndGet());
            }
        }

        @Override public void startTls(IOSession session) { }
        @Override public void inputReady(IOSession session) { }
        @Override public void outputReady(IOSession session) { }
        @Override
        public void timeout(IOSession session) {
            if (!state.lifecycle.closesIdle()) return;
            state.closedIdle.increment();
            // As uvicorn and nginx do: a FIN, not the reset HttpCore sends for a timeout it treats as a failure.
            session.close(CloseMode.GRACEFUL);
        }
        @Override public void exception(IOSession session, Exception ex) { }
        @Override public void disconnected(IOSession session) { }
    }
}
