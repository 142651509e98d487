package dev.llmbench.harness.ratelimit;

/** Why a {@link RateLimitProbe} stopped ramping. */
public enum ProbeStopReason {
    /** A step's rate-limited share exceeded the bound: the ceiling lies between it and the step before. */
    CEILING_FOUND,
    /** The maximum rate was offered without being limited: the ceiling is at least that (not found). */
    MAX_RATE_REACHED,
    /** The time budget was spent before either. */
    TIME_BUDGET,
    /** The thread was interrupted (Ctrl-C, SIGTERM or {@link Thread#interrupt()}); a cut-short step judges nothing. */
    INTERRUPTED
}
