package dev.llmbench.harness.slo;

import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.result.BenchmarkResult;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts the good requests of a run (see {@link SloSet} for the definition of goodput): feed it every ended request
 * (warmup included: it skips them), then {@link #applyTo} the result to fill
 * {@link SystemThroughput#goodputRequestsPerSecond()}. Thread-safe; {@link #accept} is cheap (no allocation unless
 * an itl SLO is set).
 */
public final class GoodputCounter implements Consumer<RequestTimeline> {

    private final SloSet slos;
    private final LongAdder good = new LongAdder();

    GoodputCounter(SloSet slos) {
        this.slos = slos;
    }

    /** Counts {@code t} when it is measured (not warmup) and {@link SloSet#admits admitted}. */
    @Override
    public void accept(RequestTimeline t) {
        if (!t.warmup() && slos.admits(t)) good.increment();
    }

    /** Good measured requests so far. */
    public long goodRequests() {
        return good.sum();
    }

    /**
     * The result with {@code goodputRequestsPerSecond} = good requests / measured window seconds (0 when the window is
     * empty), everything else unchanged.
     */
    public BenchmarkResult applyTo(BenchmarkResult result) {
        return withGoodput(result, goodRequests());
    }

    /** The result with {@code goodRequests} recorded (goodput = that / its measured window seconds, 0 for an empty window). */
    public static BenchmarkResult withGoodput(BenchmarkResult result, long goodRequests) {
        SystemThroughput t = result.throughput();
        Measurements m = result.measurements();
        Measurements updated = new Measurements(m.counts(), m.tokens(), m.metrics(), t.withGoodRequests(goodRequests),
                m.timeSeries(), m.fidelity(), m.failureExamples(), m.rateLimits(), m.warnings());
        return new BenchmarkResult(result.metadata(), result.configuration(), updated, result.sloVerdicts(), result.cost());
    }
}
