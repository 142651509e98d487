package dev.llmbench.harness.compare;

import java.util.List;

/**
 * What {@link Check#run} found.
 *
 * @param benchmarks    how many results were checked
 * @param sloViolations every failed SLO verdict, by benchmark
 * @param comparison    the baseline comparison, or null when there was no baseline
 * @param partial       labels of results that were cut short (reported, not a failure by themselves)
 * @param allFailed     one line per result in which every measured request failed, when that fails the check
 *                      ({@code llmbench.allowAllFailed} false), e.g. {@code chat: all 20 requests failed: 20 × http_status (…)}
 * @param summary       one message saying it all: what passed, every violation and every regression, one per line
 */
public record CheckOutcome(int benchmarks, List<SloViolation> sloViolations, ComparisonReport comparison,
                           List<String> partial, List<String> allFailed, String summary) {

    public CheckOutcome {
        sloViolations = List.copyOf(sloViolations);
        partial = List.copyOf(partial);
        allFailed = List.copyOf(allFailed);
    }

    /** The regressions against the baseline (empty without a baseline). */
    public List<MetricComparison> regressions() {
        return comparison == null ? List.of() : comparison.regressions();
    }

    /**
     * True when an SLO was violated, a run's every request failed (unless allowed) or a metric regressed: the build
     * should fail (or warn, when told to only warn).
     */
    public boolean failed() {
        return !sloViolations.isEmpty() || !allFailed.isEmpty() || !regressions().isEmpty();
    }

    /** Opposite of {@link #failed()}. */
    public boolean passed() {
        return !failed();
    }
}
