package dev.llmbench.harness.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Finds the highest concurrency at which an endpoint meets every SLO.
 *
 * <ol>
 *   <li>Ascent: concurrency 1, 2, 4, 8 … (doubling, the last step clamped to the maximum). A step <em>passes</em>
 *       when every SLO passed and its error rate is within the bound. The ascent ends at the first failing step,
 *       at the maximum, or on over-saturation (a passing step whose throughput barely rose while TTFT p90 rose,
 *       see {@link SearchOptions}): more users would only queue.</li>
 *   <li>Narrowing: bisection on integers between the last passing and the first failing step, until their gap is
 *       at most the resolution.</li>
 * </ol>
 * A step whose error rate exceeds the bound stops the search at once; no step starts once the time budget is spent.
 * The outcome carries the curve of every measured step and the knee ({@link Knee}). Not thread-safe.
 */
public final class CapacitySearch {

    private final SearchOptions options;
    private final LongSupplier nanoClock;

    public CapacitySearch(SearchOptions options) {
        this(options, System::nanoTime);
    }

    /** With a clock of one's own (nanoseconds, as {@link System#nanoTime()}) for the time budget. */
    public CapacitySearch(SearchOptions options, LongSupplier nanoClock) {
        this.options = Objects.requireNonNull(options, "options");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Runs the search, measuring each step with {@code steps}. */
    public CapacityOutcome run(StepEvaluator steps) {
        Objects.requireNonNull(steps, "steps");
        Run run = new Run(steps, nanoClock.getAsLong());
        StopReason reason = run.ascend();
        if (reason == null) reason = run.pass == 0 ? StopReason.FAILED_AT_LOWEST : run.narrow();
        int fail = run.fail;
        var curve = new ArrayList<>(run.curve.values());
        Duration elapsed = Duration.ofNanos(nanoClock.getAsLong() - run.startNanos);
        return new CapacityOutcome(run.pass, fail, Knee.of(curve), curve, reason, elapsed);
    }

    /** The state of one search. */
    private final class Run {
        final StepEvaluator steps;
        final long startNanos;
        final TreeMap<Integer, SweepPoint> curve = new TreeMap<>();
        int pass;
        int fail;

        Run(StepEvaluator steps, long startNanos) {
            this.steps = steps;
            this.startNanos = startNanos;
        }

        /** Steps upward; null when a step failed an SLO (narrowing follows), else why the search ends. */
        StopReason ascend() {
            SweepPoint previous = null;
            for (int c = 1; ; c = (int) Math.min(2L * c, options.maxConcurrency())) {
                if (interrupted()) return StopReason.INTERRUPTED;
                if (budgetSpent()) return StopReason.TIME_BUDGET;
                SweepPoint p = measure(c);
                if (interrupted()) return StopReason.INTERRUPTED;   // a cut-short step passes or fails nothing
                if (p.errorRate() > options.maxErrorRate()) {
                    fail = c;
                    return StopReason.ERROR_RATE;
                }
                if (!p.slosPassed()) {
                    fail = c;
                    return null;
                }
                pass = c;
                if (previous != null && saturated(previous, p)) return StopReason.OVER_SATURATED;
                if (c >= options.maxConcurrency()) return StopReason.MAX_CONCURRENCY_REACHED;
                previous = p;
            }
        }

        /** Bisects between {@link #pass} and {@link #fail} down to the resolution. */
        StopReason narrow() {
            while (fail - pass > options.resolution()) {
                if (interrupted()) return StopReason.INTERRUPTED;
                if (budgetSpent()) return StopReason.TIME_BUDGET;
                int mid = pass + (fail - pass) / 2;
                SweepPoint p = measure(mid);
                if (interrupted()) return StopReason.INTERRUPTED;
                if (p.errorRate() > options.maxErrorRate()) {
                    fail = mid;
                    return StopReason.ERROR_RATE;
                }
                if (p.slosPassed()) pass = mid;
                else fail = mid;
            }
            return StopReason.BOUNDARY_FOUND;
        }

        SweepPoint measure(int concurrency) {
            SweepPoint p = Objects.requireNonNull(steps.measure(concurrency), "step evaluator returned null");
            if (p.concurrency() != concurrency)
                throw new IllegalStateException("asked for concurrency " + concurrency + ", measured " + p.concurrency());
            curve.put(concurrency, p);
            return p;
        }

        /** The flag stays set for the caller (Benchmark keeps it set after an interrupted run, as ShutdownGuard does). */
        boolean interrupted() {
            return Thread.currentThread().isInterrupted();
        }

        boolean budgetSpent() {
            return nanoClock.getAsLong() - startNanos >= options.timeBudget().toNanos();
        }

        boolean saturated(SweepPoint before, SweepPoint now) {
            boolean flat = now.outputTokensPerSecond() < before.outputTokensPerSecond() * (1 + options.saturationThroughputGain());
            boolean slower = now.ttftP90Micros() > before.ttftP90Micros() * (1 + options.saturationLatencyRise());
            return flat && slower;
        }
    }
}
