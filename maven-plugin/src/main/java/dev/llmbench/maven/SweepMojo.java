package dev.llmbench.maven;

import dev.llmbench.harness.settings.LayeredSettings;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code llmbench:run} with {@code llmbench.sweep=true} unless configured otherwise: finds the highest concurrency at
 * which the first prompt shape meets every {@code llmbench.slo}, and writes the step at that capacity with
 * {@code max_concurrency_meeting_slo}:
 * <pre>mvn dev.llmbench:llmbench-maven-plugin:VERSION:sweep -Dllmbench.slo="p90(ttft) &lt; 500ms" -Dllmbench.requests=50</pre>
 * Every parameter is {@link RunMojo}'s.
 */
@Mojo(name = "sweep", requiresProject = false, threadSafe = true)
public class SweepMojo extends RunMojo {

    /** {@link RunMojo#settings()} with {@code sweep} true when neither configured nor given as a property. */
    @Override
    LayeredSettings settings() {
        if (sweep == null) sweep = "true";
        return super.settings();
    }
}
