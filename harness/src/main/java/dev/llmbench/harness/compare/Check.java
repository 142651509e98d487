package dev.llmbench.harness.compare;

import dev.llmbench.harness.metrics.FailureSummary;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The check a build runs after its benchmarks: every SLO verdict in the results, every run where all measured
 * requests failed (a verdict of its own, with or without SLOs: such a run measured no latency at all), plus
 * regressions against a baseline when there is one. The Maven {@code check} and {@code run} goals call {@link #run}
 * and fail (or warn) on {@link CheckOutcome#failed()} with {@link CheckOutcome#summary()}.
 */
public final class Check {

    private Check() {
    }

    /** {@link #run(List, List, CompareOptions, boolean)} where a run whose every request failed fails the check. */
    public static CheckOutcome run(List<BenchmarkResult> results, List<BenchmarkResult> baselineOrNull, CompareOptions options) {
        return run(results, baselineOrNull, options, false);
    }

    /**
     * Checks {@code results}: SLO violations from each result's {@link BenchmarkResult#sloVerdicts()}; results in
     * which every measured request failed ({@link dev.llmbench.harness.metrics.Counts#allFailed()}), which fail the
     * check unless {@code allowAllFailed} ({@code llmbench.allowAllFailed}; then they are only listed); and, when
     * {@code baselineOrNull} is not null, regressions against it under {@code options} (null: defaults).
     */
    public static CheckOutcome run(List<BenchmarkResult> results, List<BenchmarkResult> baselineOrNull, CompareOptions options,
                                   boolean allowAllFailed) {
        Objects.requireNonNull(results, "results");
        CompareOptions opts = options == null ? CompareOptions.defaults() : options;
        List<String> labels = ResultIdentity.labels(results);
        List<SloViolation> violations = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        List<String> allFailed = new ArrayList<>();
        int verdicts = 0;
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult r = results.get(i);
            for (SloVerdict v : r.sloVerdicts()) {
                verdicts++;
                if (!v.passed()) violations.add(new SloViolation(labels.get(i), v));
            }
            if (r.partial()) partial.add(labels.get(i));
            String failures = FailureSummary.allFailedOrNull(r.measurements());
            if (failures != null) allFailed.add(labels.get(i) + ": " + failures);
        }
        ComparisonReport comparison = baselineOrNull == null ? null : BaselineComparison.compare(results, baselineOrNull, opts);

        StringBuilder sb = new StringBuilder();
        List<MetricComparison> regressions = comparison == null ? List.of() : comparison.regressions();
        boolean failed = !violations.isEmpty() || !regressions.isEmpty() || (!allFailed.isEmpty() && !allowAllFailed);
        sb.append("llmbench check ").append(failed ? "FAILED" : "passed").append(": ")
                .append(results.size()).append(results.size() == 1 ? " benchmark, " : " benchmarks, ")
                .append(verdicts).append(verdicts == 1 ? " SLO verdict (" : " SLO verdicts (")
                .append(violations.size()).append(" violated)");
        if (comparison == null) sb.append(", no baseline");
        else sb.append(", baseline: ").append(comparison.verdictSummary());
        if (results.isEmpty()) sb.append("\n  no results found: did the benchmarks run?");
        if (!allFailed.isEmpty()) {
            sb.append(allowAllFailed ? "\nEvery measured request failed (allowed: llmbench.allowAllFailed is true):"
                    : "\nEvery measured request failed, so nothing was measured (set llmbench.allowAllFailed=true to accept):");
            for (String line : allFailed) sb.append("\n  ").append(line);
        }
        if (!violations.isEmpty()) {
            sb.append("\nSLO violations:");
            for (SloViolation v : violations) sb.append("\n  ").append(v.describe());
        }
        if (!regressions.isEmpty()) sb.append('\n').append(comparison.failureMessage());
        if (!partial.isEmpty()) sb.append("\nPartial runs (cut short): ").append(String.join(", ", partial));
        return new CheckOutcome(results.size(), violations, comparison, partial, allowAllFailed ? List.of() : allFailed,
                sb.toString());
    }
}
