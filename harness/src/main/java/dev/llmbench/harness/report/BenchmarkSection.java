package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.Verdict;
import dev.llmbench.harness.report.ReportView.SloView;

import java.util.List;

/**
 * One benchmark's section of the HTML report, built by {@link ReportViewBuilder}: texts raw, figures in display units.
 *
 * @param anchor        its index ({@code id="b<anchor>"})
 * @param headline      its headline numbers and words (label, model, endpoint, load, shape, counts, speeds)
 * @param slos          its SLO verdicts
 * @param started       when it started, formatted
 * @param duration      how long it ran, formatted ({@code "12.3 s"})
 * @param host          the host it ran on
 * @param partialReason why it was cut short, null when it was not
 * @param figures       one row per recorded metric
 * @param counts        the counts the headline does not carry
 * @param costLine      what it cost in one line (see {@link ReportViewBuilder#costLine}), null when not priced
 * @param comparisons   its metrics against the baseline; empty without one
 * @param timeSeries    its per-second series, null when it has none
 * @param failures      examples of failed requests
 * @param warnings      its own warnings
 * @param rateLimits    what the endpoint said about rate limiting, null when it said nothing and the run did not back off
 */
record BenchmarkSection(int anchor, Headline headline, List<SloView> slos, String started, String duration, String host,
                        String partialReason, List<FigureRow> figures, Counts counts, String costLine,
                        List<ComparisonRow> comparisons, TimeSeriesView timeSeries, List<FailureExample> failures,
                        List<String> warnings, RateLimitView rateLimits) {

    /**
     * A metric's distribution in display units (ms or tok/s).
     *
     * @param values p50, p90, p95, p99, p99.9, max and mean; empty when {@code count} is 0
     */
    record FigureRow(String metric, String unit, long count, List<Double> values) {
    }

    /** Counts besides the headline's: succeeded and warmup requests, input and output tokens. */
    record Counts(long succeeded, long warmup, long inputTokens, long outputTokens) {
    }

    /** One metric against the baseline, figures formatted with their unit. */
    record ComparisonRow(String metric, String baseline, String now, String change, Verdict verdict,
                         boolean higherIsBetter) {
    }

    /** Per-second points (x = seconds since start, centred in the second) and the span of the x axis in seconds. */
    record TimeSeriesView(List<double[]> outputTokens, List<double[]> inFlight, List<double[]> completed,
                          List<double[]> ttftP50, double seconds) {
    }

    /**
     * Rate limiting as the endpoint reported it.
     *
     * @param status429 responses with HTTP 429
     * @param status503 responses with HTTP 503
     * @param backoff   the time held back after refusals ({@code "3 pauses, 2.0 s"}), null when backoff was off
     * @param headers   the {@code x-ratelimit-*} headers of the last request that carried any: server text, raw
     */
    record RateLimitView(long status429, long status503, String backoff, java.util.Map<String, String> headers) {

        /** The view of a result's rate limits, null when there is nothing to show. */
        static RateLimitView of(dev.llmbench.harness.metrics.RateLimits r) {
            if (r == null) return null;
            String backoff = r.backoff() == null ? null : r.backoff().pauses() + (r.backoff().pauses() == 1 ? " pause, " : " pauses, ")
                    + String.format(java.util.Locale.ROOT, "%.1f s", r.backoff().totalMs() / 1000.0);
            if (r.status429() + r.status503() == 0 && r.lastRateLimitHeaders().isEmpty() && backoff == null) return null;
            return new RateLimitView(r.status429(), r.status503(), backoff, r.lastRateLimitHeaders());
        }
    }

    /** A failed request's message under its kind ({@code "http_status"}). */
    record FailureExample(String kind, String message) {
    }
}
