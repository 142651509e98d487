package dev.llmbench.maven;

import dev.llmbench.harness.ShutdownGuard;
import dev.llmbench.harness.compare.Check;
import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.report.ReportWriter;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark without test code, also outside any project:
 * <pre>mvn dev.llmbench:llmbench-maven-plugin:VERSION:run -Dllmbench.endpoint=http://127.0.0.1:8000/v1
 *     -Dllmbench.model=M -Dllmbench.concurrency=2,20,50 -Dllmbench.shape=short-in-long-out
 *     -Dllmbench.requests=100 -Dllmbench.slo="p90(ttft) &lt; 800ms"</pre>
 * The harness makes the plan (one benchmark per tier × shape, the same plan the JUnit extension makes from the same
 * settings, with the same defaults) and runs it; results go to {@code target/llmbench/} with a report beside them.
 * With no endpoint it runs against the embedded simulator. The build fails when an SLO is missed or every measured
 * request of a benchmark failed (unless {@code llmbench.warnOnly}; the latter unless {@code llmbench.allowAllFailed}). Every parameter is a setting of the harness: defaults, allowed values and messages are
 * the harness's ({@code dev.llmbench.harness.settings.Settings}).
 */
@Mojo(name = "run", requiresProject = false, threadSafe = true)
public class RunMojo extends AbstractMojo {

    /** Base URL of an OpenAI-compatible endpoint; unset: the embedded simulator. */
    @Parameter(property = "llmbench.endpoint")
    String endpoint;

    /** Model name; required with an endpoint, the simulator profile's model otherwise. */
    @Parameter(property = "llmbench.model")
    String model;

    /** Environment variable holding the API key (default {@code LLMBENCH_API_KEY}; never logged or written). */
    @Parameter(property = "llmbench.apiKeyEnv")
    String apiKeyEnv;

    /** {@code chat} (default) or {@code completions}. */
    @Parameter(property = "llmbench.protocol")
    String protocol;

    /** Closed-loop tiers: users per tier, comma-separated ({@code 2,20,50}) or tier names ({@code small,medium,large}); default 1. */
    @Parameter(property = "llmbench.concurrency")
    String concurrency;

    /** Open-loop tiers: arrival rates in requests/s, comma-separated; replaces the concurrency tiers. */
    @Parameter(property = "llmbench.rate")
    String rate;

    /** Arrivals of rate tiers: {@code poisson} (default), {@code constant} or {@code gamma}. */
    @Parameter(property = "llmbench.arrival")
    String arrival;

    /** Prompt shapes, comma-separated: presets ({@code short-in-long-out}, {@code chat}…) or {@code INPUT:OUTPUT} tokens; default short-in-short-out. */
    @Parameter(property = "llmbench.shape")
    String shape;

    /** Measured requests per benchmark (default 100 when no time bound is set either). */
    @Parameter(property = "llmbench.requests")
    String requests;

    /** Upper bound on each benchmark's measured phase, seconds (default: none). */
    @Parameter(property = "llmbench.seconds")
    String seconds;

    /** Unrecorded warm-up requests before each benchmark (default 0). */
    @Parameter(property = "llmbench.warmupRequests")
    String warmupRequests;

    /** SLOs, separated by {@code ;}: {@code p90(ttft) < 800ms; error_rate < 1%}. */
    @Parameter(property = "llmbench.slo")
    String slo;

    /** Tokenizer spec for exact prompt and output token counts (default: none, approximate prompts). */
    @Parameter(property = "llmbench.tokenizer")
    String tokenizer;

    /** US dollars per 1M input tokens; with no prices set, runs on the simulator use its profile's illustrative prices. */
    @Parameter(property = "llmbench.inputPricePerMillionTokens")
    String inputPricePerMillionTokens;

    /** US dollars per 1M cached input tokens (default: the input price). */
    @Parameter(property = "llmbench.cachedInputPricePerMillionTokens")
    String cachedInputPricePerMillionTokens;

    /** US dollars per 1M input tokens written to the prompt cache (default: 1.25 × the input price). */
    @Parameter(property = "llmbench.cacheWritePricePerMillionTokens")
    String cacheWritePricePerMillionTokens;

    /** US dollars per 1M output tokens. */
    @Parameter(property = "llmbench.outputPricePerMillionTokens")
    String outputPricePerMillionTokens;

    /** US dollars per GPU-hour of self-hosted serving (used when tokens are not priced). */
    @Parameter(property = "llmbench.gpuPricePerHour")
    String gpuPricePerHour;

    /** GPUs serving the model (default: the fewest {@code gpu}s that hold the weights, else 1, when a GPU price is set). */
    @Parameter(property = "llmbench.gpuCount")
    String gpuCount;

