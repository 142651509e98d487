package dev.llmbench.maven;

import dev.llmbench.harness.compare.BaselineStore;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
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
    List<String> resultDirectories;

    /** Also read results in sub-folders of {@link #resultDirectories} (default false). */
    @Parameter(property = "llmbench.recursive")
    String recursive;

    /** The baseline folder, committed with the project; written by {@code llmbench:baseline}. Default: {@code src/test/llmbench-baseline}. */
    @Parameter(property = "llmbench.baselineDirectory")
    String baselineDirectory;

    /** Skips the goal (default false). */
    @Parameter(property = "llmbench.skip")
    String skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** The resolved settings of this execution (set by {@link #resolveSettings}). */
    LayeredSettings settings;
    /** The result folders to read. */
    List<File> resultFolders;
    /** The baseline folder. */
    File baselineFolder;

    /** This goal's own parameters, added to the layers the results goals share. */
    abstract PluginSettings goalSettings(PluginSettings shared);

    /**
     * Resolves every setting (see {@link PluginSettings}) and the folders; call first in {@code execute}.
     *
     * @return false when the goal is skipped
     */
    boolean resolveSettings(String goal) throws MojoExecutionException {
        try {
            PluginSettings p = new PluginSettings()
                    .put(Settings.RESULT_DIRECTORIES, resultDirectories).put(Settings.RECURSIVE, recursive)
                    .put(Settings.BASELINE_DIRECTORY, baselineDirectory).put(Settings.SKIP, skip)
                    .defaultValue(Settings.RESULT_DIRECTORIES, ProjectFolders.resultsDir(project, session), "the project's target/llmbench")
                    .defaultValue(Settings.BASELINE_DIRECTORY, new File(ProjectFolders.baseDir(project, session), "src/test/llmbench-baseline"),
                            "the project's src/test/llmbench-baseline");
            settings = goalSettings(p).resolve(session, getLog());
            resultFolders = new ArrayList<>();
            File base = ProjectFolders.baseDir(project, session);
            for (LayeredSettings.Item item : settings.list(Settings.RESULT_DIRECTORIES)) {
                File f = new File(item.text());
                resultFolders.add(f.isAbsolute() ? f : new File(base, item.text()));
            }
            File b = settings.get(Settings.BASELINE_DIRECTORY).toFile();
            baselineFolder = b.isAbsolute() ? b : new File(base, b.getPath());
            if (settings.get(Settings.SKIP)) {
                getLog().info("llmbench: " + goal + " skipped");
                return false;
            }
            return true;
        } catch (SettingsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Reads {@link #resultDirectories}, logging what was skipped and why. */
    ResultSet readResults() {
        List<Path> dirs = new ArrayList<>();
        for (File f : resultFolders) dirs.add(f.toPath());
        ResultSet set = ResultSet.read(dirs, settings.get(Settings.RECURSIVE));
        for (String w : set.warnings()) getLog().warn(w);
        getLog().info("llmbench: " + set.results().size() + " benchmark result(s) from " + set.sources().size()
                + " file(s) in " + resultFolders);
        return set;
    }

    /** The baseline, or null when {@link #baselineDirectory} holds none. */
    List<BenchmarkResult> readBaselineOrNull() throws MojoExecutionException {
        try {
            if (!BaselineStore.exists(baselineFolder.toPath())) return null;
            List<BenchmarkResult> base = BaselineStore.load(baselineFolder.toPath());
            getLog().info("llmbench: baseline of " + base.size() + " result(s) from " + baselineFolder);
            return base;
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("llmbench.baselineDirectory: cannot read the baseline in " + baselineFolder
                    + ": " + e.getMessage() + " (fix or delete the file, then run llmbench:baseline again)", e);
        }
    }
}
