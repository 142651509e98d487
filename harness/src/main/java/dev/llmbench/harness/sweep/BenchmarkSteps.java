package dev.llmbench.harness.sweep;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.slo.SloSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Measures each step of a capacity search with a {@link Benchmark}: the factory makes a builder for the step's
 * concurrency (endpoint, model, prompt shape, bounds — bounds may grow with the users), to which this sets the load
 * {@link LoadModel#concurrency(int) concurrency(n)} and the SLOs. Keeps every step's result. Not thread-safe.
 */
public final class BenchmarkSteps implements StepEvaluator {

    private final IntFunction<Benchmark.Builder> builderForConcurrency;
    private final List<String> sloExpressions;
    private final List<BenchmarkResult> results = new ArrayList<>();

    /**
     * @param builderForConcurrency a fresh builder per step, given the step's concurrency
     * @param sloExpressions        SLOs in the grammar of {@link dev.llmbench.harness.slo.Objective}, at least one
     * @throws dev.llmbench.harness.slo.SloSyntaxException when an expression is malformed (before any step runs)
     */
    public BenchmarkSteps(IntFunction<Benchmark.Builder> builderForConcurrency, List<String> sloExpressions) {
        this.builderForConcurrency = Objects.requireNonNull(builderForConcurrency, "builderForConcurrency");
        this.sloExpressions = List.copyOf(sloExpressions);
        if (this.sloExpressions.isEmpty()) throw new IllegalArgumentException("a capacity search needs at least one SLO");
        SloSet.parse(this.sloExpressions);
    }

    @Override
    public SweepPoint measure(int concurrency) {
        Benchmark.Builder b = Objects.requireNonNull(builderForConcurrency.apply(concurrency), "builder for " + concurrency);
        BenchmarkResult r = b.load(LoadModel.concurrency(concurrency))
                .slo(sloExpressions.toArray(String[]::new))
                .build()
                .run();
        results.add(r);
        return SweepPoint.of(concurrency, r);
    }

    /** Every step's result, in the order the steps ran. */
    public List<BenchmarkResult> results() {
        return Collections.unmodifiableList(results);
    }
}
