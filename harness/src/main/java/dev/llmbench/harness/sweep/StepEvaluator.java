package dev.llmbench.harness.sweep;

/** Measures one step of a capacity search: the endpoint under {@code concurrency} users. */
@FunctionalInterface
public interface StepEvaluator {

    /** Runs the step and returns its point of the curve. */
    SweepPoint measure(int concurrency);
}
