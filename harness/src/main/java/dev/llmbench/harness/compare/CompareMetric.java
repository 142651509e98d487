package dev.llmbench.harness.compare;

import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.result.BenchmarkResult;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One figure a baseline comparison looks at, named as in SLO expressions:
 * <ul>
 *   <li>{@code p50(ttft)}, {@code p99.9(e2e)}, {@code mean(tpot)} — a statistic of one of the result's summaries
 *       ({@code ttft, ttfo, e2e, tpot, itl, queue_delay} in ms, lower is better; {@code output_speed} and
 *       {@code request_throughput} in tok/s, higher is better);</li>
 *   <li>{@code output_throughput} — system output tokens per second (higher is better);</li>
 *   <li>{@code request_rate} — successful requests per second (higher is better);</li>
 *   <li>{@code goodput} — requests per second that met every SLO (higher is better; absent when not measured);</li>
 *   <li>{@code error_rate} — errors / measured requests, in % (lower is better).</li>
 * </ul>
 *
 * @param id         the name as written, e.g. {@code p90(ttft)}
 * @param direction  which way is better
 * @param unit       the display unit of {@link #valueOf} ({@code ms}, {@code tok/s}, {@code rps}, {@code %})
 * @param noiseFloor an absolute difference (in {@code unit}) at or below which the change counts as SAME whatever its
 *                   relative size (0 for none; 0.5 percentage points for {@code error_rate}, so 0 % → 0.1 % is not
 *                   an infinite regression)
 */
public record CompareMetric(String id, Direction direction, String unit, double noiseFloor) {

    /** Which way a metric improves. */
    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER
    }

    private static final Pattern STAT = Pattern.compile("(p(\\d{1,2}(?:\\.\\d+)?|100)|mean|min|max)\\(([a-z][a-z0-9_]*)\\)");

    public CompareMetric {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        unit = unit == null ? "" : unit;
        if (!(noiseFloor >= 0)) throw new IllegalArgumentException("noiseFloor must be >= 0: " + noiseFloor);
    }

    /**
     * The metric named {@code id} (see the class documentation), with its direction, unit and noise floor.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static CompareMetric parse(String id) {
        String s = Objects.requireNonNull(id, "id").trim().toLowerCase(Locale.ROOT).replace(" ", "");
        switch (s) {
            case "output_throughput": return new CompareMetric(s, Direction.HIGHER_IS_BETTER, "tok/s", 0);
            case "request_rate": return new CompareMetric(s, Direction.HIGHER_IS_BETTER, "rps", 0);
            case "goodput": return new CompareMetric(s, Direction.HIGHER_IS_BETTER, "rps", 0);
            case "error_rate": return new CompareMetric(s, Direction.LOWER_IS_BETTER, "%", 0.5);
            default: break;
        }
        Matcher m = STAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown comparison metric '" + id + "': expected pNN(metric), mean(metric), "
                    + "min(metric), max(metric), output_throughput, request_rate, goodput or error_rate");
        }
        String base = m.group(3);
        boolean rate = base.equals("output_speed") || base.equals("request_throughput");
        return new CompareMetric(s, rate ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER, rate ? "tok/s" : "ms", 0);
    }

    /** The underlying result metric ({@code ttft} for {@code p90(ttft)}; the id itself for the system-level figures). */
    public String baseMetric() {
        Matcher m = STAT.matcher(id);
        return m.matches() ? m.group(3) : id;
    }

    /** True when a higher value is better. */
    public boolean higherIsBetter() {
        return direction == Direction.HIGHER_IS_BETTER;
    }

    /** The value of this metric in {@code r}, in {@link #unit()}, or null when the result does not have it. */
    public Double valueOf(BenchmarkResult r) {
        switch (id) {
            case "output_throughput": return r.throughput().outputTokensPerSecond();
            case "request_rate": return r.throughput().requestsPerSecond();
            case "goodput": return r.throughput().goodputRequestsPerSecond();
            case "error_rate": return r.counts().errorRate() * 100.0;
            default: break;
        }
        Matcher m = STAT.matcher(id);
        if (!m.matches()) return null;
        Summary s = r.metrics().get(m.group(3));
        if (s == null || s.count() == 0) return null;
        double raw;
        String stat = m.group(1);
        if (stat.equals("mean")) raw = s.mean();
        else if (stat.equals("min")) raw = s.min();
        else if (stat.equals("max")) raw = s.max();
        else raw = s.percentile(Double.parseDouble(m.group(2)));
        return raw / 1000.0; // us -> ms, millitokens/s -> tok/s
    }

    /**
     * How many samples the value stands on: the successful requests for request metrics (also for {@code itl}, whose
     * histogram counts tokens, since its percentiles are only as stable as the requests behind them), the measured
     * requests for {@code error_rate}.
     */
    public long samplesOf(BenchmarkResult r) {
        if (id.equals("error_rate")) return r.counts().measured();
        if (id.equals("output_throughput") || id.equals("request_rate") || id.equals("goodput")) return r.counts().measured();
        Summary s = r.metrics().get(baseMetric());
        if (s == null) return 0;
        return baseMetric().equals("itl") ? r.counts().succeeded() : s.count();
    }

    @Override
    public String toString() {
        return id;
    }
}
