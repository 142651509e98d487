package dev.llmbench.junit.internal;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.util.List;

/** The extension's one point of contact with the harness's SLO grammar (dev.llmbench.harness.slo). */
final class SloSupport {

    private SloSupport() {
    }

    /** Checks one expression; throws IllegalArgumentException with the parser's message when malformed. */
    static void check(String expression) {
        // TODO wire to dev.llmbench.harness.slo.Slo.parse once merged
    }

    static void attach(Benchmark.Builder builder, List<String> expressions) {
        // TODO builder.slo(...)
    }

    static boolean allPassed(List<SloVerdict> verdicts) {
        return verdicts.stream().allMatch(SloVerdict::passed);
    }

    static String table(List<SloVerdict> verdicts) {
        StringBuilder sb = new StringBuilder();
        for (SloVerdict v : verdicts) sb.append(v.expression()).append("  ").append(v.passed() ? "passed" : "FAILED").append('\n');
        return sb.toString();
    }

    static String verdictLine(SloVerdict v) {
        return (v.passed() ? "passed" : "FAILED") + ": " + v.detail();
    }

    static BenchmarkResult evaluateIfNeeded(BenchmarkResult r) {
        return r;
    }
}
