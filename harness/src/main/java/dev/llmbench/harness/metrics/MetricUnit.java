package dev.llmbench.harness.metrics;

import java.util.List;

/**
 * The unit a {@link MetricName} is measured in, and how people may write a limit in it.
 *
 * <p>Summaries of distribution metrics store their samples in a finer integer unit (microseconds for durations,
 * millitokens per second for per-request speeds: see {@link Summary#unit()}); this is the unit of the metric
 * itself. Immutable and thread-safe.
 */
public enum MetricUnit {
    /** Durations; summaries in microseconds; written ns, us, µs, ms, s or m; shown in ms. */
    MICROSECONDS("µs", "ms", List.of("ns", "us", "µs", "ms", "s", "m")),
    /** Tokens per second. */
    TOKENS_PER_SECOND("tok/s", "tok/s", List.of("tok/s", "tokens/s")),
    /** Requests per second. */
    REQUESTS_PER_SECOND("rps", "rps", List.of("rps", "req/s")),
    /** A fraction of requests in [0, 1]; written with % or as a plain fraction; shown in %. */
    RATIO("ratio", "%", List.of("%", "no unit (a fraction in [0, 1])")),
    /** US dollars; written as a plain number. */
    USD("USD", "USD", List.of("no unit (a plain number of US dollars)")),
    /** Concurrent users; written as a plain whole number. */
    USERS("users", "users", List.of("no unit (a number of concurrent users)"));

    private final String symbol;
    private final String displayUnit;
    private final List<String> written;

    MetricUnit(String symbol, String displayUnit, List<String> written) {
        this.symbol = symbol;
        this.displayUnit = displayUnit;
        this.written = written;
    }

    /** A short symbol for tables: {@code µs}, {@code tok/s}, {@code rps}, {@code ratio}, {@code USD}. */
    public String symbol() {
        return symbol;
    }

    /** The unit reports and comparisons show values in: {@code ms}, {@code tok/s}, {@code rps}, {@code %}, {@code USD}. */
    public String displayUnit() {
        return displayUnit;
    }

    /** The units a limit of this kind may be written in (an SLO's {@code 800ms}, {@code 1%}), for messages. */
    public List<String> writtenUnits() {
        return written;
    }
}
