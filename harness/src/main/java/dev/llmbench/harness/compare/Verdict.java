package dev.llmbench.harness.compare;

/** The verdict on one metric of one benchmark against the baseline. */
public enum Verdict {
    /** Improved beyond the tolerance. */
    BETTER,
    /** Got worse beyond the tolerance: a regression. */
    WORSE,
    /** Within the tolerance (or the noise floor). */
    SAME,
    /** Fewer samples than the minimum on either side, so no verdict. */
    NOT_ENOUGH_SAMPLES,
    /** Measured now, not in the baseline. */
    NEW,
    /** In the baseline, not measured now. */
    MISSING
}
