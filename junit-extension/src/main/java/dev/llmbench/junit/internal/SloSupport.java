package dev.llmbench.junit.internal;

import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.SloReport;
import dev.llmbench.harness.slo.SloSet;

import java.util.List;

/** How the extension shows SLO verdicts (the harness's {@link SloReport}). */
final class SloSupport {

    private SloSupport() {
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
