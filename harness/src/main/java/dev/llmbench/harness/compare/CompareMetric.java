package dev.llmbench.harness.compare;

import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.MetricRef;
import dev.llmbench.harness.metrics.MetricSyntaxException;
import dev.llmbench.harness.metrics.MetricUnit;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.TokenReconciliation;
import dev.llmbench.harness.result.BenchmarkResult;

import java.util.Objects;

/**
 * One figure a baseline comparison looks at, named as in SLO expressions (read by {@link MetricRef#parse}; every
 * {@link MetricName} is allowed): a statistic of a distribution metric ({@code p90(ttft)}, {@code p99.9(e2e)},
 * {@code mean(tpot)}, {@code stddev(itl)}; latencies in ms, per-request speeds in tok/s), or a run figure
 * ({@code output_throughput} tok/s, {@code request_rate} and {@code goodput} rps, {@code error_rate},
 * {@code rate_limited_rate} and {@code token_count_mismatch} in %, the {@code cost_*} figures in USD). Which way is
 * better comes from the registry. Statistics cover the successful samples (not error-adjusted): failures show in
 * {@code error_rate}.
 *
 * @param ref        the figure
 * @param unit       the display unit of {@link #valueOf} ({@code ms}, {@code tok/s}, {@code rps}, {@code %},
 *                   {@code USD}): the registry unit's {@link MetricUnit#displayUnit()}
 * @param noiseFloor an absolute difference (in {@code unit}) at or below which the change counts as SAME whatever its
 *                   relative size (0 for none; 0.5 percentage points for the ratios such as {@code error_rate}, so
 *                   0 % → 0.1 % is not an infinite regression)
 */
public record CompareMetric(MetricRef ref, String unit, double noiseFloor) {

    /** Noise floor of the ratio metrics, in percentage points. */
    static final double RATIO_NOISE_FLOOR = 0.5;

    public CompareMetric {
        Objects.requireNonNull(ref, "ref");
        if (ref.wholeMetric()) throw new IllegalArgumentException("a comparison needs one figure, not all of " + ref.id());
        unit = unit == null ? "" : unit;
        if (!(noiseFloor >= 0)) throw new IllegalArgumentException("noiseFloor must be >= 0: " + noiseFloor);
    }

    /** The figure {@code ref}, in its registry unit's display unit, with the registry's noise floor. */
    public static CompareMetric of(MetricRef ref) {
        MetricUnit u = ref.metric().unit();
        return new CompareMetric(ref, u.displayUnit(), u == MetricUnit.RATIO ? RATIO_NOISE_FLOOR : 0);
    }

    /**
     * The figure named {@code id} (see the class documentation), with its direction, unit and noise floor.
     *
     * @throws IllegalArgumentException for an unknown name: a {@link MetricSyntaxException} whose message points at
     *                                  the offending token and lists what is allowed
     */
    public static CompareMetric parse(String id) {
        try {
            return of(MetricRef.parse(Objects.requireNonNull(id, "id")));
        } catch (MetricSyntaxException e) {
            throw new IllegalArgumentException(e.describe("unknown comparison metric"), e);
        }
    }

    /** The canonical name, e.g. {@code p90(ttft)}, {@code mean(output_speed)}, {@code error_rate}. */
    public String id() {
        return ref.id();
    }

    /** The metric compared. */
    public MetricName metric() {
        return ref.metric();
    }

    /** The underlying result metric's name ({@code ttft} for {@code p90(ttft)}; the id itself for run figures). */
    public String baseMetric() {
        return ref.metric().id();
    }

    /** Which way is better, from the registry. */
    public MetricName.Direction direction() {
        return ref.metric().direction();
    }

    /** True when a higher value is better. */
    public boolean higherIsBetter() {
        return ref.metric().higherIsBetter();
    }

    /** The value of this metric in {@code r}, in {@link #unit()}, or null when the result does not have it. */
    public Double valueOf(BenchmarkResult r) {
        MetricName m = ref.metric();
        if (m.distribution()) {
            Summary s = r.metrics().get(m.id());
            if (s == null || s.count() == 0) return null;
            return ref.statistic().of(s) / 1000.0; // us -> ms, millitokens/s -> tok/s
        }
        return switch (m) {
            case OUTPUT_THROUGHPUT -> r.throughput().outputTokensPerSecond();
            case REQUEST_RATE -> r.throughput().requestsPerSecond();
            case GOODPUT -> r.throughput().goodputRequestsPerSecond();
            case ERROR_RATE -> r.counts().errorRate() * 100.0;
            case RATE_LIMITED_RATE -> r.counts().rateLimitedRate() * 100.0;
            case TOKEN_COUNT_MISMATCH -> {
                TokenReconciliation t = r.tokens().reconciliation();
                yield t.comparedRequests() == 0 ? null : t.mismatchRatio() * 100.0;
            }
            case COST_PER_REQUEST, COST_PER_RUN, COST_PER_1K_OUTPUT_TOKENS, COST_PER_1K_TOKENS, COST_PER_GOOD_REQUEST ->
                    r.cost() == null ? null : r.cost().usdFigure(m.id());
            case MAX_CONCURRENCY_MEETING_SLO -> {
                Integer c = r.throughput().maxConcurrencyMeetingSlo();
                yield c == null ? null : c.doubleValue();
            }
            case TTFT, TTFO, E2E, TPOT, ITL, QUEUE_DELAY, OUTPUT_SPEED, REQUEST_THROUGHPUT ->
                    throw new AssertionError("distribution metric " + m); // handled above
        };
    }

    /**
     * How many samples the value stands on: the successful requests for request metrics (also for {@code itl}, whose
     * histogram counts tokens, since its percentiles are only as stable as the requests behind them), the requests
     * with both counts for {@code token_count_mismatch}, the measured requests for the other run figures.
     */
    public long samplesOf(BenchmarkResult r) {
        MetricName m = ref.metric();
        if (m == MetricName.TOKEN_COUNT_MISMATCH) return r.tokens().reconciliation().comparedRequests();
        if (!m.distribution()) return r.counts().measured();
        Summary s = r.metrics().get(m.id());
        if (s == null) return 0;
        return m == MetricName.ITL ? r.counts().succeeded() : s.count();
    }

    @Override
    public String toString() {
        return id();
    }
}
