package dev.llmbench.junit.assertions;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.Objective;
import dev.llmbench.harness.slo.SloReport;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Fluent, typed assertions on a {@link BenchmarkResult}; start with {@link LlmBenchAssertions#assertThat(BenchmarkResult)}.
 * <pre>{@code
 * assertThat(result).hasNoFailures();
 * assertThat(result).ttft().p90().isLessThan(Duration.ofMillis(800));
 * assertThat(result).tpot().mean().isLessThanOrEqualTo(Duration.ofMillis(40));
 * assertThat(result).errorRate().isLessThan(0.01);
 * assertThat(result).outputThroughput().isAtLeast(500);          // tokens/s
 * assertThat(result).satisfiesSlo("p99(e2e) < 30s");
 * }</pre>
 * Latency statistics are error-adjusted by default (failed requests count as +∞); see {@link LatencyAssert}.
 */
public class BenchmarkResultAssert extends AbstractAssert<BenchmarkResultAssert, BenchmarkResult> {

    /** The latency metrics, as the SLO grammar and the result files name them (from {@link MetricName}). */
    public static final List<String> LATENCY_METRICS = MetricName.latencies().stream().map(MetricName::id).toList();

    public BenchmarkResultAssert(BenchmarkResult actual) {
        super(actual, BenchmarkResultAssert.class);
    }

    // ---- latencies ----

    /** Time to first token: first chunk carrying generated output (content, reasoning or tool call) − t0. */
    public LatencyAssert ttft() {
        return latency("ttft");
    }

    /** Time to first output: first chunk carrying answer content (not reasoning) − t0. */
    public LatencyAssert ttfo() {
        return latency("ttfo");
    }

    /** Time per output token: (E2E − TTFT) / (N − 1), for requests with N ≥ 2 tokens. */
    public LatencyAssert tpot() {
        return latency("tpot");
    }

    /** Inter-token latency: one sample per output token (a bundled chunk's gap is divided over its tokens). */
    public LatencyAssert itl() {
        return latency("itl");
    }

    /** End-to-end latency: end of stream − t0. */
    public LatencyAssert e2e() {
        return latency("e2e");
    }

    /** Queue delay: actual send − intended send (open loop; about 0 in a closed loop). */
    public LatencyAssert queueDelay() {
        return latency("queue_delay");
    }

    /** A latency metric by name: one of {@link #LATENCY_METRICS}. */
    public LatencyAssert latency(String metric) {
        isNotNull();
        if (!LATENCY_METRICS.contains(metric)) {
            throw new IllegalArgumentException("not a latency metric: '" + metric + "'; allowed: " + LATENCY_METRICS);
        }
        return new LatencyAssert(this, metric, actual.summary(metric), true);
    }

    // ---- ratios ----

    /** Errors / measured requests: every failed request, rate-limited ones included; not those the run cut off. */
    public RatioAssert errorRate() {
        isNotNull();
        Counts c = actual.counts();
        return new RatioAssert(this, "error_rate", c.errors(), "error", c.measured(),
                breakdown(c, k -> k != FailureKind.CANCELLED));
    }

    /** Rate-limited requests (429, or 503 with Retry-After) / measured requests; they are errors too ({@link #errorRate()}). */
    public RatioAssert rateLimitedRate() {
        isNotNull();
        Counts c = actual.counts();
        RateLimits r = actual.rateLimits();
        String detail = r == null || c.rateLimited() == 0 ? ""
                : "HTTP 429 " + r.status429() + ", HTTP 503 " + r.status503() + ", with Retry-After " + r.retryAfterCount();
        return new RatioAssert(this, "rate_limited_rate", c.rateLimited(), "rate-limited request", c.measured(), detail);
    }

    // ---- system rates ----

    /** Output tokens/s of the successful requests over the measured window. */
    public ThroughputAssert outputThroughput() {
        isNotNull();
        SystemThroughput t = actual.throughput();
        return new ThroughputAssert(this, "output_throughput", t.outputTokensPerSecond(), "tok/s",
                Formats.plural(actual.tokens().output(), "output token") + " of " + successfulOver(t));
    }

    /** Input tokens/s of the successful requests over the measured window. */
    public ThroughputAssert inputThroughput() {
        isNotNull();
        SystemThroughput t = actual.throughput();
        return new ThroughputAssert(this, "input_throughput", t.inputTokensPerSecond(), "tok/s",
                Formats.plural(actual.tokens().input(), "input token") + " of " + successfulOver(t));
    }

    /** Successful requests/s over the measured window. */
    public ThroughputAssert requestRate() {
        isNotNull();
        SystemThroughput t = actual.throughput();
        return new ThroughputAssert(this, "request_rate", t.requestsPerSecond(), "req/s", successfulOver(t));
    }

    // ---- counts ----

    /** Exactly {@code n} measured requests succeeded (warmup excluded). */
    public BenchmarkResultAssert hasSucceeded(long n) {
        isNotNull();
        Counts c = actual.counts();
        if (c.succeeded() != n) {
            failWithMessage("%s", "Expected " + Formats.plural(n, "successful request") + " but " + c.succeeded()
                    + " of " + c.measured() + " measured succeeded" + failureSuffix(c));
        }
        return this;
    }

    /** Every measured request succeeded: no errors, no rate limiting, none cut off by the run. */
    public BenchmarkResultAssert hasNoFailures() {
        isNotNull();
        Counts c = actual.counts();
        if (c.failed() > 0) {
            failWithMessage("%s", "Expected no failed requests but " + c.failed() + " of "
                    + Formats.plural(c.measured(), "measured request") + " failed" + failureSuffix(c));
        }
        return this;
    }

    /** The run was not cut short (a partial result holds what an interrupted run had). */
    public BenchmarkResultAssert isComplete() {
        isNotNull();
        if (actual.partial()) {
            failWithMessage("%s", "Expected a complete run but " + actual.name() + " is partial: "
                    + actual.metadata().partialReason());
        }
        return this;
    }

    // ---- SLOs ----

    /**
     * The result meets one SLO of the grammar shared with {@code @Slo} and the Maven plugin, e.g.
     * {@code "p90(ttft) < 800ms"}, {@code "error_rate < 1%"}, {@code "output_throughput >= 500tok/s"}.
     * On failure the message shows the SLO, the measured value, the limit and how it was measured:
     * <pre>
     * SLO violated: p90(ttft) &lt; 800ms — measured 912.3 ms, limit 800 ms (p90 over 100 requests incl. 3 failed as +∞)
     * </pre>
     *
     * @throws dev.llmbench.harness.slo.SloSyntaxException (an IllegalArgumentException) when the expression is
     *                                                     malformed: a mistake in the test, not a failed assertion
     */
    public BenchmarkResultAssert satisfiesSlo(String expression) {
        isNotNull();
        SloVerdict v = Objective.parse(expression).evaluate(actual);
        if (!v.passed()) {
            failWithMessage("%s", "SLO violated: " + v.expression() + " — measured " + SloReport.measured(v)
                    + ", limit " + SloReport.limit(v) + (v.detail().isEmpty() ? "" : " (" + v.detail() + ")"));
        }
        return this;
    }

    /**
     * The result meets every one of these SLOs. All are evaluated; on failure the message is the verdict table of
     * all of them (SLO, measured, limit, verdict, detail), as a failing {@code @Slo} shows it.
     */
    public BenchmarkResultAssert satisfiesSlos(String... expressions) {
        isNotNull();
        if (expressions.length == 0) throw new IllegalArgumentException("no SLO expressions given");
        List<SloVerdict> verdicts = new ArrayList<>();
        for (String e : expressions) verdicts.add(Objective.parse(e).evaluate(actual));
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        if (failed > 0) {
            failWithMessage("%s", failed + " of " + Formats.plural(verdicts.size(), "SLO") + " violated:\n"
                    + SloReport.tableWithDetails(verdicts));
        }
        return this;
    }

    // ---- helpers ----

    private String successfulOver(SystemThroughput t) {
        return Formats.plural(actual.counts().succeeded(), "successful request") + " over "
                + Formats.number(t.windowSeconds()) + " s";
    }

    private String failureSuffix(Counts c) {
        if (c.failed() == 0) return "";
        StringBuilder b = new StringBuilder(": ").append(breakdown(c, k -> true));
        Map<FailureKind, List<String>> examples = actual.failureExamples();
        if (examples != null) {
            examples.entrySet().stream().filter(e -> !e.getValue().isEmpty()).findFirst()
                    .ifPresent(e -> b.append("; e.g. ").append(e.getKey()).append(": ").append(e.getValue().get(0)));
        }
        return b.toString();
    }

    private static String breakdown(Counts c, Predicate<FailureKind> include) {
        StringJoiner j = new StringJoiner(", ");
        c.failedByKind().forEach((k, v) -> {
            if (v > 0 && include.test(k)) j.add(k + " " + v);
        });
        return j.toString();
    }
}
