package dev.llmbench.harness.sweep;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a capacity search found.
 *
 * @param maxConcurrencyMeetingSlo the highest measured concurrency that met every SLO within the error-rate bound
 *                                 (0: none did)
 * @param firstFailingConcurrency  the lowest measured concurrency above it that did not (0: none failed); the true
 *                                 capacity lies in [maxConcurrencyMeetingSlo, firstFailingConcurrency)
 * @param kneeConcurrency          the knee of the curve as {@link Knee} defines it (0: not reached)
 * @param curve                    every measured step, ordered by concurrency
 * @param stopReason               why the search stopped
 * @param elapsed                  time the search took
 */
public record CapacityOutcome(int maxConcurrencyMeetingSlo, int firstFailingConcurrency, int kneeConcurrency,
                              List<SweepPoint> curve, StopReason stopReason, Duration elapsed) {

    public CapacityOutcome {
        curve = List.copyOf(curve);
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** One line for a person, e.g. "capacity 6 users (7 failed), knee at 6; stopped: the SLO boundary …". */
    public String summary() {
        String failed = firstFailingConcurrency > 0 ? " (" + firstFailingConcurrency + " failed)" : "";
        String knee = kneeConcurrency > 0 ? "knee at " + kneeConcurrency : "no knee reached";
        return "capacity " + maxConcurrencyMeetingSlo + " users" + failed + ", " + knee + "; stopped: "
                + stopReason.description() + " after " + curve.size() + " steps";
    }
}
