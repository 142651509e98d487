package dev.llmbench.junit.internal;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.EmbeddedSimulators;
import dev.llmbench.harness.plan.SimulatorProvider;
import dev.llmbench.harness.plan.Target;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

/**
 * The embedded simulator of one test run: kept in the <em>root</em> context's store, one per profile, started by
 * the first benchmark test that needs it and closed by the platform when the root context closes (the end of the
 * engine's run), since the store closes {@link AutoCloseable} values.
 */
final class EmbeddedSimulator implements AutoCloseable {

    private final SimulatorProvider.Running simulator;

    private EmbeddedSimulator(SimulatorProvider.Running simulator) {
        this.simulator = simulator;
    }

    /** The run's simulator for this target (a profile and personality the plan already checked), started on first use. */
    static EmbeddedSimulator forRun(ExtensionContext context, Target.Simulated target) {
        ExtensionContext.Store root = context.getRoot().getStore(LlmBenchEngine.NAMESPACE);
        String profileName = target.profile().name();
        String personality = target.personality();
        return root.getOrComputeIfAbsent("simulator:" + profileName + ":" + personality,
                key -> start(profileName, personality), EmbeddedSimulator.class);
    }

    private static EmbeddedSimulator start(String profileName, String personality) {
        SimulatorProvider.Running sim = EmbeddedSimulators.provider().start(profileName, 0, personality);
        System.err.println("[llmbench] embedded simulator (profile " + sim.profile().name() + ", model "
                + sim.profile().modelName() + ("vllm".equals(personality) ? "" : ", personality " + personality) + ") listening on " + sim.baseUri() + " for this test run");
        return new EmbeddedSimulator(sim);
    }

    /** Where the plan's protocol reaches this simulator (its Realtime WebSocket URL for {@code realtime}). */
    URI uriFor(BenchmarkPlan plan) {
        return plan.simulatorUri(simulator);
    }

    /** Closes the simulator (idempotent). */
    @Override
    public void close() {
        simulator.close();
    }
}
