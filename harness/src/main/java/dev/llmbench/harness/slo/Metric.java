package dev.llmbench.harness.slo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The metrics an SLO can name, with their kind (which decides statistics and units). */
enum Metric {
    TTFT(Kind.DURATION, "requests"),
    TTFO(Kind.DURATION, "requests"),
    TPOT(Kind.DURATION, "requests"),
    ITL(Kind.DURATION, "inter-token gaps of successful requests"),
    E2E(Kind.DURATION, "requests"),
    QUEUE_DELAY(Kind.DURATION, "successful requests"),
    OUTPUT_SPEED(Kind.SPEED, "requests"),
    OUTPUT_THROUGHPUT(Kind.TOKEN_RATE, null),
    REQUEST_RATE(Kind.REQUEST_RATE, null),
    GOODPUT(Kind.REQUEST_RATE, null),
    ERROR_RATE(Kind.RATE, null),
    RATE_LIMITED_RATE(Kind.RATE, null),
    TOKEN_COUNT_MISMATCH(Kind.RATE, null),
    COST_PER_REQUEST(Kind.COST, null),
    COST_PER_RUN(Kind.COST, null),
    COST_PER_1K_OUTPUT_TOKENS(Kind.COST, null),
    COST_PER_1K_TOKENS(Kind.COST, null),
    COST_PER_GOOD_REQUEST(Kind.COST, null);

    /** What a metric measures, which decides its statistics and units. */
    enum Kind {
        /** A per-request (or per-token) latency; statistics required; duration units; lower is better. */
        DURATION,
        /** Per-request output speed (tokens/s); statistics optional (bare = mean); higher is better. */
        SPEED,
        /** A fraction of the measured requests; % or a plain fraction. */
        RATE,
        /** System output tokens per second. */
        TOKEN_RATE,
        /** Requests per second. */
        REQUEST_RATE,
        /** Dollars, from the result's cost figures. */
        COST
    }

    final Kind kind;
    /** What the samples of a distribution metric are, for verdict details; null for run-level metrics. */
    final String samples;
    final String id;

    Metric(Kind kind, String samples) {
        this.kind = kind;
        this.samples = samples;
        this.id = name().toLowerCase(Locale.ROOT);
    }

    /** Whether statistics (pNN, mean, min, max) apply: a distribution over requests or tokens. */
    boolean distribution() {
        return kind == Kind.DURATION || kind == Kind.SPEED;
    }

    static Metric byId(String id) {
        for (Metric m : values()) if (m.id.equals(id)) return m;
        return null;
    }

    static List<String> ids() {
        List<String> l = new ArrayList<>();
        for (Metric m : values()) l.add(m.id);
        return Collections.unmodifiableList(l);
    }

    static List<String> distributionIds() {
        List<String> l = new ArrayList<>();
        for (Metric m : values()) if (m.distribution()) l.add(m.id);
        return Collections.unmodifiableList(l);
    }

    /** Allowed units of this metric, for messages. */
    List<String> unitsAllowed() {
        switch (kind) {
            case DURATION: return List.of("ns", "us", "µs", "ms", "s", "m");
            case SPEED: case TOKEN_RATE: return List.of("tok/s", "tokens/s");
            case REQUEST_RATE: return List.of("rps", "req/s");
            case RATE: return List.of("%", "no unit (a fraction in [0, 1])");
            default: return List.of("no unit (a plain number of US dollars)");
        }
    }

    /** A short description of the kind, for messages. */
    String kindDescription() {
        switch (kind) {
            case DURATION: return "a duration";
            case SPEED: return "a per-request speed in tokens/s";
            case TOKEN_RATE: return "a throughput in tokens/s";
            case REQUEST_RATE: return "a rate in requests/s";
            case RATE: return "a fraction of requests";
            default: return "a cost in US dollars";
        }
    }
}
