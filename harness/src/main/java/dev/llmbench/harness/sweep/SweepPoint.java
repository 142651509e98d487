package dev.llmbench.harness.sweep;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.metrics.Summary;

/**
 * One measured step of a capacity search: a point of the throughput/latency curve.
 *
 * @param concurrency            concurrent users of the step (closed loop)
 * @param outputTokensPerSecond  system output tokens/s over the measured window
 * @param requestsPerSecond      successful requests/s over the measured window
 * @param ttftP50Micros          TTFT p50, failures counted as +∞ (NaN with no requests)
 * @param ttftP90Micros          TTFT p90, failures counted as +∞ (NaN with no requests)
 * @param tpotP50Micros          TPOT p50, failures counted as +∞ (NaN with no samples)
 * @param errorRate              failed / measured requests, 0–1
 * @param slosPassed             every SLO of the step passed (true when there are none)
 */
public record SweepPoint(int concurrency, double outputTokensPerSecond, double requestsPerSecond,
                         double ttftP50Micros, double ttftP90Micros, double tpotP50Micros, double errorRate,
                         boolean slosPassed) {

    public SweepPoint {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
    }

    /** The point a benchmark result at {@code concurrency} makes. */
    public static SweepPoint of(int concurrency, BenchmarkResult r) {
        boolean passed = r.sloVerdicts().stream().allMatch(SloVerdict::passed);
        return new SweepPoint(concurrency, r.throughput().outputTokensPerSecond(), r.throughput().requestsPerSecond(),
                percentile(r, "ttft", 50), percentile(r, "ttft", 90), percentile(r, "tpot", 50),
                r.counts().errorRate(), passed);
    }

    private static double percentile(BenchmarkResult r, String metric, double p) {
        Summary s = r.metrics().get(metric);
        return s == null ? Double.NaN : s.errorAdjustedPercentile(p);
    }
}
