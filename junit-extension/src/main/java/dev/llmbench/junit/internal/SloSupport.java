package dev.llmbench.junit.internal;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.Slo;
import dev.llmbench.harness.slo.SloReport;
import dev.llmbench.harness.slo.SloSet;

import java.util.List;

/** The extension's one point of contact with the harness's SLO grammar ({@code dev.llmbench.harness.slo}). */
final class SloSupport {

    private SloSupport() {
    }

    /**
     * Checks one expression.
     *
     * @throws dev.llmbench.harness.slo.SloSyntaxException (an IllegalArgumentException) pointing at the offending token
     */
    static void check(String expression) {
        Slo.parse(expression);
    }

    /** Has the benchmark evaluate these SLOs (and count goodput) and attach the verdicts to its result. */
    static void attach(Benchmark.Builder builder, List<String> expressions) {
        if (!expressions.isEmpty()) builder.slo(expressions.toArray(String[]::new));
    }

    static boolean allPassed(List<SloVerdict> verdicts) {
        return SloSet.allPassed(verdicts);
    }

    /** The verdict table: SLO, measured, limit, verdict, and how each value was obtained. */
    static String table(List<SloVerdict> verdicts) {
        return SloReport.tableWithDetails(verdicts);
    }

    /** e.g. {@code FAILED (measured 912.3 ms, limit 800 ms)}. */
    static String verdictLine(SloVerdict v) {
        return v.verdictText() + " (measured " + SloReport.measured(v) + ", limit " + SloReport.limit(v) + ")";
    }
}
