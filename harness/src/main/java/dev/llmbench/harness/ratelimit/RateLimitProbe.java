package dev.llmbench.harness.ratelimit;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.LongSupplier;

/**
 * Finds an endpoint's rate-limit ceiling: offers a constant arrival rate in steps, from the start rate upward by the
 * growth factor (the last step clamped to the maximum), each step a bounded benchmark of rate × step duration requests
 * without warmup and without backoff (the refusals are what is measured). A step is <em>limited</em> when its share of
 * 429/503 answers exceeds the bound. The ramp stops at the first limited step ({@link ProbeStopReason#CEILING_FOUND}),
 * after the maximum rate ({@link ProbeStopReason#MAX_RATE_REACHED}), or when the time budget is spent before a step
 * ({@link ProbeStopReason#TIME_BUDGET}). The ceiling is the highest admitted requests and tokens per minute of an
 * unlimited step: the true limit lies between it and the next step's offered rate, so the resolution is one growth
 * factor. A limiter with a sliding window (hosted APIs: one minute) needs steps at least that long to show its rate
 * rather than its burst allowance. Not thread-safe.
 */
public final class RateLimitProbe {

    private final ProbeOptions options;
    private final LongSupplier nanoClock;
    private final List<BenchmarkResult> results = new ArrayList<>();

    public RateLimitProbe(ProbeOptions options) {
        this(options, System::nanoTime);
    }

    /** With a clock of one's own (nanoseconds, as {@link System#nanoTime()}) for the time budget. */
    public RateLimitProbe(ProbeOptions options, LongSupplier nanoClock) {
        this.options = Objects.requireNonNull(options, "options");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /**
     * Runs the ramp.
     *
     * @param builderForRate a fresh builder per step, given its rate in requests per second (endpoint, model, prompt
     *                       shape); the probe sets the load, request count, duration bound, warmup and backoff
     */
    public ProbeOutcome run(DoubleFunction<Benchmark.Builder> builderForRate) {
        Objects.requireNonNull(builderForRate, "builderForRate");
        long start = nanoClock.getAsLong();
        List<ProbeStep> steps = new ArrayList<>();
        double ceilingRpm = 0;
        double ceilingTpm = 0;
        double tokensPerRequest = 0;
        ProbeStopReason reason;
        for (double rate = options.startRequestsPerSecond(); ; rate = Math.min(rate * options.growthFactor(), options.maxRequestsPerSecond())) {
            if (Thread.currentThread().isInterrupted()) {   // Ctrl-C reaches a run as an interrupt; the flag stays set
                reason = ProbeStopReason.INTERRUPTED;
                break;
            }
            if (nanoClock.getAsLong() - start >= options.timeBudget().toNanos()) {
                reason = ProbeStopReason.TIME_BUDGET;
                break;
            }
            ProbeStep step = ProbeStep.of(rate, measure(builderForRate, rate), tokensPerRequest);
            steps.add(step);
            if (Thread.currentThread().isInterrupted()) {   // the step was cut short: it proves no ceiling
                reason = ProbeStopReason.INTERRUPTED;
                break;
            }
            tokensPerRequest = step.tokensPerRequest();
            if (step.limitedShare() > options.maxLimitedShare()) {
                reason = ProbeStopReason.CEILING_FOUND;
                break;
            }
            ceilingRpm = Math.max(ceilingRpm, step.admittedRequestsPerMinute());
            ceilingTpm = Math.max(ceilingTpm, step.admittedTokensPerMinute());
            if (rate >= options.maxRequestsPerSecond()) {
                reason = ProbeStopReason.MAX_RATE_REACHED;
                break;
            }
        }
        int limitedFrom = reason == ProbeStopReason.CEILING_FOUND ? steps.size() - 1 : -1;
        return new ProbeOutcome(ceilingRpm, ceilingTpm, limitedFrom, steps, reason,
                Duration.ofNanos(nanoClock.getAsLong() - start));
    }

    /** Every step's benchmark result, in the order the steps ran. */
    public List<BenchmarkResult> results() {
        return List.copyOf(results);
    }

    private BenchmarkResult measure(DoubleFunction<Benchmark.Builder> builderForRate, double rate) {
        Benchmark.Builder b = Objects.requireNonNull(builderForRate.apply(rate), "builder for rate " + rate);
        long requests = Math.max(1, Math.round(rate * options.stepDuration().toNanos() / 1e9));
        BenchmarkResult r = b.load(LoadModel.arrivalRate(rate, ArrivalProcess.CONSTANT))
                .maxRequests(requests)
                .maxDuration(options.stepDuration().multipliedBy(2).plusSeconds(5))
                .warmupRequests(0)
                .backoff(false)
                .build()
                .run();
        results.add(r);
        return r;
    }
}
