package dev.llmbench.harness.plan;

import dev.llmbench.harness.cost.Pricing;

import java.util.Objects;

/**
 * What the plan needs to know of an embedded simulator profile before anything starts.
 *
 * @param name      the profile's name, e.g. {@code fast}
 * @param modelName the model name it serves (the plan's model when none is set)
 * @param pricing   its illustrative list and GPU prices (the plan's prices when none are set)
 */
public record SimulatorProfile(String name, String modelName, Pricing pricing) {

    public SimulatorProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(modelName);
        Objects.requireNonNull(pricing);
    }
}
