package dev.llmbench.harness.slo;

import dev.llmbench.harness.cost.CostFigures;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.MetricUnit;
import dev.llmbench.harness.metrics.NearestRank;
import dev.llmbench.harness.metrics.RequestMetrics;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.Statistic;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TokenReconciliation;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One service-level objective, parsed from the SLO grammar shared by the annotations, the Maven plugin and the
 * builder API (see the {@linkplain dev.llmbench.harness.slo package documentation} for the grammar and the exact
 * meaning of every metric and statistic).
 *
 * <pre>{@code
 * Objective slo = Objective.parse("p90(ttft) < 800ms");      // throws SloSyntaxException when malformed
 * SloVerdict v = slo.evaluate(result);           // v.passed(), v.measured() in ms, v.detail()
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #equals} compares the parsed meaning (so {@code p90(ttft)<800ms} equals
 * {@code p90(ttft) < 800 ms}); {@link #toString()} is the expression as written.
 */
public final class Objective {

    static final List<String> COMPARATORS_ALLOWED = List.of("<", "<=", ">", ">=");

    enum Comparator {
        LT("<"), LE("<="), GT(">"), GE(">=");
        final String symbol;
        Comparator(String symbol) { this.symbol = symbol; }

        boolean holds(double measured, double limit) {
            switch (this) {
                case LT: return measured < limit;
                case LE: return measured <= limit;
                case GT: return measured > limit;
                default: return measured >= limit;
            }
        }
    }

    private final String expression;
    private final MetricName metric;
    private final Statistic stat;      // null for run-level metrics
    private final Comparator comparator;
    private final BigDecimal limitWritten; // the number as written, in the written unit
    private final String writtenUnit;      // "" when none
    private final String displayUnit;
    private final double limitDisplay;     // in displayUnit
    private final double limitBase;        // in the base unit (us, tok/s, rps, fraction, USD)
    private final double baseToDisplay;    // display = base * baseToDisplay

    Objective(String expression, MetricName metric, Statistic stat, Comparator comparator, BigDecimal limitWritten,
        String writtenUnit, String displayUnit, double limitDisplay, double limitBase, double baseToDisplay) {
        this.expression = expression;
        this.metric = metric;
        this.stat = stat;
        this.comparator = comparator;
        this.limitWritten = limitWritten;
        this.writtenUnit = writtenUnit;
        this.displayUnit = displayUnit;
        this.limitDisplay = limitDisplay;
        this.limitBase = limitBase;
        this.baseToDisplay = baseToDisplay;
    }

    /**
     * Parses one SLO expression, e.g. {@code p90(ttft) < 800ms}, {@code error_rate < 1%},
     * {@code output_throughput >= 500tok/s}, {@code cost_per_1k_output_tokens <= 0.002}.
     *
     * @throws SloSyntaxException when the expression is null, empty or malformed; the message points at the
     *                            offending token and lists what is allowed there
     */
    public static Objective parse(String expression) {
        return SloParser.parse(expression);
    }

    /** The names of every metric an SLO can constrain, in documentation order. */
    public static List<String> metricNames() {
        return MetricName.ids();
    }

    /** The expression as written, trimmed. */
    public String expression() {
        return expression;
    }

    /** The metric's name, e.g. {@code ttft}, {@code error_rate}, {@code cost_per_1k_output_tokens}. */
    public String metric() {
        return metric.id();
    }

    /**
     * The statistic in canonical form ({@code p90}, {@code p99.9}, {@code mean}, {@code stddev}, {@code min},
     * {@code max}; {@code avg} is read as {@code mean}); {@code mean} for a bare {@code output_speed} or
     * {@code request_throughput}; null for run-level metrics (rates, throughput, goodput, cost).
     */
    public String statistic() {
        return stat == null ? null : stat.id();
    }

    /** {@code <}, {@code <=}, {@code >} or {@code >=}. */
    public String comparator() {
        return comparator.symbol;
    }

    /** The limit in {@link #unit()}. */
    public double limit() {
        return limitDisplay;
    }

    /** The display unit of {@link #limit()} and of the verdict's measured value (see {@link SloVerdict}). */
    public String unit() {
        return displayUnit;
    }

    /**
     * Whether this SLO constrains each request (and so takes part in goodput): true for the latency and speed
     * metrics ttft, ttfo, tpot, itl, e2e, queue_delay, output_speed and request_throughput, except with
     * {@code stddev}, a spread that no single request has.
     */
    public boolean perRequest() {
        return metric.distribution() && stat.kind() != Statistic.Kind.STDDEV;
    }

    /**
     * Whether one request meets this SLO on its own (the per-request check behind goodput; see
     * {@link SloSet#admits}). A request that did not succeed never does. For the request-level metrics (ttft, ttfo,
     * tpot, e2e, queue_delay, output_speed, request_throughput) the request's own value is compared with the limit,
     * whatever the statistic ({@code p90(ttft) < 800ms} admits a request whose TTFT is under 800 ms); for itl, which has one
     * sample per token, the SLO's statistic is taken over the request's own inter-token latencies
     * ({@code p99(itl) < 100ms}: the request's own p99 ITL, nearest rank on the exact samples). A value that is not
     * defined for the request (TTFT without any output chunk; TPOT, ITL and output speed with fewer than 2 tokens, or
     * an output speed with a TPOT of 0) does not disqualify it. SLOs that are not {@link #perRequest()} admit every
     * successful request.
     */
    public boolean admits(RequestTimeline t) {
        if (t.outcome() != RequestTimeline.Outcome.SUCCESS) return false;
        if (!perRequest()) return true;
        switch (metric) {
            case TTFT: return nanosMeet(RequestMetrics.ttftNanos(t));
            case TTFO: return nanosMeet(RequestMetrics.ttfoNanos(t));
            case TPOT: return nanosMeet(RequestMetrics.tpotNanos(t));
            case E2E: return nanosMeet(RequestMetrics.e2eNanos(t));
            case QUEUE_DELAY: return nanosMeet(RequestMetrics.queueDelayNanos(t));
            case OUTPUT_SPEED: return speedMeets(RequestMetrics.outputSpeedTokensPerSecond(t));
            case REQUEST_THROUGHPUT: return speedMeets(RequestMetrics.requestThroughputTokensPerSecond(t));
            case ITL: return itlMeets(t);
            default: return true;
        }
    }

    private boolean nanosMeet(long nanos) {
        return nanos < 0 || comparator.holds(nanos / 1000.0, limitBase);
    }

    private boolean speedMeets(double tokensPerSecond) {
        return Double.isNaN(tokensPerSecond) || comparator.holds(tokensPerSecond, limitBase);
    }

    private boolean itlMeets(RequestTimeline t) {
        long[] buf = new long[Math.max(1, t.outputTokens())];
        int[] n = {0};
        long[][] holder = {buf};
        RequestMetrics.interTokenLatencies(t, s -> {
            if (n[0] == holder[0].length) holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
            holder[0][n[0]++] = s;
        });
        int count = n[0];
        if (count == 0) return true;
        long[] samples = holder[0];
        double nanos;
        switch (stat.kind()) {
            case MEAN: {
                double sum = 0;
                for (int i = 0; i < count; i++) sum += samples[i];
                nanos = sum / count;
                break;
            }
            case MIN: {
                long m = Long.MAX_VALUE;
                for (int i = 0; i < count; i++) m = Math.min(m, samples[i]);
                nanos = m;
                break;
            }
            case MAX: {
                long m = Long.MIN_VALUE;
                for (int i = 0; i < count; i++) m = Math.max(m, samples[i]);
                nanos = m;
                break;
            }
            default: {
                Arrays.sort(samples, 0, count);
                nanos = NearestRank.ofSorted(samples, count, stat.percentile());
            }
        }
        return comparator.holds(nanos / 1000.0, limitBase);
    }

    /**
     * Evaluates this SLO over a result. Never throws for a well-formed result: what cannot be measured fails the SLO
     * with a detail saying why ({@code "no samples"}, {@code "no pricing configured"}, goodput not measured).
     * See the {@linkplain dev.llmbench.harness.slo package documentation} for how each metric is measured.
     */
    public SloVerdict evaluate(BenchmarkResult result) {
        Objects.requireNonNull(result, "result");
        if (metric.distribution()) return evaluateDistribution(result);
        switch (metric.unit()) {
            case RATIO: return evaluateRate(result);
            case TOKENS_PER_SECOND: case REQUESTS_PER_SECOND: return evaluateThroughput(result);
            case USERS: return evaluateCapacity(result);
            default: return evaluateCost(result);
        }
    }

    private SloVerdict evaluateCapacity(BenchmarkResult result) {
        Integer capacity = result.throughput().maxConcurrencyMeetingSlo();
        if (capacity == null) {
            return unmeasurable(0, "capacity not measured: only the result of a capacity search (llmbench.sweep) has it");
        }
        return verdict(capacity, result.counts().measured(), "highest concurrency meeting every SLO of the sweep");
    }

    private SloVerdict evaluateDistribution(BenchmarkResult result) {
        Summary s = result.metrics().get(metric.id());
        if (s == null) return unmeasurable(0, "no samples: the result has no '" + metric.id() + "' metric");
        boolean speed = metric.unit() == MetricUnit.TOKENS_PER_SECOND;
        // Failures enter order statistics at the worst end: +∞ for latencies, 0 tok/s for output speed.
        long failed = speed ? result.counts().failuresCountedAsInfinite() : s.failedCount();
        double worst = speed ? 0.0 : Double.POSITIVE_INFINITY;
        String worstText = speed ? "0 tok/s" : "+∞";
        double scale = speed ? 1.0 / 1000.0 : 1.0; // summary unit -> base unit (us, or tok/s)
        long ok = s.count();
        long total = ok + failed;
        String failedNote = failed > 0 ? " incl. " + failed + " failed as " + worstText : "";
        switch (stat.kind()) {
            case MEAN: case STDDEV: {
                // A mean or spread with +∞ in it says nothing: successful samples only, and the detail says so.
                if (ok == 0) return unmeasurable(0, "no samples" + (failed > 0 ? ": all " + failed + " requests failed" : ""));
                String detail = stat.id() + " over " + ok + " successful " + noun(ok)
                        + (failed > 0 ? " (" + failed + " failed not included)" : "");
                return verdict(stat.of(s) * scale, ok, detail);
            }
            case MIN: case MAX: {
                if (total == 0) return unmeasurable(0, "no samples");
                boolean max = stat.kind() == Statistic.Kind.MAX;
                boolean worstEnd = max != speed; // max latency / min speed: failures decide
                double v;
                if (worstEnd) v = failed > 0 ? worst : (max ? s.max() : s.min()) * scale;
                else v = ok > 0 ? (max ? s.max() : s.min()) * scale : worst;
                return verdict(v, total, stat.id() + " over " + total + " " + noun(total) + failedNote);
            }
            default: {
                if (total == 0) return unmeasurable(0, "no samples");
                double v;
                if (!speed) {
                    v = s.errorAdjustedPercentile(stat.percentile());
                } else {
                    long rank = NearestRank.rank(stat.percentile(), total);
                    v = rank <= failed ? 0.0 : NearestRank.valueAtRank(s.histogram(), rank - failed, false) * scale;
                }
                return verdict(v, total, stat.id() + " over " + total + " " + noun(total) + failedNote);
            }
        }
    }

    private String noun(long n) {
        String noun = metric.samples();
        return n == 1 && noun.endsWith("requests") ? noun.substring(0, noun.length() - 1) : noun;
    }

    private SloVerdict evaluateRate(BenchmarkResult result) {
        if (metric == MetricName.TOKEN_COUNT_MISMATCH) return evaluateMismatch(result);
        Counts c = result.counts();
        long measured = c.measured();
        if (measured == 0) return unmeasurable(0, "no samples: no measured requests");
        boolean errors = metric == MetricName.ERROR_RATE;
        double rate = errors ? c.errorRate() : c.rateLimitedRate();
        long n = errors ? c.errors() : c.rateLimited();
        String what = errors ? n + " errors" + (c.rateLimited() > 0 ? " (" + c.rateLimited() + " rate-limited)" : "")
                : n + " rate-limited";
        return verdict(rate, measured, what + " in " + measured + " measured requests");
    }

    private SloVerdict evaluateMismatch(BenchmarkResult result) {
        TokenReconciliation r = result.tokens().reconciliation();
        if (r.comparedRequests() == 0) {
            return unmeasurable(0, "no samples: no request has both a server usage count and a local tokenizer count ("
                    + r.usageRequests() + " with usage, " + r.tokenizerRequests() + " tokenized; configure a tokenizer"
                    + " with Benchmark.Builder.tokenizer(...) and a server that reports usage)");
        }
        return verdict(r.mismatchRatio(), r.comparedRequests(), "Σ|tokenizer − usage| / Σ usage = "
                + r.comparedDifference() + " / " + r.comparedUsage() + " output tokens over " + r.comparedRequests()
                + " requests with both counts");
    }

    private SloVerdict evaluateThroughput(BenchmarkResult result) {
        SystemThroughput t = result.throughput();
        long measured = result.counts().measured();
        double seconds = t.windowSeconds();
        String window = String.format(Locale.ROOT, "%.3f s", seconds);
        if (metric == MetricName.GOODPUT) {
            if (t.goodputRequestsPerSecond() == null) {
                return unmeasurable(measured, "goodput not measured: it is counted per request while the benchmark"
                        + " runs (Benchmark.Builder.slo(...) or SloSet.goodputCounter())");
            }
            if (measured == 0 || seconds <= 0) return unmeasurable(measured, "no samples: no measured requests");
            return verdict(t.goodputRequestsPerSecond(), measured, "requests that met every per-request SLO, per second over "
                    + window + " (" + measured + " measured requests)");
        }
        if (measured == 0 || seconds <= 0) return unmeasurable(measured, "no samples: no measured requests");
        if (metric == MetricName.OUTPUT_THROUGHPUT) {
            return verdict(t.outputTokensPerSecond(), measured, result.tokens().output()
                    + " output tokens of successful requests over " + window);
        }
        return verdict(t.requestsPerSecond(), measured, result.counts().succeeded() + " successful requests over " + window);
    }

    private SloVerdict evaluateCost(BenchmarkResult result) {
        CostFigures cost = result.cost();
        long measured = result.counts().measured();
        if (cost == null) return unmeasurable(measured, "no pricing configured");
        Double v = cost.usdFigure(metric.id());
        if (v == null) {
            return unmeasurable(measured, "no pricing configured for " + metric.id() + ": the result's cost has no '"
                    + metric.costKey() + "' figure (it has " + cost.byName().keySet() + ")");
        }
        return verdict(v, measured, "from the result's cost figures");
    }

    private SloVerdict verdict(double measuredBase, long samples, String detail) {
        boolean passed = !Double.isNaN(measuredBase) && comparator.holds(measuredBase, limitBase);
        return new SloVerdict(expression, metric.id(), passed, measuredBase * baseToDisplay, limitDisplay, displayUnit,
                samples, detail);
    }

    private SloVerdict unmeasurable(long samples, String detail) {
        return new SloVerdict(expression, metric.id(), false, Double.NaN, limitDisplay, displayUnit, samples, detail);
    }

    String canonical() {
        String lhs = stat == null ? metric.id() : stat.id() + "(" + metric.id() + ")"; // bare output_speed = mean
        return lhs + " " + comparator.symbol + " " + limitBase; // the limit in the base unit: 800ms equals 0.8s
    }

    /** The limit as written (number without unit), e.g. {@code 800}. */
    BigDecimal limitWritten() {
        return limitWritten;
    }

    MetricName metricDef() {
        return metric;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Objective && ((Objective) o).canonical().equals(canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    /** The expression as written. */
    @Override
    public String toString() {
        return expression;
    }
}
