package dev.llmbench.harness.plan;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link SimulatorProvider} on the class path. Stateless. */
public final class EmbeddedSimulators {

    private EmbeddedSimulators() {
    }

    /**
     * The first provider on the class path of this class's loader.
     *
     * @throws IllegalStateException saying which artifact to add when there is none
     */
    public static SimulatorProvider provider() {
        Iterator<SimulatorProvider> it = ServiceLoader.load(SimulatorProvider.class, EmbeddedSimulators.class.getClassLoader()).iterator();
        if (it.hasNext()) return it.next();
        throw new IllegalStateException("llmbench.endpoint: no endpoint is set and the embedded simulator is not on the "
                + "class path; set llmbench.endpoint or add dev.llmbench:llmbench-simulator-embedded");
    }
}
