package dev.llmbench.maven;

import dev.llmbench.harness.plan.SimulatorProvider;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the simulator {@code llmbench:simulator-start} started for this project (nothing to do when none runs). */
@Mojo(name = "simulator-stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public class SimulatorStopMojo extends AbstractMojo {

    @Override
    public void execute() {
        Object sim = getPluginContext().remove(SimulatorStartMojo.CONTEXT_KEY);
        if (sim instanceof SimulatorProvider.Running s) {
            s.close();
            getLog().info("llmbench: simulator on " + s.baseUri() + " stopped");
        } else {
            getLog().info("llmbench: no simulator running for this project");
        }
    }
}
