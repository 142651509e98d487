package dev.llmbench.harness.compare;

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
 *       metric ({@code "itl"}, applying to all its statistics); the full id wins.</li>
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

    /** Per-metric tolerance overrides (fractions), keys normalised to lower case without spaces. */
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

    /** The base metrics a per-metric tolerance may name on its own (applying to all their statistics). */
    public static final List<String> BASE_METRICS = List.of("ttft", "ttfo", "e2e", "tpot", "itl", "queue_delay",
            "output_speed", "request_throughput", "output_throughput", "request_rate", "goodput", "error_rate");

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

    private static String checkedKey(String metric) {
        String key = normalise(metric);
        if (BASE_METRICS.contains(key)) return key;
        CompareMetric parsed = null;
        try {
            parsed = CompareMetric.parse(key);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (parsed != null && BASE_METRICS.contains(parsed.baseMetric())) return parsed.id();
        throw new IllegalArgumentException("tolerance for unknown metric '" + metric + "'; allowed: a metric id such as "
                + "p90(ttft) or mean(tpot), or a base metric: " + String.join(", ", BASE_METRICS));
    }

    private static String normalise(String id) {
        return Objects.requireNonNull(id, "metric").trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
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
