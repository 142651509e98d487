package dev.llmbench.maven;

import dev.llmbench.harness.compare.BaselineStore;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code report}, {@code check} and {@code baseline} share: where results and the baseline are, and skipping. */
abstract class AbstractResultsMojo extends AbstractMojo {

    /**
     * Folders of result files to read. Several folders (results copied from other machines) are merged: results of the
     * same benchmark and configuration are added together exactly, others are kept apart. On the command line:
     * {@code -Dllmbench.resultDirectories=target/llmbench,../ci-results}. Default: {@code target/llmbench}.
     */
    @Parameter(property = "llmbench.resultDirectories")
    List<File> resultDirectories;

    /** Also read results in sub-folders of {@link #resultDirectories}. */
    @Parameter(property = "llmbench.recursive", defaultValue = "false")
    boolean recursive;

    /** The baseline folder, committed with the project; written by {@code llmbench:baseline}. Default: {@code src/test/llmbench-baseline}. */
    @Parameter(property = "llmbench.baselineDirectory")
    File baselineDirectory;

    /** Skips the goal. */
    @Parameter(property = "llmbench.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** Fills in the defaults of unset folders (see {@link ProjectFolders}); call first in {@code execute}. */
    void resolveFolders() {
        if (resultDirectories == null || resultDirectories.isEmpty()) {
            resultDirectories = List.of(ProjectFolders.resultsDir(project, session));
        }
        if (baselineDirectory == null) {
            baselineDirectory = new File(ProjectFolders.baseDir(project, session), "src/test/llmbench-baseline");
        }
    }

    /** Reads {@link #resultDirectories}, logging what was skipped and why. */
    ResultSet readResults() {
        List<Path> dirs = new ArrayList<>();
        for (File f : resultDirectories) dirs.add(f.toPath());
        ResultSet set = ResultSet.read(dirs, recursive);
        for (String w : set.warnings()) getLog().warn(w);
        getLog().info("llmbench: " + set.results().size() + " benchmark result(s) from " + set.sources().size()
                + " file(s) in " + resultDirectories);
        return set;
    }

    /** The baseline, or null when {@link #baselineDirectory} holds none. */
    List<BenchmarkResult> readBaselineOrNull() throws MojoExecutionException {
        try {
            if (!BaselineStore.exists(baselineDirectory.toPath())) return null;
            List<BenchmarkResult> base = BaselineStore.load(baselineDirectory.toPath());
            getLog().info("llmbench: baseline of " + base.size() + " result(s) from " + baselineDirectory);
            return base;
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("llmbench.baselineDirectory: cannot read the baseline in " + baselineDirectory
                    + ": " + e.getMessage() + " (fix or delete the file, then run llmbench:baseline again)", e);
        }
    }
}
