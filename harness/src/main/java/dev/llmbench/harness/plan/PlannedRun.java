package dev.llmbench.harness.plan;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.workload.ShapeSpec;

import java.util.Objects;

/**
 * One benchmark of a plan: a load tier with a prompt shape, under a name that is unique in the plan.
 *
 * @param name  e.g. {@code ChatBenchmark.chat-medium-c20-short-in-long-out} (the result file's name)
 * @param tier  the load tier
 * @param shape the prompt shape
 */
public record PlannedRun(String name, TierSpec tier, ShapeSpec shape) {

    public PlannedRun {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tier);
        Objects.requireNonNull(shape);
    }

    /** e.g. {@code medium: 20 concurrent, short-in-long-out 100→1000 tokens}. */
    public String label() {
        return tier.label() + ", " + shape.label();
    }
}
