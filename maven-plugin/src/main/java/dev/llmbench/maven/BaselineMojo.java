package dev.llmbench.maven;

import dev.llmbench.harness.compare.BaselineStore;
import dev.llmbench.harness.report.ResultSet;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Stores the current results as the baseline (default {@code src/test/llmbench-baseline/}, a folder to commit), so
 * that {@code llmbench:check} judges regressions against the last accepted run. Result files a previous baseline wrote
 * and this one does not are deleted; other files in the folder are left alone.
 */
@Mojo(name = "baseline", requiresProject = false, threadSafe = true)
public class BaselineMojo extends AbstractResultsMojo {

    @Override
    PluginSettings goalSettings(PluginSettings shared) {
        return shared;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!resolveSettings("baseline")) return;
        ResultSet set = readResults();
        if (set.isEmpty()) {
            // Never replace a baseline with nothing.
            throw new MojoFailureException("llmbench: no results in " + resultFolders
                    + " to store as the baseline: run the benchmarks first (mvn verify), then llmbench:baseline");
        }
        try {
            List<Path> files = BaselineStore.save(set.results(), baselineFolder.toPath());
            getLog().info("llmbench: baseline of " + files.size() + " result(s) written to " + baselineFolder
                    + "; commit that folder");
        } catch (IOException e) {
            throw new MojoExecutionException("llmbench.baselineDirectory: cannot write the baseline to " + baselineFolder
                    + ": " + e.getMessage(), e);
        }
    }
}
