package dev.llmbench.harness.compare;

import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.MetricRef;
import dev.llmbench.harness.metrics.MetricSyntaxException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a baseline comparison judges (immutable; the {@code with…} methods return modified copies).
 *
 * <ul>
 *   <li>{@link #tolerance()}: the relative change allowed before a metric counts as better or worse, default
 *       {@value #DEFAULT_TOLERANCE} (10 %); a change of exactly the tolerance is SAME.</li>
 *   <li>{@link #metricTolerances()}: per-metric overrides, keyed by the full id ({@code "p99(itl)"}) or by the base
 *       metric ({@code "itl"}, applying to all its statistics); the full id wins. Keys are read by
 *       {@link MetricRef#parseSelector}, so they accept exactly what SLOs accept ({@code avg} reads as
 *       {@code mean}).</li>
 *   <li>{@link #minSamples()}: below this many samples on either side the verdict is NOT_ENOUGH_SAMPLES, default
 *       {@value #DEFAULT_MIN_SAMPLES}.</li>
 *   <li>{@link #metrics()}: what is compared, default {@link #DEFAULT_METRICS}.</li>
 * </ul>
 */
public final class CompareOptions {

    /** 10 %. */
    public static final double DEFAULT_TOLERANCE = 0.10;
    /** 30 samples. */
    public static final long DEFAULT_MIN_SAMPLES = 30;
    /** p50/p90/p99 of ttft, tpot, itl and e2e; output_throughput; error_rate. */
    public static final List<String> DEFAULT_METRICS = List.of(
            "p50(ttft)", "p90(ttft)", "p99(ttft)",
            "p50(tpot)", "p90(tpot)", "p99(tpot)",
            "p50(itl)", "p90(itl)", "p99(itl)",
            "p50(e2e)", "p90(e2e)", "p99(e2e)",
            "output_throughput", "error_rate");

    private final double tolerance;
    private final Map<String, Double> metricTolerances;
    private final long minSamples;
    private final List<CompareMetric> metrics;

    private CompareOptions(double tolerance, Map<String, Double> metricTolerances, long minSamples, List<CompareMetric> metrics) {
        checkTolerance("tolerance", tolerance);
        metricTolerances.forEach((k, v) -> checkTolerance("tolerance of '" + k + "'", v));
        if (minSamples < 0) throw new IllegalArgumentException("minSamples must be >= 0: " + minSamples);
        if (metrics.isEmpty()) throw new IllegalArgumentException("no metrics to compare");
        this.tolerance = tolerance;
        this.metricTolerances = Collections.unmodifiableMap(new LinkedHashMap<>(metricTolerances));
        this.minSamples = minSamples;
        this.metrics = List.copyOf(metrics);
    }

    private static void checkTolerance(String what, Double t) {
        if (t == null || !(t >= 0) || Double.isInfinite(t)) throw new IllegalArgumentException(what + " must be a finite fraction >= 0 (0.10 = 10%): " + t);
    }

    /** 10 % tolerance, no overrides, 30 samples minimum, the default metrics. */
    public static CompareOptions defaults() {
        return new CompareOptions(DEFAULT_TOLERANCE, Map.of(), DEFAULT_MIN_SAMPLES, parse(DEFAULT_METRICS));
    }

    /** These options with another default tolerance (a fraction: 0.10 = 10 %). */
    public CompareOptions withTolerance(double fraction) {
        return new CompareOptions(fraction, metricTolerances, minSamples, metrics);
    }

    /** These options with one more per-metric tolerance ({@code "p99(itl)"} or {@code "itl"}; a fraction). */
    public CompareOptions withMetricTolerance(String metric, double fraction) {
        Map<String, Double> m = new LinkedHashMap<>(metricTolerances);
        m.put(checkedKey(metric), fraction);
        return new CompareOptions(tolerance, m, minSamples, metrics);
    }

    /** These options with these per-metric tolerances added (null or empty: none added). */
    public CompareOptions withMetricTolerances(Map<String, Double> tolerances) {
        Map<String, Double> m = new LinkedHashMap<>(metricTolerances);
        if (tolerances != null) tolerances.forEach((k, v) -> m.put(checkedKey(k), v));
        return new CompareOptions(tolerance, m, minSamples, metrics);
    }

    /** These options with another minimum sample count. */
    public CompareOptions withMinSamples(long n) {
        return new CompareOptions(tolerance, metricTolerances, n, metrics);
    }

    /** These options comparing these metrics (ids as in {@link CompareMetric#parse}). */
    public CompareOptions withMetrics(List<String> ids) {
        return new CompareOptions(tolerance, metricTolerances, minSamples, parse(ids));
    }

    /** The default tolerance (fraction). */
    public double tolerance() {
        return tolerance;
    }

    /** Per-metric tolerance overrides (fractions), keyed by canonical id ({@link MetricRef#id()}). */
    public Map<String, Double> metricTolerances() {
        return metricTolerances;
    }

    public long minSamples() {
        return minSamples;
    }

    public List<CompareMetric> metrics() {
        return metrics;
    }

    /** The tolerance that applies to {@code metric}: its own override, else its base metric's, else the default. */
    public double toleranceFor(CompareMetric metric) {
        Double t = metricTolerances.get(metric.id());
        if (t == null) t = metricTolerances.get(metric.baseMetric());
        return t == null ? tolerance : t;
    }

    /** The metrics a per-metric tolerance may name on its own (for a distribution: all its statistics): every metric. */
    public static final List<String> BASE_METRICS = MetricName.ids();

    /**
     * Reads a tolerance as people write it: {@code 10%}, {@code 2.5 %} or a fraction {@code 0.1}.
     *
     * @param what names the setting in the error message, e.g. {@code llmbench.tolerance}
     * @throws IllegalArgumentException naming {@code what}, the text and what is allowed
     */
    public static double parseTolerance(String text, String what) {
        String t = text == null ? "" : text.trim();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100.0 : Double.parseDouble(t);
            if (v >= 0 && !Double.isInfinite(v)) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not a tolerance; allowed: a percentage such as 10% "
                + "or a fraction such as 0.1, >= 0");
    }

    /** The canonical key of a per-metric tolerance: {@code "p99 (ITL)"} → {@code p99(itl)}, {@code ITL} → {@code itl}. */
    private static String checkedKey(String metric) {
        try {
            return MetricRef.parseSelector(Objects.requireNonNull(metric, "metric")).id();
        } catch (MetricSyntaxException e) {
            throw new IllegalArgumentException(e.describe("tolerance for unknown metric") + "\n  a tolerance names a"
                    + " figure such as p90(ttft) or mean(tpot), or a metric for all its statistics: "
                    + String.join(", ", BASE_METRICS), e);
        }
    }

    private static List<CompareMetric> parse(List<String> ids) {
        List<CompareMetric> out = new ArrayList<>();
        for (String id : Objects.requireNonNull(ids, "metrics")) out.add(CompareMetric.parse(id));
        return out;
    }

    @Override
    public String toString() {
        return "CompareOptions[tolerance=" + tolerance + ", metricTolerances=" + metricTolerances + ", minSamples="
                + minSamples + ", metrics=" + metrics + "]";
    }
}
