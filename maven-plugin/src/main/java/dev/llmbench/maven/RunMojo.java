package dev.llmbench.maven;

import dev.llmbench.harness.adhoc.AdHocRun;
import dev.llmbench.harness.compare.Check;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.report.ReportWriter;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ad-hoc benchmark without test code, also outside any project:
 * <pre>mvn dev.llmbench:llmbench-maven-plugin:VERSION:run -Dllmbench.endpoint=http://127.0.0.1:8000/v1
 *     -Dllmbench.model=M -Dllmbench.concurrency=2,20,50 -Dllmbench.shape=short-in-long-out
 *     -Dllmbench.requests=100 -Dllmbench.slo="p90(ttft) &lt; 800ms"</pre>
 * One benchmark per concurrency × shape; results go to {@code target/llmbench/} with a report beside them. With no
 * endpoint it runs against the embedded simulator. The build fails when an SLO is missed (unless
 * {@code llmbench.warnOnly}). The API key comes from the environment variable named by {@link #apiKeyEnv}.
 */
@Mojo(name = "run", requiresProject = false, threadSafe = true)
public class RunMojo extends AbstractMojo {

    /** Base URL of an OpenAI-compatible endpoint; unset: the embedded simulator. */
    @Parameter(property = "llmbench.endpoint")
    String endpoint;

    /** Model name; required with an endpoint, the simulator profile's model otherwise. */
    @Parameter(property = "llmbench.model")
    String model;

    /** Environment variable holding the API key (sent as a bearer token; never logged or written). */
    @Parameter(property = "llmbench.apiKeyEnv", defaultValue = "LLMBENCH_API_KEY")
    String apiKeyEnv;

    /** {@code chat} or {@code completions}. */
    @Parameter(property = "llmbench.protocol", defaultValue = "chat")
    String protocol;

    /** Concurrent users per tier, comma-separated ({@code 2,20,50}) or tier names ({@code small,medium,large}). */
    @Parameter(property = "llmbench.concurrency", defaultValue = "2")
    String concurrency;

    /** Prompt shapes, comma-separated: preset names ({@code short-in-long-out}, {@code chat}…) or {@code INPUT:OUTPUT} tokens. */
    @Parameter(property = "llmbench.shape", defaultValue = "short-in-long-out")
    String shape;

    /** Measured requests per benchmark. */
    @Parameter(property = "llmbench.requests", defaultValue = "100")
    long requests;

    /** Upper bound on each benchmark's measured phase, seconds. */
    @Parameter(property = "llmbench.seconds", defaultValue = "600")
    double seconds;

    /** Unrecorded warm-up requests before each benchmark. */
    @Parameter(property = "llmbench.warmupRequests", defaultValue = "0")
    long warmupRequests;

    /** SLOs, separated by {@code ;}: {@code p90(ttft) < 800ms; error_rate < 1%}. */
    @Parameter(property = "llmbench.slo")
    String slo;

    /** Tokenizer spec for exact prompt and output token counts (default: the harness's). */
    @Parameter(property = "llmbench.tokenizer")
    String tokenizer;

    /** US dollars per 1M input tokens; with no prices set, runs on the simulator use its profile's illustrative prices. */
    @Parameter(property = "llmbench.inputPricePerMillionTokens")
    String inputPricePerMillionTokens;

    /** US dollars per 1M cached input tokens (default: the input price). */
    @Parameter(property = "llmbench.cachedInputPricePerMillionTokens")
    String cachedInputPricePerMillionTokens;

    /** US dollars per 1M output tokens. */
    @Parameter(property = "llmbench.outputPricePerMillionTokens")
    String outputPricePerMillionTokens;

    /** US dollars per GPU-hour of self-hosted serving (used when tokens are not priced). */
    @Parameter(property = "llmbench.gpuPricePerHour")
    String gpuPricePerHour;

    /** GPUs serving the model (default 1 when a GPU price is set). */
    @Parameter(property = "llmbench.gpuCount")
    String gpuCount;

    /** Prefix of the benchmark names. */
    @Parameter(property = "llmbench.name", defaultValue = "adhoc")
    String name;

    /** Simulator profile when no endpoint is given: {@code fast}, {@code llama-2-70b-4xa100}, {@code mixtral-8x7b-2xh100}. */
    @Parameter(property = "llmbench.simulatorProfile", defaultValue = "fast")
    String simulatorProfile;

    /** Where result files and the report go. Default: {@code target/llmbench} (of the project, or of the current folder). */
    @Parameter(property = "llmbench.outputDirectory")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** Write report.html, report.md and summary.json after the run. */
    @Parameter(property = "llmbench.report", defaultValue = "true")
    boolean report;

    /** Only warn when an SLO is missed. */
    @Parameter(property = "llmbench.warnOnly", defaultValue = "false")
    boolean warnOnly;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (outputDirectory == null) outputDirectory = ProjectFolders.resultsDir(project, session);
        boolean simulated = endpoint == null || endpoint.isBlank();
        Profile profile = null;
        if (simulated) {
            try {
                profile = Profile.named(simulatorProfile);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("llmbench.simulatorProfile: " + e.getMessage(), e);
            }
        }
        Simulator simulator = null;
        try {
            AdHocRun.Builder b = AdHocRun.builder().name(name).protocol(protocol).concurrency(concurrency).shapes(shape)
                    .requests(requests).maxSeconds(seconds).warmupRequests(warmupRequests).slos(slo).tokenizer(tokenizer)
                    .outputDirectory(outputDirectory.toPath());
            Map<String, String> prices = new HashMap<>();
            prices.put(Pricing.INPUT_KEY, inputPricePerMillionTokens);
            prices.put(Pricing.CACHED_INPUT_KEY, cachedInputPricePerMillionTokens);
            prices.put(Pricing.OUTPUT_KEY, outputPricePerMillionTokens);
            prices.put(Pricing.GPU_HOUR_KEY, gpuPricePerHour);
            prices.put(Pricing.GPU_COUNT_KEY, gpuCount);
            b.pricing(prices, simulated ? Pricing.illustrative(profile.inputPricePerMillionTokens(),
                    profile.outputPricePerMillionTokens(), profile.gpuPricePerHour(), profile.gpuCount(),
                    profile.activeParameters(), profile.peakFlopsPerSecond(), "simulator profile " + profile.name()) : null);
            if (simulated) {
                simulator = Simulator.start(profile);
                getLog().info("llmbench: no llmbench.endpoint given: embedded simulator (profile " + profile.name()
                        + ", model " + profile.modelName() + ") on " + simulator.baseUri());
                b.servedBySimulator(profile.name()).endpoint(simulator.baseUri().toString(), apiKeyEnv).model(model == null || model.isBlank() ? profile.modelName() : model);
            } else {
                b.endpoint(endpoint, apiKeyEnv);
                if (model != null) b.model(model);
            }
            AdHocRun run = b.build();
            List<AdHocRun.Outcome> outcomes = run.run(line -> getLog().info("llmbench: " + line));
            List<BenchmarkResult> results = new ArrayList<>();
            for (AdHocRun.Outcome o : outcomes) results.add(o.result());
            if (report) {
                ReportWriter.ReportFiles files = ReportWriter.write(ResultSet.of(results), null, outputDirectory.toPath());
                getLog().info("llmbench: report " + files.html().toUri());
            }
            Verdicts.apply(Check.run(results, null, null), warnOnly, getLog());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("llmbench.outputDirectory: cannot write to " + outputDirectory + ": " + e.getMessage(), e);
        } finally {
            if (simulator != null) simulator.close();
        }
    }
}
