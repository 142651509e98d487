package dev.llmbench.harness.compare;

import java.util.Locale;
import java.util.Objects;

/**
 * One metric of one benchmark, now against the baseline.
 *
 * @param benchmark  the benchmark's label (its name, or name [model] when several models ran it; see
 *                   {@link ResultIdentity#labels})
 * @param metric     the metric compared
 * @param oldValue   the baseline value in {@code metric.unit()}, null when the baseline lacks it (NEW)
 * @param newValue   the current value in {@code metric.unit()}, null when not measured now (MISSING)
 * @param change     relative change {@code (new - old) / old}: +0.288 is +28.8 %; +∞ when old is 0 and new is not;
 *                   NaN when either value is missing
 * @param tolerance  the tolerance that applied (fraction)
 * @param oldSamples samples behind the baseline value (0 when none)
 * @param newSamples samples behind the current value (0 when none)
 * @param verdict    the verdict
 */
public record MetricComparison(String benchmark, CompareMetric metric, Double oldValue, Double newValue, double change,
                               double tolerance, long oldSamples, long newSamples, Verdict verdict) {

    public MetricComparison {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** True when this is a regression: WORSE beyond the tolerance. */
    public boolean regression() {
        return verdict == Verdict.WORSE;
    }

    /**
     * The line a failure message shows, e.g. {@code chat-small: p90(ttft) 412.0 ms -> 530.5 ms (+28.8%, tolerance 10%)}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(benchmark).append(": ").append(metric.id()).append(' ')
                .append(formatValue(oldValue, metric.unit())).append(" -> ").append(formatValue(newValue, metric.unit()));
        switch (verdict) {
            case NEW: return sb.append(" (new: not in the baseline)").toString();
            case MISSING: return sb.append(" (missing: in the baseline, not measured now)").toString();
            case NOT_ENOUGH_SAMPLES:
                return sb.append(" (").append(formatChange(change)).append(", not enough samples: ")
                        .append(Math.min(oldSamples, newSamples)).append(')').toString();
            default:
                return sb.append(" (").append(formatChange(change)).append(", tolerance ").append(formatPercent(tolerance))
                        .append(')').toString();
        }
    }

    /** A value with its unit as messages show it ("412.0 ms", "0.35 ms", "1.25 %"); "n/a" for null. */
    public static String formatValue(Double v, String unit) {
        if (v == null || v.isNaN()) return "n/a";
        String num;
        if (v.isInfinite()) num = v > 0 ? "+∞" : "-∞";
        else if (unit.equals("%")) num = String.format(Locale.ROOT, "%.2f", v);
        else if (Math.abs(v) >= 10) num = String.format(Locale.ROOT, "%.1f", v);
        else if (Math.abs(v) >= 1) num = String.format(Locale.ROOT, "%.2f", v);
        else num = String.format(Locale.ROOT, "%.3f", v);
        return unit.isEmpty() ? num : num + " " + unit;
    }

    /** A relative change as "+28.8%", "-3.0%", "+∞%", or "n/a". */
    public static String formatChange(double change) {
        if (Double.isNaN(change)) return "n/a";
        if (Double.isInfinite(change)) return change > 0 ? "+∞%" : "-∞%";
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }

    /** A fraction as a percentage without trailing zeros: 0.10 → "10%", 0.125 → "12.5%". */
    public static String formatPercent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
