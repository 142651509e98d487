package dev.llmbench.harness.load;

/**
 * The intended send times of an open-loop run, as offsets in nanoseconds from the run start.
 *
 * <p>Pure computation: no clock, no sleeping. The same model and seed always give the same sequence, so a
 * run can be reproduced and the schedule itself is tested statistically. The runner adds each offset to its
 * own start time ({@code System.nanoTime()} at run start), waits until then, sends, and records
 * {@code actual − intended} as queue delay; latency is measured from the intended time.
 *
 * <p>A schedule is a stateful iterator and not thread-safe: one scheduling thread owns it.
 */
public interface ArrivalSchedule {

    /** Returned by {@link #nextOffsetNanos()} once a finite schedule (a burst) has no more requests. */
    long EXHAUSTED = Long.MAX_VALUE;

    /**
     * The intended send offset of the next request, in nanoseconds from the run start. Offsets are
     * non-decreasing; the first is 0 (the first request goes at the run start). Returns {@link #EXHAUSTED}
     * ({@code Long.MAX_VALUE}) when the schedule has no more requests, and on every call after that.
     * Arrival-rate schedules never run out (the runner's request-count or duration bound ends them).
     */
    long nextOffsetNanos();

    /** How many offsets (not counting {@link #EXHAUSTED}) this schedule has handed out so far. */
    long issued();

    /**
     * The next {@code n} offsets (a convenience for previews and tests). Stops early, with a shorter array,
     * when the schedule is exhausted.
     */
    default long[] next(int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long next = nextOffsetNanos();
            if (next == EXHAUSTED) return java.util.Arrays.copyOf(out, i);
            out[i] = next;
        }
        return out;
    }
}
