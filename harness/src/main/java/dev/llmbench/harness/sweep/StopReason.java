package dev.llmbench.harness.sweep;

/** Why a capacity search stopped. */
public enum StopReason {
    /** A step failed an SLO and bisection narrowed the boundary to the resolution. */
    BOUNDARY_FOUND("the SLO boundary was narrowed to the resolution"),
    /** Even the lowest concurrency (1) failed an SLO. */
    FAILED_AT_LOWEST("concurrency 1 already failed an SLO"),
    /** Every step up to the maximum concurrency met every SLO. */
    MAX_CONCURRENCY_REACHED("every step up to the maximum concurrency met every SLO"),
    /** Throughput stayed flat while latency rose: more users only queue. */
    OVER_SATURATED("throughput stayed flat while latency rose"),
    /** A step's error rate exceeded the allowed maximum. */
    ERROR_RATE("a step's error rate exceeded the maximum"),
    /** The time budget ran out before the boundary was narrowed to the resolution. */
    TIME_BUDGET("the time budget ran out"),
    /**
     * The thread was interrupted (Ctrl-C, SIGTERM, or {@link Thread#interrupt()}): the step that was running is kept on
     * the curve, marked partial by its run, but judges nothing, and no further step starts.
     */
    INTERRUPTED("interrupted (Ctrl-C, SIGTERM or Thread.interrupt()): no further step started");

    private final String description;

    StopReason(String description) { this.description = description; }

    /** One line for a person, e.g. "throughput stayed flat while latency rose". */
    public String description() { return description; }
}
