package dev.llmbench.harness.plan;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.ShutdownGuard;
import dev.llmbench.harness.metrics.FailureSummary;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.ResultPaths;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs every benchmark of a plan in turn and writes each result (the Maven goal {@code llmbench:run}, plain Java):
 * checks the endpoint first, or starts the embedded simulator for the whole plan and stops it after. Not thread-safe.
 *
 * <p>Interrupted ({@link Thread#interrupt()}, or Ctrl-C / SIGTERM through {@link ShutdownGuard}), the benchmark
 * running writes its partial result, the benchmarks not yet started are skipped (and logged), and the outcomes so far
 * are returned; the thread's interrupt flag is kept set.
 *
 * <p>With {@link BenchmarkPlan#sweep()} set, it runs a capacity search instead of the runs ({@link PlanSweep}) and
 * returns one outcome: the step at the capacity found. A caller that writes more after this (a report) holds its
 * own {@link ShutdownGuard} around both, so a Ctrl-C waits for that too.
 */
public final class PlanRunner {

    /** One run's result and the file it was written to. */
    public record Outcome(PlannedRun run, BenchmarkResult result, Path file) {
    }

    private PlanRunner() {
    }

    /**
     * The line logged after a run: its counts, then its latencies and throughput — or, when no measured request
     * succeeded, what failed instead (there is no latency to show: never a "TTFT p50 0.0 ms").
     */
    static String summaryLine(String name, BenchmarkResult r, Path file) {
        String counts = FailureSummary.counts(r.counts());
        String allFailed = FailureSummary.allFailedOrNull(r.measurements());
        if (allFailed != null) return name + ": " + counts + "; " + allFailed + " -> " + file;
        if (r.counts().measured() == 0) return name + ": no measured requests -> " + file;
        return String.format(Locale.ROOT, "%s: %s, TTFT p50 %.1f ms, p90 %.1f ms, TPOT mean %.2f ms, %.1f output tok/s -> %s",
                name, counts, r.summary("ttft").p50() / 1000.0, r.summary("ttft").p90() / 1000.0,
                r.summary("tpot").mean() / 1000.0, r.throughput().outputTokensPerSecond(), file);
    }

    /**
     * @param log receives one line before and one after each benchmark
     * @throws dev.llmbench.harness.settings.SettingsException when the endpoint is unreachable (before anything runs)
     * @throws IOException when a result cannot be written (the results so far are on disk)
     */
    public static List<Outcome> run(BenchmarkPlan plan, Consumer<String> log) throws IOException {
        try (ShutdownGuard guard = ShutdownGuard.open()) {
            return runGuarded(plan, log);
        }
    }

    /**
     * Runs the plan's capacity search ({@link BenchmarkPlan#sweep()} must be set) against a running target, logs each
     * step and writes the result at the capacity found (for a front-end that runs one invocation, as the JUnit extension).
     *
     * @param simulatorUri the running simulator's URI when {@link BenchmarkPlan#simulated()}, else null
     * @param written      result files written so far in this session (the new one is added)
     */
    public static Outcome sweep(BenchmarkPlan plan, URI simulatorUri, Consumer<String> log, Set<Path> written) throws IOException {
        if (plan.sweep() == null) throw new IllegalStateException("llmbench.sweep is off: the plan has no sweep");
        return PlanSweep.run(plan, simulatorUri, log, written);
    }

    private static List<Outcome> runGuarded(BenchmarkPlan plan, Consumer<String> log) throws IOException {
        plan.checkReachable();
        SimulatorProvider.Running simulator = null;
        try {
            URI simulatorUri = null;
            if (plan.target() instanceof Target.Simulated s) {
                simulator = EmbeddedSimulators.provider().start(s.profile().name(), 0, s.personality());
                simulatorUri = plan.simulatorUri(simulator);
                log.accept("no llmbench.endpoint given: embedded simulator (profile " + s.profile().name() + ", model "
                        + s.profile().modelName() + ") on " + simulatorUri);
            }
            List<Outcome> out = new ArrayList<>();
            Set<Path> written = new HashSet<>();
            if (plan.sweep() != null) {
                out.add(PlanSweep.run(plan, simulatorUri, log, written));
                return out;
            }
            List<PlannedRun> runs = plan.runs();
            for (int i = 0; i < runs.size(); i++) {
                PlannedRun run = runs.get(i);
                if (Thread.currentThread().isInterrupted() || ShutdownGuard.shutdownRequested()) {
                    log.accept(ShutdownGuard.partialReason("interrupted") + ": " + (runs.size() - i)
                            + " benchmark(s) not run, from " + run.name());
                    break;
                }
                String where = simulator != null ? simulatorUri.toString() : plan.target().display();
                log.accept("running " + run.name() + " [" + run.label() + "] against " + where + " (model " + plan.model() + ")");
                BenchmarkResult r;
                try (ProgressReporter progress = ProgressReporter.start(run.name(), plan.progressSeconds(), System.err)) {
                    Benchmark.Builder b = plan.benchmark(run, simulatorUri).onRequest(progress);
                    r = b.build().run();
                }
                Path file = ResultFiles.write(r, ResultPaths.unique(plan.outputDirectory(), ResultFiles.fileName(r), plan.model(), written));
                log.accept(summaryLine(run.name(), r, file));
                if (r.partial()) log.accept(run.name() + ": partial result (" + r.metadata().partialReason() + ")");
                out.add(new Outcome(run, r, file));
            }
            return out;
        } finally {
            if (simulator != null) simulator.close();
        }
    }
}