    /** The GPU serving the model ({@code h100-sxm}, …): with a GPU price and the model size, each result shows its cost floor. */
    @Parameter(property = "llmbench.gpu")
    String gpu;

    /** A JSON file of GPUs that overrides and extends the built-in table. */
    @Parameter(property = "llmbench.gpuCatalog")
    String gpuCatalog;

    /** The model's total parameters ({@code 70e9}), for the cost floor. */
    @Parameter(property = "llmbench.modelParameters")
    String modelParameters;

    /** Parameters used per token (default: the total). */
    @Parameter(property = "llmbench.modelActiveParameters")
    String modelActiveParameters;

    /** Bytes per weight ({@code 2} default: fp16/bf16). */
    @Parameter(property = "llmbench.bytesPerParameter")
    String bytesPerParameter;

    /** Per request: longest wait to connect ({@code 10s} default; {@code 500ms}, {@code 2m}; {@code 0} = none). */
    @Parameter(property = "llmbench.timeouts.connect")
    String connectTimeout;

    /** Per request: longest wait for the first generated output ({@code 120s} default). */
    @Parameter(property = "llmbench.timeouts.firstToken")
    String firstTokenTimeout;

    /** Per request: longest gap between two reads of a response ({@code 60s} default). */
    @Parameter(property = "llmbench.timeouts.idle")
    String idleTimeout;

    /** Per request: longest time to the end of the response ({@code 10m} default). */
    @Parameter(property = "llmbench.timeouts.total")
    String totalTimeout;

    /** Prefix of the benchmark names (default {@code adhoc}). */
    @Parameter(property = "llmbench.name")
    String name;

    /** Simulator profile when no endpoint is given: {@code fast} (default), {@code llama-2-70b-4xa100}, {@code mixtral-8x7b-2xh100}. */
    @Parameter(property = "llmbench.simulatorProfile")
    String simulatorProfile;

    /** Simulator wire personality: {@code vllm} (default), {@code llamacpp}, {@code openai}, {@code tgi} or {@code ollama}. */
    @Parameter(property = "llmbench.simulatorPersonality")
    String simulatorPersonality;

    /** Where result files and the report go. Default: {@code target/llmbench} (of the project, or of the current folder). */
    @Parameter(property = "llmbench.outputDirectory")
    String outputDirectory;

    /** Write report.html, report.md and summary.json after the run (default true). */
    @Parameter(property = "llmbench.report")
    String report;

    /** Only warn when an SLO is missed (default false). */
    @Parameter(property = "llmbench.warnOnly")
    String warnOnly;

    /** A benchmark whose every measured request failed does not fail the build by itself (default false). */
    @Parameter(property = "llmbench.allowAllFailed")
    String allowAllFailed;

    /** Hold back after rate-limited requests for their {@code Retry-After} / {@code x-ratelimit-reset-*} (default false: raw). */
    @Parameter(property = "llmbench.backoff")
    String backoff;

    /** Largest SSE line or event in bytes (default 4194304); a longer one fails that request, not the run. */
    @Parameter(property = "llmbench.maxEventBytes")
    String maxEventBytes;

    /** Largest non-streamed response body in bytes (default 16777216). */
    @Parameter(property = "llmbench.maxBodyBytes")
    String maxBodyBytes;

    /** Fail streams that end without {@code data: [DONE]} even when their answer was complete (default false). */
    @Parameter(property = "llmbench.strictSse")
    String strictSse;

    /** Send {@code min_tokens} to steer the output length (default true; off for servers that refuse it, such as OpenAI). */
    @Parameter(property = "llmbench.sendMinTokens")
    String sendMinTokens;

    /** Send {@code ignore_eos: true} (default true; off for servers that refuse it, such as OpenAI). */
    @Parameter(property = "llmbench.sendIgnoreEos")
    String sendIgnoreEos;

    /** Search the highest concurrency meeting the SLOs instead of running the tiers (default false; {@code llmbench:sweep} sets it). */
    @Parameter(property = "llmbench.sweep")
    String sweep;

    /** Highest concurrency a sweep tries (default 64). */
    @Parameter(property = "llmbench.sweepMaxConcurrency")
    String sweepMaxConcurrency;

    /** A sweep stops narrowing when first failing − last passing concurrency ≤ this (default 1). */
    @Parameter(property = "llmbench.sweepResolution")
    String sweepResolution;

    /** No sweep step starts after this much time ({@code 30m} default). */
    @Parameter(property = "llmbench.sweepBudget")
    String sweepBudget;

