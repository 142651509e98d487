package dev.llmbench.junit.internal;

import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;

/**
 * The embedded simulator of one test run: kept in the <em>root</em> context's store, one per profile, started by
 * the first benchmark test that needs it and closed by the platform when the root context closes (the end of the
 * engine's run), since the store closes {@link AutoCloseable} values.
 */
final class EmbeddedSimulator implements AutoCloseable {

    private final Simulator simulator;

    private EmbeddedSimulator(Simulator simulator) {
        this.simulator = simulator;
    }

    /**
     * The run's simulator for {@code profileName}, started on first use.
     *
     * @throws IllegalArgumentException naming the allowed profiles when the name is unknown
     */
    static EmbeddedSimulator forRun(ExtensionContext context, String profileName) {
        Profile profile = Profile.named(profileName); // fails before anything is stored
        ExtensionContext.Store root = context.getRoot().getStore(LlmBenchEngine.NAMESPACE);
        return root.getOrComputeIfAbsent("simulator:" + profile.name(), key -> start(profile), EmbeddedSimulator.class);
    }

    private static EmbeddedSimulator start(Profile profile) {
        Simulator sim = Simulator.start(profile);
        System.err.println("[llmbench] embedded simulator (profile " + profile.name() + ", model " + profile.modelName()
                + ") listening on " + sim.baseUri() + " for this test run");
        return new EmbeddedSimulator(sim);
    }

    URI baseUri() {
        return simulator.baseUri();
    }

    Profile profile() {
        return simulator.profile();
    }

    /** Closes the simulator (idempotent). */
    @Override
    public void close() {
        simulator.close();
    }
}
