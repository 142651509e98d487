package dev.llmbench.maven;

import dev.llmbench.harness.plan.EmbeddedSimulators;
import dev.llmbench.harness.plan.SimulatorProvider;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.SettingValue;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import org.apache.maven.execution.MavenSession;

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

    /** {@code fast} (default), {@code llama-2-70b-4xa100} or {@code mixtral-8x7b-2xh100}. */
    @Parameter(property = "llmbench.simulatorProfile")
    String profile;

    /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
    @Parameter(property = "llmbench.simulatorPort")
    String port;

    /** Project property that receives the simulator's base URL. */
    @Parameter(defaultValue = "llmbench.endpoint")
    String urlProperty;

    /** Project property that receives the simulator's model name. */
    @Parameter(defaultValue = "llmbench.model")
    String modelProperty;

    /** Skips the goal (default false). */
    @Parameter(property = "llmbench.skip")
    String skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Override
    @SuppressWarnings("unchecked")
    public void execute() throws MojoExecutionException {
        SimulatorProvider.Running sim;
        try {
            LayeredSettings s = new PluginSettings().put(Settings.SIMULATOR_PROFILE, profile).put(Settings.SIMULATOR_PORT, port)
                    .put(Settings.SKIP, skip).resolve(session, getLog());
            if (s.get(Settings.SKIP)) {
                getLog().info("llmbench: simulator-start skipped");
                return;
            }
            if (getPluginContext().get(CONTEXT_KEY) != null) {
                throw new MojoExecutionException("llmbench: the simulator of this project is already running; "
                        + "call llmbench:simulator-stop before starting it again");
            }
            SimulatorProvider provider = EmbeddedSimulators.provider();
            SettingValue name = s.find(Settings.SIMULATOR_PROFILE).orElseThrow();
            try {
                provider.profile(name.raw());
            } catch (IllegalArgumentException e) {
                throw SettingsException.at(name, e.getMessage());
            }
            int tcpPort = s.get(Settings.SIMULATOR_PORT).intValue();
            try {
                sim = provider.start(name.raw(), tcpPort);
            } catch (RuntimeException e) {
                throw new MojoExecutionException("llmbench: cannot start the simulator on 127.0.0.1:" + tcpPort + ": " + e.getMessage(), e);
            }
        } catch (SettingsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        getPluginContext().put(CONTEXT_KEY, sim);
        project.getProperties().setProperty(urlProperty, sim.baseUri().toString());
        project.getProperties().setProperty(modelProperty, sim.profile().modelName());
        getLog().info("llmbench: simulator (profile " + sim.profile().name() + ", model " + sim.profile().modelName()
                + ") on " + sim.baseUri() + "; ${" + urlProperty + "} and ${" + modelProperty + "} set");
    }
}
