package dev.llmbench.harness.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a baseline comparison: one {@link MetricComparison} per benchmark and metric, in the order of the
 * current results (benchmarks only in the baseline last).
 *
 * @param comparisons every benchmark × metric
 * @param options     the options it was judged with
 */
public record ComparisonReport(List<MetricComparison> comparisons, CompareOptions options) {

    public ComparisonReport {
        comparisons = List.copyOf(comparisons);
        Objects.requireNonNull(options, "options");
    }

    /** The regressions: metrics WORSE beyond their tolerance. */
    public List<MetricComparison> regressions() {
        return comparisons.stream().filter(MetricComparison::regression).toList();
    }

    /** True when at least one metric regressed. */
    public boolean hasRegressions() {
        return comparisons.stream().anyMatch(MetricComparison::regression);
    }

    /** The metrics with this verdict. */
    public List<MetricComparison> withVerdict(Verdict v) {
        return comparisons.stream().filter(c -> c.verdict() == v).toList();
    }

    /** The benchmark labels, in order. */
    public List<String> benchmarks() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (MetricComparison c : comparisons) names.add(c.benchmark());
        return new ArrayList<>(names);
    }

    /** The comparisons of one benchmark (by label, see {@link ResultIdentity#labels}). */
    public List<MetricComparison> forBenchmark(String label) {
        return comparisons.stream().filter(c -> c.benchmark().equals(label)).toList();
    }

    /** The comparison of one benchmark's metric, or null. */
    public MetricComparison find(String label, String metricId) {
        for (MetricComparison c : comparisons) {
            if (c.benchmark().equals(label) && c.metric().id().equals(metricId)) return c;
        }
        return null;
    }

    /**
     * Every regression, one per line, under a heading line, e.g.
     * <pre>
     * 2 metrics regressed against the baseline:
     *   chat-small: p90(ttft) 412.0 ms -> 530.5 ms (+28.8%, tolerance 10%)
     *   chat-small: output_throughput 950.0 tok/s -> 700.0 tok/s (-26.3%, tolerance 10%)
     * </pre>
     * or {@code "no regressions against the baseline"}.
     */
    public String failureMessage() {
        List<MetricComparison> r = regressions();
        if (r.isEmpty()) return "no regressions against the baseline";
        StringBuilder sb = new StringBuilder();
        sb.append(r.size()).append(r.size() == 1 ? " metric regressed" : " metrics regressed").append(" against the baseline:");
        for (MetricComparison c : r) sb.append("\n  ").append(c.describe());
        return sb.toString();
    }

    /** A one-line count of the verdicts, e.g. "14 compared: 1 worse, 2 better, 9 same, 2 not enough samples". */
    public String verdictSummary() {
        StringBuilder sb = new StringBuilder();
        sb.append(comparisons.size()).append(" compared");
        String sep = ": ";
        for (Verdict v : Verdict.values()) {
            long n = comparisons.stream().filter(c -> c.verdict() == v).count();
            if (n == 0) continue;
            sb.append(sep).append(n).append(' ').append(v.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            sep = ", ";
        }
        return sb.toString();
    }
}
