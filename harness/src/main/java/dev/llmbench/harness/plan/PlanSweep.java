package dev.llmbench.harness.plan;

import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.ResultPaths;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.Objective;
import dev.llmbench.harness.slo.SloSet;
import dev.llmbench.harness.sweep.BenchmarkSteps;
import dev.llmbench.harness.sweep.CapacityOutcome;
import dev.llmbench.harness.sweep.CapacitySearch;
import dev.llmbench.harness.sweep.SweepPoint;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a plan's capacity search ({@code llmbench.sweep}) over its first prompt shape with its SLOs, logs each step and
 * the outcome, and writes one result: the step at the capacity found (the step at concurrency 1 when none met the
 * SLOs), under {@link BenchmarkPlan#sweepRun()}'s name, with {@code throughput.max_concurrency_meeting_slo} set.
 * An SLO on {@code max_concurrency_meeting_slo} judges that result only; the other SLOs judge every step. Stateless.
 */
final class PlanSweep {

    private PlanSweep() {
    }

    static PlanRunner.Outcome run(BenchmarkPlan plan, URI simulatorUri, Consumer<String> log, Set<Path> written) throws IOException {
        PlannedRun run = plan.sweepRun();
        BenchmarkPlan.Sweep sweep = plan.sweep();
        log.accept("sweeping " + run.name() + " against " + (simulatorUri != null ? simulatorUri : plan.target().display())
                + " (model " + plan.model() + "): highest concurrency up to " + sweep.maxConcurrency() + " meeting "
                + String.join("; ", plan.slos()));
        // A capacity SLO judges the search, not a step: the steps are judged by the others.
        List<String> capacitySlos = new ArrayList<>();
        List<String> stepSlos = new ArrayList<>();
        for (String slo : plan.slos()) (isCapacity(slo) ? capacitySlos : stepSlos).add(slo);
        BenchmarkSteps steps = new BenchmarkSteps(c -> plan.benchmarkWithoutSlos(run, simulatorUri), stepSlos);
        TreeMap<Integer, BenchmarkResult> byConcurrency = new TreeMap<>();
        CapacityOutcome outcome = new CapacitySearch(sweep.options()).run(c -> {
            SweepPoint p = steps.measure(c);
            byConcurrency.put(c, steps.results().get(steps.results().size() - 1));
            log.accept(stepLine(run.name(), p));
            return p;
        });
        log.accept(run.name() + ": " + outcome.summary());
        BenchmarkResult r = atCapacity(outcome, byConcurrency).withMaxConcurrencyMeetingSlo(outcome.maxConcurrencyMeetingSlo());
        if (!capacitySlos.isEmpty()) {
            List<SloVerdict> verdicts = new ArrayList<>(r.sloVerdicts());
            verdicts.addAll(SloSet.parse(capacitySlos).evaluate(r));
            r = r.withSloVerdicts(verdicts);
        }
        Path file = ResultFiles.write(r, ResultPaths.unique(plan.outputDirectory(), ResultFiles.fileName(r), plan.model(), written));
        log.accept(run.name() + ": the step at concurrency " + Math.max(1, outcome.maxConcurrencyMeetingSlo()) + " -> " + file);
        return new PlanRunner.Outcome(run, r, file);
    }

    /** The result of the step at the capacity, or of the lowest step when none met the SLOs. */
    static BenchmarkResult atCapacity(CapacityOutcome outcome, TreeMap<Integer, BenchmarkResult> byConcurrency) {
        if (byConcurrency.isEmpty()) throw new IllegalStateException("a sweep measured no step");
        BenchmarkResult r = byConcurrency.get(outcome.maxConcurrencyMeetingSlo());
        return r != null ? r : byConcurrency.firstEntry().getValue();
    }

    static boolean isCapacity(String slo) {
        return Objective.parse(slo).metric().equals(MetricName.MAX_CONCURRENCY_MEETING_SLO.id());
    }

    private static String stepLine(String name, SweepPoint p) {
        return String.format(Locale.ROOT, "%s: concurrency %d: %s, TTFT p90 %.1f ms, %.1f output tok/s, errors %.1f%%",
                name, p.concurrency(), p.slosPassed() ? "SLOs met" : "SLOs missed", p.ttftP90Micros() / 1000.0,
                p.outputTokensPerSecond(), p.errorRate() * 100);
    }
}
