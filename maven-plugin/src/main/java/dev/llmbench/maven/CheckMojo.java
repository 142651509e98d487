package dev.llmbench.maven;

import dev.llmbench.harness.compare.Check;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.metrics.MetricRef;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails the build when a benchmark missed an SLO, or when a metric got worse than the baseline by more than its
 * tolerance. The message lists every offending benchmark and metric with the old value, the new value and the change.
 * Below {@link #minSamples} samples a metric is reported as "not enough samples" instead of judged.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractResultsMojo {

    /** Relative change allowed before a metric counts as worse: {@code 10%} or a fraction {@code 0.1}. */
    @Parameter(property = "llmbench.tolerance", defaultValue = "10%")
    String tolerance;

    /**
     * Per-metric tolerances that override {@link #tolerance}. XML element names cannot hold parentheses, so
     * {@code p99(itl)} is written {@code p99_itl}; a base metric such as {@code itl} covers all its statistics:
     * {@code <tolerances><itl>25%</itl><p90_ttft>5%</p90_ttft></tolerances>}. Names and statistics are those of SLOs
     * (the README's metric table); an unknown metric fails the build.
     */
    @Parameter
    Map<String, String> tolerances;

    /** Metrics compared with the baseline (ids as in SLOs: {@code p90(ttft)}, {@code output_throughput}…); default: p50/p90/p99 of ttft, tpot, itl, e2e, output_throughput, error_rate. */
    @Parameter(property = "llmbench.metrics")
    List<String> metrics;

    /** Below this many samples on either side a metric is "not enough samples", not a verdict. */
    @Parameter(property = "llmbench.minSamples", defaultValue = "30")
    long minSamples;

    /** Only warn: log what would fail the build, and pass. */
    @Parameter(property = "llmbench.warnOnly", defaultValue = "false")
    boolean warnOnly;

    /** Fail when there are no results at all (by default that is a warning: the benchmarks may have been skipped). */
    @Parameter(property = "llmbench.failIfNoResults", defaultValue = "false")
    boolean failIfNoResults;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        resolveFolders();
        if (skip) {
            getLog().info("llmbench: check skipped");
            return;
        }
        CompareOptions options = options();
        ResultSet set = readResults();
        if (set.isEmpty()) {
            String msg = "llmbench: no results in " + resultDirectories + ": did the benchmarks run?";
            if (failIfNoResults) throw new MojoFailureException(msg + " (llmbench.failIfNoResults is true)");
            getLog().warn(msg);
            return;
        }
        List<BenchmarkResult> baseline = readBaselineOrNull();
        if (baseline == null) getLog().info("llmbench: no baseline in " + baselineDirectory + " (llmbench:baseline stores one)");
        Verdicts.apply(Check.run(set.results(), baseline, options), warnOnly, getLog());
    }

    private CompareOptions options() throws MojoExecutionException {
        try {
            CompareOptions o = CompareOptions.defaults()
                    .withTolerance(CompareOptions.parseTolerance(tolerance, "llmbench.tolerance"))
                    .withMinSamples(minSamples);
            if (metrics != null && !metrics.isEmpty()) o = o.withMetrics(metrics);
            if (tolerances != null) {
                Map<String, Double> parsed = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : tolerances.entrySet()) {
                    String key = metricKey(e.getKey());
                    parsed.put(key, CompareOptions.parseTolerance(e.getValue(), "tolerances/" + e.getKey()));
                }
                o = o.withMetricTolerances(parsed);
            }
            if (minSamples < 0) throw new IllegalArgumentException("llmbench.minSamples: " + minSamples + " is negative; allowed: >= 0");
            return o;
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** {@code p99_itl} → {@code p99(itl)}; {@code itl} and {@code error_rate} stay as they are (see {@link MetricRef}). */
    static String metricKey(String xmlName) {
        return MetricRef.fromUnderscoreName(xmlName);
    }
}
