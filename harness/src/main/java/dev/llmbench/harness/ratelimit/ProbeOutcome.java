package dev.llmbench.harness.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a rate-limit probe found.
 *
 * @param ceilingRequestsPerMinute the highest admitted requests per minute of a step within the limited-share bound
 *                                 (0 when the first step was already limited)
 * @param ceilingTokensPerMinute   the highest admitted tokens per minute (prompt + output) of such a step
 * @param limitedFromStep          index into {@code steps} of the first step over the bound, or -1 when none was
 * @param steps                    every step, in order
 * @param stopReason               why the ramp ended
 * @param elapsed                  the probe's wall time
 */
public record ProbeOutcome(double ceilingRequestsPerMinute, double ceilingTokensPerMinute, int limitedFromStep,
                           List<ProbeStep> steps, ProbeStopReason stopReason, Duration elapsed) {

    public ProbeOutcome {
        steps = List.copyOf(steps);
    }

    /** One line: the ceiling, where limiting began and why the probe stopped. */
    public String summary() {
        String from = limitedFromStep < 0 ? "no step limited"
                : String.format(Locale.ROOT, "limited from %.0f rpm offered (%.0f %% refused)",
                steps.get(limitedFromStep).offeredRequestsPerMinute(), 100 * steps.get(limitedFromStep).limitedShare());
        return String.format(Locale.ROOT, "ceiling %.0f requests/min, %.0f tokens/min; %s; stopped: %s after %d steps",
                ceilingRequestsPerMinute, ceilingTokensPerMinute, from, stopReason, steps.size());
    }
}
