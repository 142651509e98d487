package dev.llmbench.microbench.selfbench;

import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.workload.PromptFactory;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.WorkItem;
import dev.llmbench.simulator.EmitLog;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor: the same closed-loop load through a bare HttpClient 5 async client that does nothing but take
 * {@link System#nanoTime()} per {@code consume()} call and count SSE event terminators ({@code "\n\n"}) in the bytes.
 * Event 0 is the role chunk, events 1..K the token chunks, then usage and {@code [DONE]}; token i's arrival is the
 * read that carried event i+1's terminator (exactly when the harness's SSE parser would dispatch it).
 *
 * <p>Client configuration as the harness's: one I/O thread ({@code selfbench-floor-io-1}), TCP_NODELAY, keep-alive,
 * HTTP/1.1, pool sized to the streams, no content compression, no retries/redirects/cookies. Requests are reissued
 * from the completion callback on the I/O thread, so that work is in the floor's CPU too. The same request body as
 * the harness's (same builder, one prompt reused; with {@code --stagger}, 64 bodies of sampled lengths). Warmup, duration bound, CPU window and error definitions are those
 * of {@link HarnessRun}; CPU = the floor's I/O thread only.
 */
final class FloorRun {

    private record Done(Stream s, long endNanos) { }

    private static final Done POISON = new Done(null, 0);

    private final Options o;
    private final EmitLog emitLog;
    private final CpuMeter simCpu;
    private final int warmupN;
    /** Request bodies (one, or 64 of sampled lengths with --stagger) and their output tokens. */
    private final byte[][] bodies;
    private final int[] bodyTokens;
    private final URI uri;
    private final List<Thread> ioThreads = new CopyOnWriteArrayList<>();
    private final CloseableHttpAsyncClient client;
    private final LinkedBlockingQueue<Done> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger warmupEnded = new AtomicInteger();
    private final RunFigures f = new RunFigures();

    private final Object lock = new Object();
    // guarded by lock
    private long nextSeq;
    private long inFlight;
    private boolean stop;
    private long measuredStart = -1;
    private long deadline = Long.MAX_VALUE;
    private long windowStart = Long.MAX_VALUE;
    private long windowIoCpu, windowSimCpu, windowGc;

    // analysis thread only
    private long measuredTokens, measuredChunks, coalescedChunks, lastMeasuredEnd;

