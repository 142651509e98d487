package dev.llmbench.microbench.soak;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: does the harness's memory stay flat however long it runs? A closed loop against the embedded simulator for
 * a time or a number of requests, with the heap sampled every {@code --sample-seconds}: prints one JSON line per sample
 * ({@code heap_used_mb} now, {@code heap_after_gc_mb} = what the last collection left, the figure that shows retention)
 * and a final line. Not a test: run it from {@code benchmarks.jar} with a small heap ({@code -Xmx256m}), see the
 * README's "Soak" section. Not thread-safe; one run per JVM.
 */
@Command(name = "Soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the harness against the embedded simulator for a long time and samples its heap.")
public final class Soak implements Callable<Integer> {

    @Option(names = "--minutes", description = "Measured minutes (0: until --requests). Default: ${DEFAULT-VALUE}.")
    double minutes = 10;

    @Option(names = "--requests", description = "Measured requests (0: until --minutes). Default: ${DEFAULT-VALUE}.")
    long requests = 0;

    @Option(names = "--concurrency", description = "Closed-loop users. Default: ${DEFAULT-VALUE}.")
    int concurrency = 32;

    @Option(names = "--output-tokens", description = "Output tokens per request. Default: ${DEFAULT-VALUE}.")
    int outputTokens = 16;

    @Option(names = "--step-micros", description = "The simulator's fixed decode step, µs. Default: ${DEFAULT-VALUE}.")
    long stepMicros = 1000;

    @Option(names = "--sample-seconds", description = "Seconds between heap samples. Default: ${DEFAULT-VALUE}.")
    int sampleSeconds = 30;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Soak()).execute(args));
    }

    @Override
    public Integer call() {
        if (minutes <= 0 && requests <= 0) throw new CommandLine.ParameterException(new CommandLine(this), "set --minutes or --requests");
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> System.out.println(sample(t0, done.get())), sampleSeconds, sampleSeconds, TimeUnit.SECONDS);
        try (Simulator sim = Simulator.start(Profile.fixedStep("soak", stepMicros))) {
            Benchmark.Builder b = Benchmark.builder("soak")
                    .endpoint(sim.baseUri().toString())
                    .model(sim.profile().modelName())
                    .load(LoadModel.concurrency(concurrency))
                    .promptShape(RequestShape.of(32, outputTokens))
                    .onRequest(t -> done.incrementAndGet());
            if (minutes > 0) b.maxDuration(Duration.ofNanos(Math.round(minutes * 60e9)));
            if (requests > 0) b.maxRequests(requests);
            BenchmarkResult r = b.build().run();
            sampler.shutdownNow();
            System.out.println(sample(t0, done.get()));
            System.out.printf(Locale.ROOT, "{\"final\":true,\"requests\":%d,\"errors\":%d,\"seconds\":%.0f,\"requests_per_s\":%.0f,"
                            + "\"max_heap_mb\":%.0f}%n", r.counts().measured(), r.counts().errors(), (System.nanoTime() - t0) / 1e9,
                    r.throughput().requestsPerSecond(), Runtime.getRuntime().maxMemory() / 1048576.0);
        }
        return 0;
    }

    private static String sample(long t0, long requests) {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) afterGc += pool.getCollectionUsage().getUsed();
        }
        return String.format(Locale.ROOT, "{\"t_s\":%.0f,\"requests\":%d,\"heap_used_mb\":%.1f,\"heap_after_gc_mb\":%.1f}",
                (System.nanoTime() - t0) / 1e9, requests, used / 1048576.0, afterGc / 1048576.0);
    }
}
