package dev.llmbench.harness.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one vocabulary of metric names: every name an SLO, a baseline comparison, a per-metric tolerance, a result
 * file's {@code metrics} or a report may use, with its unit, which way is better, whether it is a distribution (and
 * so takes a {@link Statistic}, as in {@code p90(ttft)}) or a single figure for the whole run, and what it is.
 *
 * <p>Distribution metrics have one sample per request (per token for {@code itl}); the
 * {@link MetricsRecorder} keeps a histogram of each, in this order. Scalar metrics are derived from counts,
 * throughput and cost. Text that names a metric, with or without a statistic, is read by {@link MetricRef#parse}.
 * Names are lower case; parsing is case-insensitive. Immutable and thread-safe.
 */
public enum MetricName {
    TTFT(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "requests",
            "time to first token: the first chunk carrying generated output − t0"),
    TTFO(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "requests",
            "time to first output: the first chunk carrying answer content (not reasoning) − t0"),
    E2E(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "requests",
            "end-to-end latency: end of stream − t0"),
    TPOT(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "requests",
            "time per output token after the first: (E2E − TTFT) / (N − 1), for N ≥ 2"),
    ITL(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "inter-token gaps of successful requests",
            "inter-token latency: gap between output arrivals spread over their tokens, one sample per token"),
    QUEUE_DELAY(MetricUnit.MICROSECONDS, Direction.LOWER_IS_BETTER, true, "successful requests",
            "actual send − intended send (open loop)"),
    OUTPUT_SPEED(MetricUnit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true, "requests",
            "per-request output speed: 1 / TPOT"),
    REQUEST_THROUGHPUT(MetricUnit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, true, "requests",
            "per-request throughput: N / E2E"),
    OUTPUT_THROUGHPUT(MetricUnit.TOKENS_PER_SECOND, Direction.HIGHER_IS_BETTER, false, null,
            "system output tokens/s of successful requests over the measured window"),
    REQUEST_RATE(MetricUnit.REQUESTS_PER_SECOND, Direction.HIGHER_IS_BETTER, false, null,
            "successful requests/s over the measured window"),
    GOODPUT(MetricUnit.REQUESTS_PER_SECOND, Direction.HIGHER_IS_BETTER, false, null,
            "requests/s that met every per-request SLO (measured only when SLOs are set)"),
    ERROR_RATE(MetricUnit.RATIO, Direction.LOWER_IS_BETTER, false, null,
            "failed requests (any failure but cancellation, rate-limited ones included) / measured requests"),
    RATE_LIMITED_RATE(MetricUnit.RATIO, Direction.LOWER_IS_BETTER, false, null,
            "rate-limited requests (429, 529, 503 with Retry-After) / measured requests; a part of error_rate"),
    TOKEN_COUNT_MISMATCH(MetricUnit.RATIO, Direction.LOWER_IS_BETTER, false, null,
            "Σ abs(local tokenizer − server usage) / Σ server usage, over output tokens"),
    COST_PER_REQUEST(MetricUnit.USD, Direction.LOWER_IS_BETTER, false, null,
            "cost of one measured request"),
    COST_PER_RUN(MetricUnit.USD, Direction.LOWER_IS_BETTER, false, null,
            "cost of the measured requests, failed ones included"),
    COST_PER_1K_OUTPUT_TOKENS(MetricUnit.USD, Direction.LOWER_IS_BETTER, false, null,
            "cost per 1000 output tokens"),
    COST_PER_1K_TOKENS(MetricUnit.USD, Direction.LOWER_IS_BETTER, false, null,
            "blended cost per 1000 tokens (input:output 3:1 for priced APIs)"),
    COST_PER_GOOD_REQUEST(MetricUnit.USD, Direction.LOWER_IS_BETTER, false, null,
            "cost per request that met every SLO"),
    MAX_CONCURRENCY_MEETING_SLO(MetricUnit.USERS, Direction.HIGHER_IS_BETTER, false, null,
            "capacity: the highest concurrency at which every SLO was met (only on a sweep's result, llmbench.sweep)");

    /** Which way a metric improves. */
    public enum Direction {
        LOWER_IS_BETTER, HIGHER_IS_BETTER
    }

    private static final List<MetricName> ALL = List.of(values());

    private final String id;
    private final MetricUnit unit;
    private final Direction direction;
    private final boolean distribution;
    private final String samples;
    private final String description;

    MetricName(MetricUnit unit, Direction direction, boolean distribution, String samples, String description) {
        this.id = name().toLowerCase(Locale.ROOT);
        this.unit = unit;
        this.direction = direction;
        this.distribution = distribution;
        this.samples = samples;
        this.description = description;
    }

    /** The name as written everywhere, e.g. {@code ttft}, {@code cost_per_1k_output_tokens}. */
    public String id() {
        return id;
    }

    public MetricUnit unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    public boolean higherIsBetter() {
        return direction == Direction.HIGHER_IS_BETTER;
    }

    /**
     * True for a distribution over requests (or tokens, for itl), which takes a statistic ({@code p90(ttft)}); false
     * for a single figure of the whole run (rates, throughput, goodput, cost), which takes none.
     */
    public boolean distribution() {
        return distribution;
    }

    /**
     * The statistic this metric means when written without one, or null when it needs one: the per-request speeds
     * ({@code output_speed}, {@code request_throughput}) mean their mean; latencies need an explicit statistic
     * (which one matters too much to guess); scalars never take one.
     */
    public Statistic bareStatistic() {
        return distribution && unit == MetricUnit.TOKENS_PER_SECOND ? Statistic.MEAN : null;
    }

    /** What the samples of a distribution metric are, for messages ("requests"); null for scalars. */
    public String samples() {
        return samples;
    }

    /** One line saying what is measured. */
    public String description() {
        return description;
    }

    /** What kind of quantity this is, for messages: "a duration", "a throughput in tokens/s"… */
    public String quantity() {
        switch (unit) {
            case MICROSECONDS: return "a duration";
            case TOKENS_PER_SECOND: return distribution ? "a per-request speed in tokens/s" : "a throughput in tokens/s";
            case REQUESTS_PER_SECOND: return "a rate in requests/s";
            case RATIO: return "a fraction of requests";
            case USERS: return "a number of concurrent users";
            default: return "a cost in US dollars";
        }
    }

    /** The key of this cost metric in a result's cost figures, e.g. {@code usd_per_run}. */
    public String costKey() {
        return unit == MetricUnit.USD ? "usd_" + id.substring("cost_".length()) : null;
    }

    /** The metric named {@code name} (case-insensitive, surrounding spaces ignored), or null. */
    public static MetricName byId(String name) {
        if (name == null) return null;
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (MetricName m : ALL) if (m.id.equals(n)) return m;
        return null;
    }

    /** Every metric, in documentation order. */
    public static List<MetricName> all() {
        return ALL;
    }

    /** Every metric's name, in documentation order. */
    public static List<String> ids() {
        return ids(ALL);
    }

    /** The distribution metrics (those that take a statistic), in order: the recorder's histograms. */
    public static List<MetricName> distributions() {
        List<MetricName> l = new ArrayList<>();
        for (MetricName m : ALL) if (m.distribution) l.add(m);
        return Collections.unmodifiableList(l);
    }

    /** The names of {@link #distributions()}. */
    public static List<String> distributionIds() {
        return ids(distributions());
    }

    /** The latency metrics (distributions in microseconds). */
    public static List<MetricName> latencies() {
        List<MetricName> l = new ArrayList<>();
        for (MetricName m : ALL) if (m.distribution && m.unit == MetricUnit.MICROSECONDS) l.add(m);
        return Collections.unmodifiableList(l);
    }

    private static List<String> ids(List<MetricName> ms) {
        List<String> l = new ArrayList<>(ms.size());
        for (MetricName m : ms) l.add(m.id);
        return Collections.unmodifiableList(l);
    }

    /** {@link #id()}. */
    @Override
    public String toString() {
        return id;
    }
}
