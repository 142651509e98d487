package dev.llmbench.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults injected at random into a share of requests, deterministic under the simulator's seed: request number n
 * (counted from 0 in arrival order) gets the fault chosen by a hash of (seed, n), so the same seed and the same
 * arrival order give the same faults. Immutable and thread-safe.
 *
 * <pre>{@code FaultPlan.none().with(Fault.status(500), 0.01).with(Fault.resetAfter(5), 0.02)}</pre>
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(List.of(), List.of());

    private final List<Fault> faults;
    private final List<Double> probabilities;

    private FaultPlan(List<Fault> faults, List<Double> probabilities) {
        this.faults = List.copyOf(faults);
        this.probabilities = List.copyOf(probabilities);
    }

    /** No faults. */
    public static FaultPlan none() {
        return NONE;
    }

    /**
     * A copy of this plan that also injects {@code fault} with the given probability (0..1). The probabilities of
     * all entries must add up to at most 1.
     */
    public FaultPlan with(Fault fault, double probability) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("fault probability must be in [0, 1], got " + probability);
        }
        double total = probability;
        for (double p : probabilities) {
            total += p;
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("fault probabilities add up to " + total + " > 1");
        }
        List<Fault> f = new ArrayList<>(faults);
        List<Double> p = new ArrayList<>(probabilities);
        f.add(fault);
        p.add(probability);
        return new FaultPlan(f, p);
    }

    /** True when the plan never injects anything. */
    public boolean isEmpty() {
        return faults.isEmpty();
    }

    /** The fault for request number {@code requestNumber} under {@code seed}, or null for none. */
    public Fault choose(long seed, long requestNumber) {
        if (faults.isEmpty()) {
            return null;
        }
        double u = (Mix.mix64(seed ^ Mix.mix64(requestNumber + 0x5DEECE66DL)) >>> 11) * 0x1.0p-53;
        double cumulative = 0;
        for (int i = 0; i < faults.size(); i++) {
            cumulative += probabilities.get(i);
            if (u < cumulative) {
                return faults.get(i);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FaultPlan[");
        for (int i = 0; i < faults.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(faults.get(i)).append('=').append(probabilities.get(i));
        }
        return b.append(']').toString();
    }
}
