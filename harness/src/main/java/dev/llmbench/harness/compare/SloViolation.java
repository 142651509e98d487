package dev.llmbench.harness.compare;

import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.SloReport;

import java.util.Objects;

/**
 * A failed SLO of one benchmark.
 *
 * @param benchmark the benchmark's label (see {@link ResultIdentity#labels})
 * @param verdict   the failed verdict
 */
public record SloViolation(String benchmark, SloVerdict verdict) {

    public SloViolation {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** E.g. {@code chat-small: p90(ttft) < 800ms violated: measured 912.3 ms, limit 800 ms (p90 over 100 requests)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(benchmark).append(": ").append(verdict.expression()).append(" violated: measured ")
                .append(SloReport.measured(verdict)).append(", limit ").append(SloReport.limit(verdict));
        if (!verdict.detail().isEmpty()) sb.append(" (").append(verdict.detail()).append(')');
        return sb.toString();
    }
}
