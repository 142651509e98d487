package dev.llmbench.harness.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * System throughput over the measured window: from the first measured request's t0 (intended start) to the last
 * measured request's end, in wall-clock time. Counts successful requests and their tokens.
 *
 * @param windowStart               start of the window, or null when nothing was measured
 * @param windowEnd                 end of the window, or null when nothing was measured
 * @param outputTokensPerSecond     output tokens of successful requests / window seconds (0 for an empty window)
 * @param inputTokensPerSecond      input tokens of successful requests / window seconds
 * @param requestsPerSecond         successful requests / window seconds
 * @param goodRequests              measured requests that met every SLO; null until SLOs are evaluated (never
 *                                  estimated). A count, so merged results add it; the rate is derived
 *                                  ({@link #goodputRequestsPerSecond()})
 * @param maxConcurrencyMeetingSlo  set only on the result a capacity search writes ({@code llmbench.sweep}): the
 *                                  highest concurrency that met every SLO (0: none did); null otherwise
 */
public record SystemThroughput(Instant windowStart, Instant windowEnd, double outputTokensPerSecond,
                               double inputTokensPerSecond, double requestsPerSecond, Long goodRequests,
                               Integer maxConcurrencyMeetingSlo) {

    /** A run's throughput (no capacity). */
    public SystemThroughput(Instant windowStart, Instant windowEnd, double outputTokensPerSecond,
                            double inputTokensPerSecond, double requestsPerSecond, Long goodRequests) {
        this(windowStart, windowEnd, outputTokensPerSecond, inputTokensPerSecond, requestsPerSecond, goodRequests, null);
    }

    /** Computes the rates from the totals over [start, end] (goodput absent). */
    public static SystemThroughput of(Instant start, Instant end, Counts counts, TokenTotals tokens) {
        if (start == null || end == null) return new SystemThroughput(null, null, 0, 0, 0, null);
        double seconds = Duration.between(start, end).toNanos() / 1e9;
        if (seconds <= 0) return new SystemThroughput(start, end, 0, 0, 0, null);
        return new SystemThroughput(start, end, tokens.output() / seconds, tokens.input() / seconds,
                counts.succeeded() / seconds, null);
    }

    /** This throughput with {@code goodRequests} set (null: not measured). */
    public SystemThroughput withGoodRequests(Long good) {
        return new SystemThroughput(windowStart, windowEnd, outputTokensPerSecond, inputTokensPerSecond, requestsPerSecond, good,
                maxConcurrencyMeetingSlo);
    }

    /** This throughput with the capacity a sweep found (null: none). */
    public SystemThroughput withMaxConcurrencyMeetingSlo(Integer capacity) {
        return new SystemThroughput(windowStart, windowEnd, outputTokensPerSecond, inputTokensPerSecond, requestsPerSecond,
                goodRequests, capacity);
    }

    /** Goodput: good requests / window seconds (0 for an empty window); null when goodput was not measured. */
    public Double goodputRequestsPerSecond() {
        if (goodRequests == null) return null;
        double seconds = windowSeconds();
        return seconds > 0 ? goodRequests / seconds : 0.0;
    }

    /** The window's length in seconds (0 when empty). */
    public double windowSeconds() {
        return windowStart == null || windowEnd == null ? 0.0 : Duration.between(windowStart, windowEnd).toNanos() / 1e9;
    }
}
