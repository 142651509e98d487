package dev.llmbench.simulator.embedded;

import dev.llmbench.harness.cost.Gpu;
import dev.llmbench.harness.cost.ModelSize;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.plan.SimulatorProfile;
import dev.llmbench.harness.plan.SimulatorProvider;
import dev.llmbench.simulator.Personality;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;

import java.net.URI;
import java.util.List;

/**
 * The simulator's profiles and servers as the harness sees them ({@link SimulatorProvider}); registered in
 * {@code META-INF/services}. Stateless and thread-safe.
 */
public final class EmbeddedSimulatorProvider implements SimulatorProvider {

    @Override
    public List<String> profileNames() {
        return Profile.NAMES;
    }

    @Override
    public SimulatorProfile profile(String name) {
        return describe(Profile.named(name));
    }

    @Override
    public List<String> personalityNames() {
        return Personality.NAMES;
    }

    @Override
    public Running start(String profileName, int port) {
        return start(profileName, port, Personality.VLLM.wireName());
    }

    @Override
    public Running start(String profileName, int port, String personality) {
        Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.named(profileName)).port(port)
                .personality(Personality.named(personality)).build());
        SimulatorProfile profile = describe(sim.profile());
        return new Running() {
            @Override
            public URI baseUri() {
                return sim.baseUri();
            }

            @Override
            public URI realtimeUri() {
                return sim.realtimeUri();
            }

            @Override
            public SimulatorProfile profile() {
                return profile;
            }

            @Override
            public void close() {
                sim.close();
            }
        };
    }

    /**
     * The profile's model and its illustrative list and GPU prices, so that runs on the simulator show what cost looks like,
     * with its GPU and model size so that they show the cost floor too.
     */
    static SimulatorProfile describe(Profile p) {
        Pricing pricing = Pricing.illustrative(p.inputPricePerMillionTokens(), p.outputPricePerMillionTokens(),
                p.gpuPricePerHour(), p.gpuCount(), p.activeParameters(), p.peakFlopsPerSecond(), "simulator profile " + p.name())
                .withServing(new Gpu("sim-" + p.name(), "the simulated GPU of profile " + p.name(), p.peakFlopsPerSecond(),
                                p.hbmBytesPerSecond(), 0, p.gpuPricePerHour(), p.gpuPricePerHour(),
                                "simulator profile " + p.name() + " (its timing model's figures; memory not modelled)"),
                        new ModelSize(p.totalParameters(), p.activeParameters(), p.weightBytes() / p.totalParameters()));
        return new SimulatorProfile(p.name(), p.modelName(), pricing);
    }
}
