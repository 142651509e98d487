package dev.llmbench.junit.internal;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.Redaction;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.Slo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The implementation behind {@link dev.llmbench.junit.LlmBenchExtension}. Stateless: all state lives in
 * {@link ExtensionContext.Store}s under {@link #NAMESPACE} — the plan and result of an invocation in the
 * invocation's store, the embedded simulator in the root context's store.
 */
public final class LlmBenchEngine {

    /** The extension's store namespace. */
    public static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.llmbench.junit");

    static final String PLAN = "plan";
    static final String RESULT = "result";
    static final String RESULT_FILE = "resultFile";

    public boolean supports(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, BenchmarkTest.class)).orElse(false);
    }

    // ------------------------------------------------------------------ expansion (checks everything first)

    /**
     * One invocation context per tier × shape (tiers outer). Resolves the settings, reads and checks the annotations
     * and SLOs, and makes sure the endpoint is there (starting the run's simulator when none is configured) before
     * any invocation runs.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException on any misconfiguration, with one message
     */
    public Stream<TestTemplateInvocationContext> provide(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        AnnotationReader reader = new AnnotationReader(method, testClass);
        BenchmarkSettings settings = SettingsResolver.forContext(context, reader.settingsLayer()).resolve();
        List<TierSpec> tiers = reader.tiers();
        List<ShapeSpec> shapes = reader.shapes();
        List<String> slos = new ArrayList<>();
        for (AnnotationReader.Found<Slo> f : reader.slos()) {
            String expression = f.annotation().value();
            try {
                SloSupport.check(expression);
            } catch (IllegalArgumentException e) {
                throw Misconfiguration.at("@Slo(\"" + expression + "\") on " + f.where(), e.getMessage());
            }
            slos.add(expression.strip());
        }

        EndpointConfig endpoint;
        String displayUrl;
        String model = settings.model();
        dev.llmbench.harness.cost.Pricing pricing = settings.pricing();
        if (settings.simulated()) {
            EmbeddedSimulator sim;
            try {
                sim = EmbeddedSimulator.forRun(context, settings.simulatorProfile());
            } catch (IllegalArgumentException e) {
                throw Misconfiguration.at("llmbench.simulatorProfile (" + settings.profileSource() + ")", e.getMessage());
            }
            endpoint = EndpointConfig.builder(sim.baseUri().toString()).apiKeyEnv(settings.apiKeyEnv()).build();
            displayUrl = sim.baseUri().toString();
            if (model == null) model = sim.profile().modelName();
            if (pricing == null) pricing = profilePricing(sim.profile());
        } else {
            String raw = settings.endpoint();
            String safe = Redaction.stripCredentials(raw);
            String where = "llmbench.endpoint (" + settings.endpointSource() + ")";
            try {
                endpoint = EndpointConfig.builder(raw).apiKeyEnv(settings.apiKeyEnv()).build();
            } catch (IllegalArgumentException e) {
                String detail = e.getMessage() == null ? "" : e.getMessage().replace(raw, safe);
                throw Misconfiguration.at(where, "'" + safe + "' is not a usable endpoint URL: " + detail
                        + "; allowed: http://host:port or https://host[:port] (a trailing /v1 is accepted)");
            }
            displayUrl = safe;
            if (model == null) {
                throw Misconfiguration.at("llmbench.model", "a model name is required for endpoint " + safe
                        + ": set @LlmBenchmark(model = \"…\"), -Dllmbench.model=… or LLMBENCH_MODEL");
            }
            Reachability.check(endpoint.baseUri(), raw, settings.endpointSource());
        }

        String base = baseDisplayName(context, method);
        String benchmarkBase = reader.benchmarkName() + "." + method.getName();
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (TierSpec tier : tiers) {
            for (ShapeSpec shape : shapes) {
                index++;
                String name = benchmarkBase + "-" + tier.slug() + "-" + shape.slug();
                if (!names.add(name)) name = name + "-" + index;
                String display = base + " [" + tier.label() + ", " + shape.label() + "]";
                InvocationPlan plan = new InvocationPlan(name, display, tier, shape, settings, endpoint, displayUrl,
                        model, List.copyOf(slos), pricing);
                invocations.add(new Invocation(plan));
            }
        }
        return invocations.stream();
    }

    /** The simulator profile's illustrative list and GPU prices, so that runs on the simulator show what cost looks like. */
    static dev.llmbench.harness.cost.Pricing profilePricing(dev.llmbench.simulator.Profile p) {
        return dev.llmbench.harness.cost.Pricing.illustrative(p.inputPricePerMillionTokens(), p.outputPricePerMillionTokens(),
                p.gpuPricePerHour(), p.gpuCount(), p.activeParameters(), p.peakFlopsPerSecond(), "simulator profile " + p.name());
    }

    private static String baseDisplayName(ExtensionContext context, Method method) {
        String d = context.getDisplayName();
        return d.startsWith(method.getName() + "(") ? method.getName() : d;
    }

    /** One invocation: its display name and the carrier that puts its plan into its store. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final InvocationPlan plan;

        Invocation(InvocationPlan plan) {
            this.plan = plan;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return plan.displayName();
        }

        @Override
        public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
            return List.of(new PlanCarrier(plan));
        }
    }

    // ------------------------------------------------------------------ running

    /** Runs the invocation's benchmark (before the method body), writes its result file and publishes report entries. */
    public void run(ExtensionContext context) {
        InvocationPlan plan = context.getStore(NAMESPACE).get(PLAN, InvocationPlan.class);
        if (plan == null) return; // not a benchmark invocation
        BenchmarkSettings s = plan.settings();
        Benchmark.Builder builder = Benchmark.builder(plan.name())
                .endpoint(plan.endpoint())
                .protocol(s.protocol().equals("completions") ? OpenAiProtocol.completions() : OpenAiProtocol.chat())
                .model(plan.model())
                .load(plan.tier().load())
                .promptShape(plan.shape().shape())
                .maxRequests(s.requests())
                .maxDuration(seconds(s.seconds()))
                .warmupRequests(s.warmupRequests())
                .warmupDuration(seconds(s.warmupSeconds()));
        if (s.tokenizer() != null) builder.tokenizer(s.tokenizer());
        builder.pricing(plan.pricing());
        if (s.simulated()) builder.servedBySimulator(dev.llmbench.simulator.Profile.named(s.simulatorProfile()).name());
        SloSupport.attach(builder, plan.slos());
        BenchmarkResult result;
        try (ProgressReporter progress = ProgressReporter.start(plan.displayName(), s.progressSeconds(), System.err)) {
            builder.onRequest(progress);
            result = builder.build().run();
        }
        Path file;
        try {
            file = ResultFiles.write(result, resultFile(context, result, s.outputDirectory()));
        } catch (IOException e) {
            throw new UncheckedIOException("llmbench: cannot write the result of " + plan.displayName() + " to "
                    + s.outputDirectory().toAbsolutePath() + " (" + "llmbench.outputDirectory)", e);
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(RESULT, result);
        store.put(RESULT_FILE, file);
        context.publishReportEntry(reportEntries(plan, result, file));
    }

    /**
     * Where a result goes: {@code <name>.json}, unless this test run already wrote that file, e.g. for a benchmark of
     * the same name against another model (a leaderboard): then {@code <name>@<model>.json}, then {@code -2}, {@code -3}…
     * Results of one run never overwrite each other; a file from an earlier run is replaced as before. The set of
     * files written lives in the root context's store.
     */
    private static Path resultFile(ExtensionContext context, BenchmarkResult result, Path directory) {
        @SuppressWarnings("unchecked")
        Set<Path> written = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("writtenResultFiles", k -> java.util.concurrent.ConcurrentHashMap.<Path>newKeySet(), Set.class);
        Path plain = directory.resolve(ResultFiles.fileName(result)).toAbsolutePath().normalize();
        if (written.add(plain)) return plain;
        String base = (result.name() + "@" + java.util.Objects.requireNonNullElse(result.configuration().model(), "")).replaceAll("[^A-Za-z0-9._@-]", "_");
        Path candidate = plain.resolveSibling(base + ".json");
        for (int n = 2; !written.add(candidate); n++) candidate = plain.resolveSibling(base + "-" + n + ".json");
        return candidate;
    }

    /** The invocation's result, or null before {@link #run} or outside benchmark invocations. */
    public BenchmarkResult result(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RESULT, BenchmarkResult.class);
    }

    /**
     * After the method body: fails the invocation when an SLO was violated, with the table of every SLO.
     *
     * @throws AssertionFailedError naming the invocation, with the SLO table and the result file
     */
    public void checkSlos(ExtensionContext context) {
        BenchmarkResult result = result(context);
        if (result == null || result.sloVerdicts().isEmpty() || SloSupport.allPassed(result.sloVerdicts())) return;
        InvocationPlan plan = context.getStore(NAMESPACE).get(PLAN, InvocationPlan.class);
        long failed = result.sloVerdicts().stream().filter(v -> !v.passed()).count();
        Path file = context.getStore(NAMESPACE).get(RESULT_FILE, Path.class);
        throw new AssertionFailedError("llmbench: " + failed + " of " + result.sloVerdicts().size() + " SLOs violated in "
                + plan.displayName() + "\n" + SloSupport.table(result.sloVerdicts())
                + "result: " + (file == null ? "not written" : file.toAbsolutePath()));
    }

    static Map<String, String> reportEntries(InvocationPlan plan, BenchmarkResult r, Path file) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("llmbench.benchmark", plan.name());
        e.put("llmbench.endpoint", plan.displayUrl());
        if (plan.settings().simulated()) e.put("llmbench.simulator", plan.displayUrl());
        e.put("llmbench.model", plan.model());
        e.put("llmbench.load", plan.tier().load().describe());
        e.put("llmbench.promptShape", plan.shape().shape().describe());
        e.put("llmbench.requests", Long.toString(r.counts().measured()));
        Summary ttft = r.summary("ttft");
        Summary tpot = r.summary("tpot");
        e.put("llmbench.ttft.p50", ms(ttft.p50()));
        e.put("llmbench.ttft.p90", ms(ttft.p90()));
        e.put("llmbench.tpot.p50", ms(tpot.p50()));
        e.put("llmbench.tpot.mean", ms(tpot.mean()));
        e.put("llmbench.outputThroughput", String.format(Locale.ROOT, "%.1f tok/s", r.throughput().outputTokensPerSecond()));
        e.put("llmbench.requestRate", String.format(Locale.ROOT, "%.2f req/s", r.throughput().requestsPerSecond()));
        e.put("llmbench.errorRate", String.format(Locale.ROOT, "%.2f %%", 100 * r.counts().errorRate()));
        e.put("llmbench.resultFile", file.toAbsolutePath().toString());
        List<SloVerdict> verdicts = r.sloVerdicts();
        if (!verdicts.isEmpty()) {
            long passed = verdicts.stream().filter(SloVerdict::passed).count();
            e.put("llmbench.slo", passed + " of " + verdicts.size() + " passed");
            for (int i = 0; i < verdicts.size(); i++) {
                e.put("llmbench.slo." + (i + 1), verdicts.get(i).expression() + " -> " + SloSupport.verdictLine(verdicts.get(i)));
            }
        }
        return e;
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
