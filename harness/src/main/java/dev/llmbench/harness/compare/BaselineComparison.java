package dev.llmbench.harness.compare;

import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.result.BenchmarkResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares current results with a baseline, benchmark by benchmark and metric by metric.
 *
 * <p><b>Matching.</b> Results are matched by benchmark name; when several results share a name (several models or
 * endpoints ran the same benchmark) they are matched by model and endpoint URL, then by model alone. A current result
 * without a match gets NEW for every metric, a baseline result without one MISSING.
 *
 * <p><b>Verdicts</b>, per metric: NEW / MISSING when the value is absent on one side; NOT_ENOUGH_SAMPLES when either
 * side stands on fewer than {@link CompareOptions#minSamples()} samples; otherwise, with {@code change = (new - old) /
 * old}, WORSE when the change goes the bad way by more than the metric's tolerance, BETTER when it goes the good way
 * by more than the tolerance, else SAME. An absolute difference within the metric's
 * {@linkplain CompareMetric#noiseFloor() noise floor} is SAME. A change of exactly the tolerance is SAME.
 *
 * <p>A capacity search's result ({@code llmbench.sweep}) is also compared on {@code max_concurrency_meeting_slo}
 * (higher is better; its samples are the measured requests of the step at the capacity), listed or not.
 */
public final class BaselineComparison {

    /** Relative slack so that a change of exactly the tolerance (10.000000000000009 % in doubles) is SAME. */
    private static final double EPSILON = 1e-9;

    private BaselineComparison() {
    }

    /** Compares {@code current} with {@code baseline} (either may be empty). */
    public static ComparisonReport compare(List<BenchmarkResult> current, List<BenchmarkResult> baseline, CompareOptions options) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(options, "options");
        List<String> curLabels = ResultIdentity.labels(current);
        List<String> baseLabels = ResultIdentity.labels(baseline);

        Map<String, List<Integer>> baseByName = new LinkedHashMap<>();
        for (int i = 0; i < baseline.size(); i++) baseByName.computeIfAbsent(baseline.get(i).name(), k -> new ArrayList<>()).add(i);
        Map<String, List<Integer>> curByName = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) curByName.computeIfAbsent(current.get(i).name(), k -> new ArrayList<>()).add(i);

        int[] match = new int[current.size()];
        java.util.Arrays.fill(match, -1);
        boolean[] used = new boolean[baseline.size()];
        for (Map.Entry<String, List<Integer>> e : curByName.entrySet()) {
            List<Integer> cands = baseByName.getOrDefault(e.getKey(), List.of());
            List<Integer> curs = e.getValue();
            if (curs.size() == 1 && cands.size() == 1) {
                match[curs.get(0)] = cands.get(0);
                used[cands.get(0)] = true;
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int ci : curs) {
                    if (match[ci] >= 0) continue;
                    for (int bi : cands) {
                        if (used[bi]) continue;
                        boolean ok = pass == 0 ? ResultIdentity.sameTarget(current.get(ci), baseline.get(bi))
                                : ResultIdentity.model(current.get(ci)).equals(ResultIdentity.model(baseline.get(bi)));
                        if (ok) {
                            match[ci] = bi;
                            used[bi] = true;
                            break;
                        }
                    }
                }
            }
        }

        List<MetricComparison> out = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            BenchmarkResult now = current.get(i);
            BenchmarkResult old = match[i] >= 0 ? baseline.get(match[i]) : null;
            for (CompareMetric m : metrics(options, old, now)) out.add(compare(curLabels.get(i), m, old, now, options));
        }
        for (int b = 0; b < baseline.size(); b++) {
            if (used[b]) continue;
            for (CompareMetric m : metrics(options, baseline.get(b), null)) out.add(compare(baseLabels.get(b), m, baseline.get(b), null, options));
        }
        return new ComparisonReport(out, options);
    }

    /** The options' metrics, and the capacity when either side is a sweep's result (it has nothing else to say). */
    private static List<CompareMetric> metrics(CompareOptions options, BenchmarkResult old, BenchmarkResult now) {
        boolean sweep = (old != null && old.throughput().maxConcurrencyMeetingSlo() != null)
                || (now != null && now.throughput().maxConcurrencyMeetingSlo() != null);
        if (!sweep || options.metrics().stream().anyMatch(m -> m.metric() == MetricName.MAX_CONCURRENCY_MEETING_SLO)) {
            return options.metrics();
        }
        List<CompareMetric> all = new ArrayList<>(options.metrics());
        all.add(CompareMetric.parse(MetricName.MAX_CONCURRENCY_MEETING_SLO.id()));
        return all;
    }

    private static MetricComparison compare(String label, CompareMetric m, BenchmarkResult old, BenchmarkResult now,
                                            CompareOptions options) {
        double tolerance = options.toleranceFor(m);
        Double ov = old == null ? null : m.valueOf(old);
        Double nv = now == null ? null : m.valueOf(now);
        long os = old == null ? 0 : m.samplesOf(old);
        long ns = now == null ? 0 : m.samplesOf(now);
        if (nv == null && ov == null) {
            // Neither side has the metric (e.g. goodput without SLOs): report it as missing only when a baseline existed.
            return new MetricComparison(label, m, null, null, Double.NaN, tolerance, os, ns, old == null ? Verdict.NEW : Verdict.MISSING);
        }
        if (ov == null) return new MetricComparison(label, m, null, nv, Double.NaN, tolerance, os, ns, Verdict.NEW);
        if (nv == null) return new MetricComparison(label, m, ov, null, Double.NaN, tolerance, os, ns, Verdict.MISSING);
        double change = relativeChange(ov, nv);
        if (Math.min(os, ns) < options.minSamples()) {
            return new MetricComparison(label, m, ov, nv, change, tolerance, os, ns, Verdict.NOT_ENOUGH_SAMPLES);
        }
        Verdict v;
        if (Math.abs(nv - ov) <= m.noiseFloor() || Double.isNaN(change)) {
            v = Verdict.SAME;
        } else {
            double worse = m.higherIsBetter() ? -change : change; // > 0: got worse
            if (worse > tolerance + EPSILON) v = Verdict.WORSE;
            else if (-worse > tolerance + EPSILON) v = Verdict.BETTER;
            else v = Verdict.SAME;
        }
        return new MetricComparison(label, m, ov, nv, change, tolerance, os, ns, v);
    }

    /** (new - old) / old; 0 when both are 0; ±∞ when only old is 0. */
    static double relativeChange(double old, double now) {
        if (old == now) return 0.0;
        if (old == 0) return now > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return (now - old) / Math.abs(old);
    }
}
