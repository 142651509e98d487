package dev.llmbench.maven;

import dev.llmbench.harness.compare.BaselineComparison;
import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.report.ReportWriter;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.settings.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * Writes {@code report.html} (one self-contained page), {@code report.md} (fits a pull-request comment) and
 * {@code summary.json} from every result under {@code target/llmbench/} (and any other result folders), compared with
 * the baseline when there is one. Works after {@code mvn verify}, or on its own.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractResultsMojo {

    /** Where the report files go. Default: {@code target/llmbench}. */
    @Parameter(property = "llmbench.reportDirectory")
    String reportDirectory;

    /** Tolerance of the baseline deltas shown in the report ({@code 10%} (default) or {@code 0.1}); as in {@code check}. */
    @Parameter(property = "llmbench.tolerance")
    String tolerance;

    @Override
    PluginSettings goalSettings(PluginSettings shared) {
        return shared.put(Settings.REPORT_DIRECTORY, reportDirectory).put(Settings.TOLERANCE, tolerance)
                .defaultValue(Settings.REPORT_DIRECTORY, ProjectFolders.resultsDir(project, session), "the project's target/llmbench");
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (!resolveSettings("report")) return;
        File reportDirectory = settings.get(Settings.REPORT_DIRECTORY).toFile();
        if (!reportDirectory.isAbsolute()) reportDirectory = new File(ProjectFolders.baseDir(project, session), reportDirectory.getPath());
        ResultSet set = readResults();
        if (set.isEmpty()) getLog().warn("llmbench: no results to report: run the benchmarks first (mvn verify)");
        List<BenchmarkResult> baseline = readBaselineOrNull();
        ComparisonReport comparison;
        try {
            CompareOptions options = CompareOptions.defaults().withTolerance(CompareOptions.parseTolerance(settings.get(Settings.TOLERANCE), "llmbench.tolerance"));
            comparison = baseline == null ? null : BaselineComparison.compare(set.results(), baseline, options);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            ReportWriter.ReportFiles files = ReportWriter.write(set, comparison, reportDirectory.toPath());
            getLog().info("llmbench: report " + files.html().toUri());
            getLog().info("llmbench: summary " + files.markdown() + ", " + files.summary());
        } catch (IOException e) {
            throw new MojoExecutionException("llmbench.reportDirectory: cannot write the report to " + reportDirectory + ": " + e.getMessage(), e);
        }
    }
}