    private FloorRun(Options o, URI base, EmitLog emitLog, CpuMeter simCpu) {
        this.o = o;
        this.emitLog = emitLog;
        this.simCpu = simCpu;
        this.warmupN = o.warmupRequests();
        this.uri = base.resolve("/v1/chat/completions");
        PromptFactory prompts = PromptFactory.builder(RequestShape.of(o.inputTokens(), o.maxTokens())).build();
        WorkItem item = prompts.next(0, new SplittableRandom(42));
        SplittableRandom lengths = new SplittableRandom(7);
        int n = o.stagger() ? 64 : 1;
        this.bodies = new byte[n][];
        this.bodyTokens = new int[n];
        for (int i = 0; i < n; i++) {
            int k = o.outputTokens().sample(lengths);
            bodyTokens[i] = k;
            bodies[i] = OpenAiProtocol.chat().requestBody(new GenerationRequest(o.model(), item.text(), item.inputTokens(),
                    k, k, true, Map.of()));
        }
        int pool = o.streams() + 8;
        PoolingAsyncClientConnectionManager cm = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(pool)
                .setMaxConnPerRoute(pool)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(10))
                        .setSocketTimeout(Timeout.ofSeconds(120)).build())
                .build();
        AtomicInteger threadNumber = new AtomicInteger();
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(cm)
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setTcpNoDelay(true).setSoKeepAlive(true).build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .setThreadFactory(r -> {
                    Thread t = new Thread(r, "selfbench-floor-io-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    ioThreads.add(t);
                    return t;
                })
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    static RunFigures run(Options o, URI base, EmitLog emitLog, CpuMeter simCpu) {
        FloorRun r = new FloorRun(o, base, emitLog, simCpu);
        try {
            return r.go();
        } finally {
            r.client.close(CloseMode.IMMEDIATE);
        }
    }

    private RunFigures go() {
        f.timing = new ErrorStats();
        long start = System.nanoTime();
        client.start();
        Thread analysis = new Thread(this::analyse, "selfbench-floor-analysis");
        analysis.setDaemon(true);
        analysis.start();
        if (warmupN == 0) openWindow();
        for (int i = 0; i < o.streams(); i++) if (!issue()) break;
        // Wait for the duration bound, then drain (at most 60 s, as the harness's default drain timeout).
        long drainDeadline = Long.MAX_VALUE;
        synchronized (lock) {
            try {
                while (true) {
                    long now = System.nanoTime();
                    if (!stop && now >= deadline) stop = true;
                    if (stop && inFlight == 0) break;
                    if (stop && drainDeadline == Long.MAX_VALUE) drainDeadline = now + TimeUnit.SECONDS.toNanos(60);
                    if (now > drainDeadline) {
                        f.failures.merge("drain_timeout", inFlight, Long::sum);
                        break;
                    }
                    lock.wait(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long end = System.nanoTime();
        long ioEnd = CpuMeter.of(ioThreads).cpuNanos();
        long simEnd = simCpu == null ? 0 : simCpu.cpuNanos();
        long gcEnd = CpuMeter.gcMillis();
        f.switchesAtEnd = ContextSwitches.snapshot();
        queue.offer(POISON);
        try {
            analysis.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (windowStart != Long.MAX_VALUE) {
                f.cpuWindowNanos = ioEnd - windowIoCpu;
                f.ioCpuWindowNanos = f.cpuWindowNanos;
                if (simCpu != null) f.simCpuWindowNanos = simEnd - windowSimCpu;
                f.gcMillisWindow = gcEnd - windowGc;
            }
            double windowSeconds = (lastMeasuredEnd - measuredStart) / 1e9;
            f.outputTokensPerSecond = measuredStart < 0 || windowSeconds <= 0 ? 0 : measuredTokens / windowSeconds;
        }
        // One I/O thread configured (the factory also names the client's idle executor thread, as the harness's does).
        f.ioBusy = Math.min(1.0, ioEnd / (double) Math.max(1, end - start));
        f.coalescedChunkRatio = measuredChunks == 0 ? 0 : (double) coalescedChunks / measuredChunks;
        return f;
    }

    private void openWindow() {
        long io = CpuMeter.of(ioThreads).cpuNanos();
        long sim = simCpu == null ? 0 : simCpu.cpuNanos();
        long gc = CpuMeter.gcMillis();
        f.switchesAtWindow = ContextSwitches.snapshot();
        synchronized (lock) {
            windowIoCpu = io;
            windowSimCpu = sim;
            windowGc = gc;
            windowStart = System.nanoTime();
        }
    }

    /** Sends the next request of the closed loop; false once the run stops issuing. */
    private boolean issue() {
        long now = System.nanoTime();
        long seq;
        boolean warmup;
        synchronized (lock) {
            if (stop) return false;
            seq = nextSeq;
            warmup = seq < warmupN;
            if (!warmup) {
                if (measuredStart < 0) {
                    measuredStart = now;
                    deadline = now + TimeUnit.SECONDS.toNanos(o.seconds());
                }
                if (now > deadline) {
                    stop = true;
                    lock.notifyAll();
                    return false;
                }
            }
            nextSeq++;
            inFlight++;
        }
        int b = (int) (seq % bodies.length);
        Stream s = new Stream(warmup, bodyTokens[b]);
        client.execute(AsyncRequestBuilder.post(uri)
                        .setEntity(AsyncEntityProducers.create(bodies[b], ContentType.APPLICATION_JSON))
                        .addHeader("Accept", "text/event-stream")
                        .build(),
                s, null, null, s.whenDone);
        return true;
    }

    private void ended(Stream s) {
        queue.offer(new Done(s, System.nanoTime()));
        if (s.warmup && warmupEnded.incrementAndGet() == warmupN) openWindow();
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
        issue();
    }

    private void analyse() {
        while (true) {
            Done d;
            try {
                d = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (d == POISON) return;
            Stream s = d.s;
            long ws;
            synchronized (lock) { ws = windowStart; }
            int tokens = Math.max(0, Math.min(s.events, s.times.length) - 3); // role, K tokens, usage, [DONE]
            long[] arr = new long[tokens];
            System.arraycopy(s.times, Math.min(1, s.times.length), arr, 0, tokens);
            for (long t : arr) if (t > ws) f.tokensInCpuWindow++;
            boolean ok = s.failure == null && s.status == 200;
            if (!ok) f.failures.merge(s.failure != null ? s.failure : "http_" + s.status, 1L, Long::sum);
            long[] emit = s.id == null ? null : emitLog.take(s.id);
            if (s.warmup) continue;
            f.requests++;
            if (!ok) continue;
            // More events than the array holds, or fewer tokens than asked, show as a length mismatch.
            f.timing.record(arr, tokens, s.events > s.times.length ? -1 : s.k, emit);
            measuredTokens += tokens;
            measuredChunks += tokens;
            for (int i = 1; i < tokens; i++) if (arr[i] == arr[i - 1]) coalescedChunks++;
            synchronized (lock) { lastMeasuredEnd = Math.max(lastMeasuredEnd, d.endNanos); }
        }
    }

    /** One request: timestamps reads and counts event terminators, nothing else. */
    private final class Stream implements AsyncResponseConsumer<Void> {
        final boolean warmup;
        final int k;
        final long[] times;
        int events;
        boolean lastWasNewline;
        String id;
        int status;
        String failure;
        private FutureCallback<Void> resultCallback;

        Stream(boolean warmup, int k) {
            this.warmup = warmup;
            this.k = k;
            this.times = new long[k + 3]; // role, K tokens, usage, [DONE]
        }

        @Override
        public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<Void> callback) {
            status = response.getCode();
            Header h = response.getFirstHeader("x-request-id");
            id = h == null ? null : h.getValue();
            resultCallback = callback;
            if (entity == null) callback.completed(null);
        }

        @Override public void informationResponse(HttpResponse response, HttpContext context) { }

        @Override
        public void updateCapacity(CapacityChannel capacityChannel) throws java.io.IOException {
            capacityChannel.update(Integer.MAX_VALUE);
        }

        @Override
        public void consume(ByteBuffer src) {
            long now = System.nanoTime();
            int lim = src.limit();
            boolean nl = lastWasNewline;
            for (int i = src.position(); i < lim; i++) {
                if (src.get(i) == '\n') {
                    if (nl) {
                        if (events < times.length) times[events] = now;
                        events++;
                        nl = false;
                    } else {
                        nl = true;
                    }
                } else {
                    nl = false;
                }
            }
            lastWasNewline = nl;
            src.position(lim);
        }

        @Override
        public void streamEnd(List<? extends Header> trailers) {
            if (resultCallback != null) resultCallback.completed(null);
        }

        @Override
        public void failed(Exception cause) {
            if (failure == null) failure = "connection_error";
        }

        @Override public void releaseResources() { }

        /** The execute() callback: called exactly once when the request has ended, however it ended. */
        final FutureCallback<Void> whenDone = new FutureCallback<>() {
            @Override public void completed(Void result) { ended(Stream.this); }

            @Override public void failed(Exception cause) {
                if (failure == null) failure = "connection_error";
                ended(Stream.this);
            }

            @Override public void cancelled() {
                if (failure == null) failure = "cancelled";
                ended(Stream.this);
            }
        };
    }
}
