package dev.llmbench.maven;

import dev.llmbench.harness.compare.Check;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.metrics.MetricRef;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails the build when a benchmark missed an SLO, when every measured request of a benchmark failed (unless
 * {@link #allowAllFailed}), or when a metric got worse than the baseline by more than its tolerance. The message lists every offending benchmark and metric with the old value, the new value and the change.
 * Below {@link #minSamples} samples a metric is reported as "not enough samples" instead of judged.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractResultsMojo {

    /** Relative change allowed before a metric counts as worse: {@code 10%} (default) or a fraction {@code 0.1}. */
    @Parameter(property = "llmbench.tolerance")
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

    /** Below this many samples on either side a metric is "not enough samples", not a verdict (default 30). */
    @Parameter(property = "llmbench.minSamples")
    String minSamples;

    /** Only warn: log what would fail the build, and pass (default false). */
    @Parameter(property = "llmbench.warnOnly")
    String warnOnly;

    /**
     * With no results at all: {@code auto} (default) fails when benchmarks were expected — the project has
     * {@code @LlmBenchmark} test classes or a baseline — and warns otherwise; {@code true} always fails; {@code false}
     * only warns.
     */
    @Parameter(property = "llmbench.failIfNoResults")
    String failIfNoResults;

    /** A benchmark whose every measured request failed does not fail the build by itself (default false). */
    @Parameter(property = "llmbench.allowAllFailed")
    String allowAllFailed;

    @Override
    PluginSettings goalSettings(PluginSettings shared) {
        return shared.put(Settings.TOLERANCE, tolerance).put(Settings.METRICS, metrics).put(Settings.MIN_SAMPLES, minSamples)
                .put(Settings.WARN_ONLY, warnOnly).put(Settings.FAIL_IF_NO_RESULTS, failIfNoResults)
                .put(Settings.ALLOW_ALL_FAILED, allowAllFailed);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!resolveSettings("check")) return;
        CompareOptions options = options();
        ResultSet set = readResults();
        if (set.isEmpty()) {
            noResults();
            return;
        }
        List<BenchmarkResult> baseline = readBaselineOrNull();
        if (baseline == null) getLog().info("llmbench: no baseline in " + baselineFolder + " (llmbench:baseline stores one)");
        Verdicts.apply(Check.run(set.results(), baseline, options, settings.get(Settings.ALLOW_ALL_FAILED)),
                settings.get(Settings.WARN_ONLY), getLog());
    }

    /** No results: fail when benchmarks were expected (or always/never, as configured), else warn. */
    private void noResults() throws MojoFailureException, MojoExecutionException {
        String msg = "llmbench: no results in " + resultFolders + ": did the benchmarks run?";
        String mode = settings.get(Settings.FAIL_IF_NO_RESULTS);
        String expected = ExpectedBenchmarks.why(project, baselineFolder);
        if (mode.equals("true") || (mode.equals("auto") && expected != null)) {
            throw new MojoFailureException(msg + (mode.equals("true") ? " (llmbench.failIfNoResults is true)"
                    : " Benchmarks were expected: " + expected + ". Benchmark classes run under Surefire only if they match its "
                    + "includes (**/*Test.java, **/Test*.java, **/*Tests.java, **/*TestCase.java) or under Failsafe as **/*IT.java; "
                    + "set -Dllmbench.failIfNoResults=false to only warn"));
        }
        getLog().warn(msg);
    }

    private CompareOptions options() throws MojoExecutionException {
        try {
            CompareOptions o = CompareOptions.defaults()
                    .withTolerance(CompareOptions.parseTolerance(settings.get(Settings.TOLERANCE), "llmbench.tolerance"))
                    .withMinSamples(settings.get(Settings.MIN_SAMPLES));
            List<String> ids = settings.list(Settings.METRICS).stream().map(LayeredSettings.Item::text).toList();
            if (!ids.isEmpty()) o = o.withMetrics(ids);
            if (tolerances != null) {
                Map<String, Double> parsed = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : tolerances.entrySet()) {
                    String key = metricKey(e.getKey());
                    parsed.put(key, CompareOptions.parseTolerance(e.getValue(), "tolerances/" + e.getKey()));
                }
                o = o.withMetricTolerances(parsed);
            }
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
