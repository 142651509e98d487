package dev.llmbench.harness.result;

import java.util.Objects;

/**
 * The verdict on one SLO over one benchmark result (see {@code dev.llmbench.harness.slo.Objective#evaluate}).
 *
 * <p>{@code measured} and {@code limit} are in the SLO's display unit {@code unit}: the duration unit the SLO was
 * written with ({@code "ms"}, {@code "s"}, …), {@code "%"} for rates (also when the limit was written as a
 * fraction), {@code "tok/s"}, {@code "rps"} (or {@code "req/s"} as written), or {@code "USD"} for cost.
 * {@code measured} may be {@link Double#POSITIVE_INFINITY} (a failed request counted as +∞ decided the statistic)
 * and is {@link Double#NaN} when nothing could be measured (no samples, no pricing, goodput not measured); such a
 * verdict has {@code passed == false}. Result files keep non-finite values exactly ({@code "Infinity"},
 * {@code "-Infinity"}, {@code "NaN"} as JSON strings).
 *
 * @param expression  the SLO as written (trimmed), e.g. {@code p90(ttft) < 800ms}
 * @param metric      the metric it constrains, e.g. {@code ttft}, {@code error_rate} (empty when unknown)
 * @param passed      whether the run met it
 * @param measured    the measured value in {@code unit}; +∞ allowed; NaN when not measurable
 * @param limit       the SLO's limit in {@code unit} (NaN only for verdicts built without one)
 * @param unit        the display unit of {@code measured} and {@code limit} (may be empty)
 * @param sampleCount how many samples the measured value stands on (requests, tokens for itl; failures included
 *                    where they were counted)
 * @param detail      how the value was obtained or why it is missing, e.g.
 *                    {@code "p90 over 100 requests incl. 3 failed as +∞"}, {@code "no pricing configured"}
 */
public record SloVerdict(String expression, String metric, boolean passed, double measured, double limit,
                         String unit, long sampleCount, String detail) {

    public SloVerdict {
        Objects.requireNonNull(expression, "expression");
        metric = metric == null ? "" : metric;
        unit = unit == null ? "" : unit;
        detail = detail == null ? "" : detail;
        if (sampleCount < 0) throw new IllegalArgumentException("sampleCount must be >= 0: " + sampleCount);
    }

    /** A verdict without figures (measured and limit NaN, no metric, unit or samples). */
    public SloVerdict(String expression, boolean passed, String detail) {
        this(expression, "", passed, Double.NaN, Double.NaN, "", 0, detail);
    }

    /** "passed" or "FAILED", as the verdict table shows it. */
    public String verdictText() {
        return passed ? "passed" : "FAILED";
    }
}
