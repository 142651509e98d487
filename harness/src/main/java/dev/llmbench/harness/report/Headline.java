package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.util.List;

import static dev.llmbench.harness.metrics.MetricName.E2E;
import static dev.llmbench.harness.metrics.MetricName.ITL;
import static dev.llmbench.harness.metrics.MetricName.OUTPUT_SPEED;
import static dev.llmbench.harness.metrics.MetricName.TPOT;
import static dev.llmbench.harness.metrics.MetricName.TTFT;

/**
 * The headline numbers of one result, as the report tables show them. Latencies in milliseconds, speeds in tokens
 * per second; a figure the result does not have is null.
 *
 * @param label            the benchmark's label (see {@link ResultIdentity#labels})
 * @param name             the benchmark's name
 * @param model            the configured model ("" when unknown)
 * @param endpoint         the endpoint URL, credentials stripped ("" when unknown)
 * @param protocol         the wire protocol, e.g. {@code openai-chat}, {@code anthropic-messages} ("" when unknown)
 * @param load             the load, e.g. {@code "concurrency 20"}, {@code "poisson 4 rps (max 32)"}
 * @param shape            the prompt shape, e.g. {@code "100→200 tok"}, {@code "long-in-short-out (2000→128 tok)"}
 * @param requests         measured requests
 * @param errors           errors (every failure but cancellation, rate-limited requests included)
 * @param rateLimited      rate-limited requests (a part of {@code errors})
 * @param cancelled        requests the run cut off
 * @param errorRate        errors / measured, as a percentage
 * @param ttftP50          TTFT p50 (ms)
 * @param ttftP90          TTFT p90 (ms)
 * @param ttftP99          TTFT p99 (ms)
 * @param tpotP50          time per output token p50 (ms)
 * @param itlP50           inter-token latency p50 (ms)
 * @param e2eP50           end-to-end latency p50 (ms)
 * @param e2eP90           end-to-end latency p90 (ms)
 * @param outputSpeedP50   per-request output speed p50 (tok/s)
 * @param outputThroughput system output throughput (tok/s)
 * @param requestRate      successful requests per second
 * @param goodput          requests per second that met every SLO, null when not measured
 * @param partial          true when the run was cut short
 * @param slos             the SLO verdicts
 * @param usdPerMillionOutputTokens what a million output tokens cost in this run ({@code cost.usd_per_1k_output_tokens}
 *                         × 1000), null when the run was not priced
 */
public record Headline(String label, String name, String model, String endpoint, String protocol, String load, String shape,
                       long requests, long errors, long rateLimited, long cancelled, double errorRate,
                       Double ttftP50, Double ttftP90, Double ttftP99, Double tpotP50, Double itlP50,
                       Double e2eP50, Double e2eP90, Double outputSpeedP50, double outputThroughput,
                       double requestRate, Double goodput, boolean partial, List<SloVerdict> slos,
                       Double usdPerMillionOutputTokens) {

    /** The headline of {@code r} under {@code label}; configuration and cost are read in {@link ReportViewBuilder}. */
    public static Headline of(BenchmarkResult r, String label) {
        return new Headline(label, r.name(), ResultIdentity.model(r), ResultIdentity.endpoint(r), ResultIdentity.protocol(r),
                ReportViewBuilder.load(r), ReportViewBuilder.shape(r),
                r.counts().measured(), r.counts().errors(), r.counts().rateLimited(), r.counts().cancelled(),
                r.counts().errorRate() * 100, pct(r, TTFT, 50), pct(r, TTFT, 90), pct(r, TTFT, 99),
                pct(r, TPOT, 50), pct(r, ITL, 50), pct(r, E2E, 50), pct(r, E2E, 90), pct(r, OUTPUT_SPEED, 50),
                r.throughput().outputTokensPerSecond(), r.throughput().requestsPerSecond(),
                r.throughput().goodputRequestsPerSecond(), r.partial(), r.sloVerdicts(),
                ReportViewBuilder.usdPerMillionOutputTokens(r));
    }

    /** True when every SLO passed (also when there are none). */
    public boolean slosPassed() {
        return slos.stream().allMatch(SloVerdict::passed);
    }

    /** Percentile {@code p} of a metric in ms (latencies) or tok/s (speeds), null when the result lacks it or it is empty. */
    static Double pct(BenchmarkResult r, MetricName metric, double p) {
        Summary s = r.metrics().get(metric.id());
        if (s == null || s.count() == 0) return null;
        return s.percentile(p) / 1000.0;
    }
}
