/**
 * Service-level objectives: one small grammar shared by the annotations, the Maven plugin and the builder API, its
 * evaluation over a {@link dev.llmbench.harness.result.BenchmarkResult}, goodput, and the verdict table.
 *
 * <h2>Grammar</h2>
 * <pre>
 * slo        := lhs comparator limit
 * lhs        := statistic "(" distribution-metric ")"      e.g. p90(ttft), mean(tpot), p99.9(itl)
 *             | run-metric                                  e.g. error_rate, goodput, cost_per_request
 *             | "output_speed" | "request_throughput"       bare: their mean
 * statistic  := "p" NN ["." N…]   (0 &lt; NN ≤ 100: p50, p90, p95, p99, p99.9, …) | "mean" | "avg" (= mean)
 *             | "stddev" | "min" | "max"
 * comparator := "&lt;" | "&lt;=" | "&gt;" | "&gt;="    ("≤" and "≥" too; "==" is refused: measured values are never exact)
 * limit      := number [unit]      number: digits, optional fraction and exponent, never negative
 * </pre>
 * Whitespace is free between tokens ({@code p90(ttft)<800ms} and {@code p90( ttft ) < 800 ms} are the same SLO);
 * metric and statistic names are case-insensitive, units are not. The left-hand side is read by
 * {@link dev.llmbench.harness.metrics.MetricRef} from the vocabulary of {@link dev.llmbench.harness.metrics.MetricName}
 * and {@link dev.llmbench.harness.metrics.Statistic}, the same parser baseline comparisons and tolerance keys use.
 *
 * <table>
 * <caption>Metrics, their units and what is measured</caption>
 * <tr><th>metric</th><th>units</th><th>measured value</th></tr>
 * <tr><td>ttft, ttfo, tpot, e2e</td><td>ns us µs ms s m (required)</td><td>the statistic over the measured
 *     requests, error-adjusted (below)</td></tr>
 * <tr><td>itl</td><td>duration</td><td>the statistic over the inter-token latencies of successful requests (one
 *     sample per token)</td></tr>
 * <tr><td>queue_delay</td><td>duration</td><td>the statistic over successful requests</td></tr>
 * <tr><td>output_speed, request_throughput</td><td>tok/s or tokens/s (required)</td><td>per-request 1/TPOT and
 *     N/E2E; the statistic over the measured requests with failures as 0 tok/s; bare {@code output_speed} =
 *     {@code mean(output_speed)}</td></tr>
 * <tr><td>output_throughput</td><td>tok/s</td><td>system output tokens/s of successful requests over the measured
 *     window</td></tr>
 * <tr><td>request_rate</td><td>rps or req/s (required)</td><td>successful requests/s over the measured window</td></tr>
 * <tr><td>goodput</td><td>rps or req/s</td><td>good requests/s over the measured window (see {@link
 *     dev.llmbench.harness.slo.SloSet}); fails "goodput not measured" unless counted during the run</td></tr>
 * <tr><td>error_rate, rate_limited_rate</td><td>% or none (a fraction in [0, 1])</td><td>errors (every failed
 *     request, rate-limited ones included; not those the run cancelled) / measured requests; rate-limited (429, 503
 *     with Retry-After) / measured requests. Shown in %</td></tr>
 * <tr><td>token_count_mismatch</td><td>% or none (a fraction)</td><td>how far the local tokenizer's output-token
 *     counts are from the server's usage: Σ |tokenizer − usage| / Σ usage over the successful measured requests that
 *     have both ({@link dev.llmbench.harness.metrics.TokenReconciliation#mismatchRatio()}); fails "no samples" without
 *     a tokenizer or without usage. Shown in %</td></tr>
 * <tr><td>cost_per_request, cost_per_run, cost_per_1k_output_tokens, cost_per_1k_tokens (blended),
 *     cost_per_good_request</td><td>none: US dollars</td><td>the figure of that name in
 *     {@link dev.llmbench.harness.result.BenchmarkResult#cost()} (key = the metric name, or with {@code cost_}
 *     replaced by {@code usd_}); fails "no pricing configured" while the result has no cost</td></tr>
 * </table>
 * A unit that does not fit the metric ({@code p90(ttft) < 5tok/s}), a missing unit where one is required, and a
 * statistic on a run-level metric are syntax errors.
 *
 * <h2>Statistics and failed requests</h2>
 * Failed requests (errors and rate-limited, not the ones the run itself cancelled) can never make an endpoint look
 * better. Where the metric's summary carries them (ttft, ttfo, tpot, e2e) and for output_speed they enter the
 * <em>order statistics</em> at the worst end: percentiles are error-adjusted ({@link
 * dev.llmbench.harness.metrics.Summary#errorAdjustedPercentile}: a failure is +∞; for output_speed a failure is 0
 * tok/s), {@code max} is +∞ as soon as one request failed (for output_speed, {@code min} is 0), and {@code min} (for
 * output_speed, {@code max}) covers the successful requests (+∞, or 0, when every request failed). The
 * {@code mean} and {@code stddev} cover the successful requests only (a mean with +∞ in it says nothing) and their
 * detail says how many failed; a {@code stddev} SLO judges the run, not single requests, so it takes no part in goodput. itl and queue_delay have no failed samples (a failed request has no well-defined token gaps), so their
 * statistics cover successful requests only. Percentiles use HdrHistogram's nearest rank
 * ({@link dev.llmbench.harness.metrics.NearestRank}) and report the histogram's value (3 significant digits).
 *
 * <h2>Verdicts</h2>
 * {@link dev.llmbench.harness.slo.Objective#evaluate} never throws for a result: what cannot be measured fails with
 * {@code measured = NaN} and a detail that says why — {@code "no samples"} (e.g. tpot when every response had fewer
 * than 2 tokens, or no measured request at all), {@code "no pricing configured"}, {@code "goodput not measured"}.
 * Measured and limit are in the SLO's display unit: the duration unit written, {@code %}, {@code tok/s}, the request
 * rate unit written, {@code USD}. {@link dev.llmbench.harness.slo.SloReport} formats verdicts as a table.
 */
package dev.llmbench.harness.slo;
