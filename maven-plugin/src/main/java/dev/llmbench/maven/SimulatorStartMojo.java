package dev.llmbench.maven;

import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Starts the embedded LLM simulator on 127.0.0.1 for the integration tests and sets its URL and model as project
 * properties (by default {@code llmbench.endpoint} and {@code llmbench.model}), so failsafe can hand them to the
 * tests: {@code <systemPropertyVariables><llmbench.endpoint>${llmbench.endpoint}</llmbench.endpoint>…}.
 * {@code llmbench:simulator-stop} (post-integration-test) stops it; if it is never called the simulator ends with Maven.
 */
@Mojo(name = "simulator-start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class SimulatorStartMojo extends AbstractMojo {

    /** Key of the running simulator in the plugin context, shared with {@link SimulatorStopMojo}. */
    static final String CONTEXT_KEY = "dev.llmbench.simulator";

    /** {@code fast}, {@code llama-2-70b-4xa100} or {@code mixtral-8x7b-2xh100}. */
    @Parameter(property = "llmbench.simulatorProfile", defaultValue = "fast")
    String profile;

    /** TCP port on 127.0.0.1; 0 picks a free one. */
    @Parameter(property = "llmbench.simulatorPort", defaultValue = "0")
    int port;

    /** Project property that receives the simulator's base URL. */
    @Parameter(defaultValue = "llmbench.endpoint")
    String urlProperty;

    /** Project property that receives the simulator's model name. */
    @Parameter(defaultValue = "llmbench.model")
    String modelProperty;

    @Parameter(property = "llmbench.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Override
    @SuppressWarnings("unchecked")
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("llmbench: simulator-start skipped");
            return;
        }
        if (getPluginContext().get(CONTEXT_KEY) != null) {
            throw new MojoExecutionException("llmbench: the simulator of this project is already running; "
                    + "call llmbench:simulator-stop before starting it again");
        }
        Simulator sim;
        try {
            Profile p = Profile.named(profile);
            sim = Simulator.start(SimulatorConfig.builder(p).port(port).build());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("llmbench.simulatorProfile / llmbench.simulatorPort: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("llmbench: cannot start the simulator on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        getPluginContext().put(CONTEXT_KEY, sim);
        project.getProperties().setProperty(urlProperty, sim.baseUri().toString());
        project.getProperties().setProperty(modelProperty, sim.profile().modelName());
        getLog().info("llmbench: simulator (profile " + sim.profile().name() + ", model " + sim.profile().modelName()
                + ") on " + sim.baseUri() + "; ${" + urlProperty + "} and ${" + modelProperty + "} set");
    }
}
