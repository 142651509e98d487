package dev.llmbench.microbench.selfbench;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.EmitLog;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run through the real harness ({@link Benchmark} over the endpoint of {@code --protocol}), with an observer that
 * hands each ended request to an analysis thread of its own, so none of the self-benchmark's bookkeeping lands on
 * the harness's threads (whose CPU is being measured).
 *
 * <p>CPU window: opens when the last warmup request ends (then the harness's thread CPU, the simulator's thread CPU
 * and the GC time are read), closes when the run has drained. Client CPU = all of the endpoint's named threads
 * ({@code llmbench-io-*}, {@code llmbench-decoder}, {@code llmbench-watchdog}); request building, the load runner's
 * issuing and metric recording run on the decoder thread and so are included. The divisor is the output tokens that
 * arrived inside the window (warmup stragglers included, measured requests' tokens before it excluded).
 */
final class HarnessRun {

    record Outcome(RunFigures figures, BenchmarkResult result) { }

    private static final RequestTimeline POISON = new RequestTimeline(-1, true, 0, 0);

    static Outcome run(Options o, String baseUrl, EmitLog emitLog, CpuMeter simCpu) {
        EndpointConfig.Builder cb = EndpointConfig.builder(baseUrl);
        if (o.apiKeyEnv() != null) cb.apiKeyEnv(o.apiKeyEnv());
        EndpointConfig config = cb.build();
        RunFigures f = new RunFigures();
        f.timing = emitLog == null ? null : new ErrorStats();
        int warmupN = o.warmupRequests();

        try (Endpoint client = Protocol.named(o.protocol()).open(config, o.streams())) {
            long[] window = new long[4]; // client cpu, sim cpu, gc ms, client I/O-thread cpu at window start
            // Long.MAX_VALUE until the window opens: chunks are counted only once it is known (see class doc).
            long[] windowStart = {Long.MAX_VALUE};
            Object windowLock = new Object();
            Runnable openWindow = () -> {
                synchronized (windowLock) {
                    window[0] = client.clientCpuNanos();
                    window[3] = client.ioCpuNanos();
                    window[1] = simCpu == null ? 0 : simCpu.cpuNanos();
                    window[2] = CpuMeter.gcMillis();
                    f.switchesAtWindow = ContextSwitches.snapshot();
                    windowStart[0] = System.nanoTime();
                }
            };
            if (warmupN == 0) openWindow.run();

            LinkedBlockingQueue<RequestTimeline> queue = new LinkedBlockingQueue<>();
            AtomicInteger warmupEnded = new AtomicInteger();
            Thread analysis = new Thread(() -> analyse(queue, f, emitLog, windowStart, windowLock), "selfbench-analysis");
            analysis.setDaemon(true);
            analysis.start();

            Benchmark benchmark = Benchmark.builder("selfbench-" + o.streams() + "x" + o.seconds() + "s")
                    .endpoint(config)
                    .model(o.model())
                    .load(LoadModel.concurrency(o.streams()))
                    .promptShape(RequestShape.of(dev.llmbench.harness.workload.TokenCount.fixed(o.inputTokens()), o.outputTokens()))
                    .maxDuration(Duration.ofSeconds(o.seconds()))
                    .warmupRequests(warmupN)
                    .onRequest(t -> {
                        // Decoder thread: keep it to a queue offer (and, once, the window snapshot).
                        if (t.warmup() && warmupEnded.incrementAndGet() == warmupN) openWindow.run();
                        queue.offer(t);
                    })
                    .build();
            BenchmarkResult result = benchmark.run(client);
            long cpuEnd = client.clientCpuNanos();
            long ioEnd = client.ioCpuNanos();
            long simEnd = simCpu == null ? 0 : simCpu.cpuNanos();
            long gcEnd = CpuMeter.gcMillis();
            f.switchesAtEnd = ContextSwitches.snapshot();
            queue.offer(POISON);
            try {
                analysis.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            synchronized (windowLock) {
                if (windowStart[0] == Long.MAX_VALUE) {
                    // Fewer warmup requests ended than configured (the run ended early): no window.
                    f.cpuWindowNanos = 0;
                } else {
                    f.cpuWindowNanos = cpuEnd - window[0];
                    f.ioCpuWindowNanos = ioEnd - window[3];
                    if (simCpu != null) f.simCpuWindowNanos = simEnd - window[1];
                    f.gcMillisWindow = gcEnd - window[2];
                }
            }
            f.requests = result.counts().measured();
            f.outputTokensPerSecond = result.throughput().outputTokensPerSecond();
            Double busy = result.fidelity().clientIoBusy();
            f.ioBusy = busy == null ? Double.NaN : busy;
            f.coalescedChunkRatio = result.fidelity().coalescedChunkRatio();
            return new Outcome(f, result);
        }
    }

    private static void analyse(LinkedBlockingQueue<RequestTimeline> queue, RunFigures f, EmitLog emitLog,
                                long[] windowStart, Object windowLock) {
        long[] arrivals = new long[1024];
        while (true) {
            RequestTimeline t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (t == POISON) return;
            int n = t.chunkCount();
            if (arrivals.length < n) arrivals = new long[Math.max(n, arrivals.length * 2)];
            for (int i = 0; i < n; i++) arrivals[i] = t.chunkNanos(i);
            long ws;
            synchronized (windowLock) { ws = windowStart[0]; }
            int inWindow = 0;
            for (int i = 0; i < n; i++) if (arrivals[i] > ws) inWindow++;
            // Tokens, not chunks: a server that bundles tokens into chunks is weighted by its tokens per chunk.
            if (n > 0) f.tokensInCpuWindow += (double) t.outputTokens() * inWindow / n;

            if (t.outcome() != RequestTimeline.Outcome.SUCCESS) {
                String kind = t.failure() == null ? t.outcome().name() : t.failure().kind().name();
                f.failures.merge(kind.toLowerCase(), 1L, Long::sum);
            }
            if (emitLog == null) continue;
            long[] emit = t.responseId() == null ? null : emitLog.take(t.responseId()); // always take: frees the log
            if (t.warmup() || t.outcome() != RequestTimeline.Outcome.SUCCESS) continue;
            f.timing.record(arrivals, n, t.outputTokens(), emit);
        }
    }
}
