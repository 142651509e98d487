package dev.llmbench.harness.result;

/**
 * The verdict on one SLO. A placeholder shape until SLO evaluation lands: results carry an empty list for now.
 *
 * @param expression the SLO as written, e.g. {@code p90(ttft) < 800ms}
 * @param passed     whether the run met it
 * @param detail     what was observed, human-readable (may be empty)
 */
public record SloVerdict(String expression, boolean passed, String detail) {

    public SloVerdict {
        java.util.Objects.requireNonNull(expression, "expression");
        detail = detail == null ? "" : detail;
    }
}