    /** A sweep step with more failed requests than this stops the sweep ({@code 5%} default). */
    @Parameter(property = "llmbench.sweepMaxErrorRate")
    String sweepMaxErrorRate;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    /** The settings of this execution, layered. */
    LayeredSettings settings() {
        return new PluginSettings()
                .put(Settings.ENDPOINT, endpoint).put(Settings.MODEL, model).put(Settings.API_KEY_ENV, apiKeyEnv)
                .put(Settings.PROTOCOL, protocol).put(Settings.CONCURRENCY, concurrency).put(Settings.RATE, rate)
                .put(Settings.ARRIVAL, arrival).put(Settings.SHAPE, shape).put(Settings.REQUESTS, requests)
                .put(Settings.SECONDS, seconds).put(Settings.WARMUP_REQUESTS, warmupRequests).put(Settings.SLO, slo)
                .put(Settings.TOKENIZER, tokenizer).put(Settings.INPUT_PRICE, inputPricePerMillionTokens, "inputPricePerMillionTokens")
                .put(Settings.CACHED_INPUT_PRICE, cachedInputPricePerMillionTokens, "cachedInputPricePerMillionTokens")
                .put(Settings.CACHE_WRITE_PRICE, cacheWritePricePerMillionTokens, "cacheWritePricePerMillionTokens")
                .put(Settings.OUTPUT_PRICE, outputPricePerMillionTokens, "outputPricePerMillionTokens").put(Settings.GPU_PRICE_PER_HOUR, gpuPricePerHour)
                .put(Settings.GPU_COUNT, gpuCount).put(Settings.GPU, gpu).put(Settings.GPU_CATALOG, gpuCatalog)
                .put(Settings.MODEL_PARAMETERS, modelParameters).put(Settings.MODEL_ACTIVE_PARAMETERS, modelActiveParameters)
                .put(Settings.BYTES_PER_PARAMETER, bytesPerParameter).put(Settings.TIMEOUT_CONNECT, connectTimeout, "connectTimeout")
                .put(Settings.TIMEOUT_FIRST_TOKEN, firstTokenTimeout, "firstTokenTimeout")
                .put(Settings.TIMEOUT_IDLE, idleTimeout, "idleTimeout").put(Settings.TIMEOUT_TOTAL, totalTimeout, "totalTimeout").put(Settings.NAME, name).put(Settings.SIMULATOR_PROFILE, simulatorProfile)
                .put(Settings.SIMULATOR_PERSONALITY, simulatorPersonality)
                .put(Settings.OUTPUT_DIRECTORY, outputDirectory).put(Settings.REPORT, report).put(Settings.WARN_ONLY, warnOnly)
                .put(Settings.ALLOW_ALL_FAILED, allowAllFailed).put(Settings.BACKOFF, backoff)
                .put(Settings.MAX_EVENT_BYTES, maxEventBytes).put(Settings.MAX_BODY_BYTES, maxBodyBytes)
                .put(Settings.STRICT_SSE, strictSse)
                .put(Settings.SEND_MIN_TOKENS, sendMinTokens).put(Settings.SEND_IGNORE_EOS, sendIgnoreEos)
                .put(Settings.SWEEP, sweep).put(Settings.SWEEP_MAX_CONCURRENCY, sweepMaxConcurrency)
                .put(Settings.SWEEP_RESOLUTION, sweepResolution).put(Settings.SWEEP_BUDGET, sweepBudget)
                .put(Settings.SWEEP_MAX_ERROR_RATE, sweepMaxErrorRate)
                .defaultValue(Settings.OUTPUT_DIRECTORY, ProjectFolders.resultsDir(project, session), "the project's target/llmbench")
                .resolve(session, getLog());
    }

    /**
     * Ctrl-C (or Maven interrupting the goal) ends the running benchmark with a partial result; the report is still
     * written, then the goal ends (the guard makes the JVM's exit wait for both, see {@link ShutdownGuard}).
     */
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try (ShutdownGuard guard = ShutdownGuard.open()) {
            executeGuarded();
        }
    }

    private void executeGuarded() throws MojoExecutionException, MojoFailureException {
        LayeredSettings s;
        BenchmarkPlan plan;
        List<PlanRunner.Outcome> outcomes;
        try {
            s = settings();
            plan = BenchmarkPlan.from(s);
            outcomes = PlanRunner.run(plan, line -> getLog().info("llmbench: " + line));
        } catch (SettingsException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("llmbench.outputDirectory: cannot write a result: " + e.getMessage(), e);
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (PlanRunner.Outcome o : outcomes) results.add(o.result());
        if (s.get(Settings.REPORT)) {
            try {
                ReportWriter.ReportFiles files = ReportWriter.write(ResultSet.of(results), null, plan.outputDirectory());
                getLog().info("llmbench: report " + files.html().toUri());
            } catch (IOException e) {
                throw new MojoExecutionException("llmbench.outputDirectory: cannot write the report to " + plan.outputDirectory()
                        + ": " + e.getMessage(), e);
            }
        }
        Verdicts.apply(Check.run(results, null, null, plan.allowAllFailed()), s.get(Settings.WARN_ONLY), getLog());
    }
}
