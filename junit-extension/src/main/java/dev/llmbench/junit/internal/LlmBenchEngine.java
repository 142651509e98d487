package dev.llmbench.junit.internal;

import org.apiguardian.api.API;
import dev.llmbench.harness.ShutdownGuard;
import dev.llmbench.harness.metrics.FailureSummary;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.plan.PlannedRun;
import dev.llmbench.harness.plan.ProgressReporter;
import dev.llmbench.harness.plan.Target;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.ResultPaths;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.SettingValue;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.junit.BenchmarkTest;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The implementation behind {@link dev.llmbench.junit.LlmBenchExtension}. Stateless: all state lives in
 * {@link ExtensionContext.Store}s under {@link #NAMESPACE} — the plan and result of an invocation in the
 * invocation's store, the embedded simulator in the root context's store.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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
     * One invocation context per run of the method's plan (tiers × shapes, tiers outer). Reads the settings into
     * layers, has the harness make and check the plan, and makes sure the endpoint is there (starting the run's
     * simulator when none is configured) before any invocation runs.
     *
     * @throws ExtensionConfigurationException on any misconfiguration, with the harness's one message
     */
    public Stream<TestTemplateInvocationContext> provide(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        BenchmarkPlan plan;
        try {
            LayeredSettings settings = JUnitSettings.of(context, new AnnotationReader(method, context.getRequiredTestClass()));
            for (SettingValue typo : settings.undeclared()) {
                System.err.println("[llmbench] warning: " + typo.where() + " is not a setting (see the README's table of keys)");
            }
            plan = BenchmarkPlan.from(settings);
            plan.checkReachable();
            if (plan.target() instanceof Target.Simulated s) EmbeddedSimulator.forRun(context, s);
        } catch (SettingsException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        String base = baseDisplayName(context, method);
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        if (plan.sweep() != null) {
            PlannedRun run = plan.sweepRun();
            invocations.add(new Invocation(new InvocationPlan(plan, run, base + " [sweep: " + run.shape().label() + "]")));
            return invocations.stream();
        }
        for (PlannedRun run : plan.runs()) {
            invocations.add(new Invocation(new InvocationPlan(plan, run, base + " [" + run.label() + "]")));
        }
        return invocations.stream();
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

    /**
     * Runs the invocation's benchmark (before the method body), writes its result file and publishes report entries.
     * A Ctrl-C during the run (or an interrupt) still leaves the invocation's partial result file: the guard makes the
     * JVM's exit wait for it (see {@link ShutdownGuard}).
     */
    public void run(ExtensionContext context) {
        InvocationPlan invocation = context.getStore(NAMESPACE).get(PLAN, InvocationPlan.class);
        if (invocation == null) return; // not a benchmark invocation
        try (ShutdownGuard guard = ShutdownGuard.open()) {
            run(context, invocation);
        }
    }

    private void run(ExtensionContext context, InvocationPlan invocation) {
        BenchmarkPlan plan = invocation.plan();
        URI simulator = plan.target() instanceof Target.Simulated s ? EmbeddedSimulator.forRun(context, s).uriFor(plan) : null;
        @SuppressWarnings("unchecked")
        Set<Path> written = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("writtenResultFiles", k -> ConcurrentHashMap.<Path>newKeySet(), Set.class);
        BenchmarkResult result;
        Path file;
        try {
            if (plan.sweep() != null) {
                PlanRunner.Outcome o = PlanRunner.sweep(plan, simulator, line -> System.err.println("[llmbench] " + line), written);
                result = o.result();
                file = o.file();
            } else {
                try (ProgressReporter progress = ProgressReporter.start(invocation.displayName(), plan.progressSeconds(), System.err)) {
                    result = plan.benchmark(invocation.run(), simulator).onRequest(progress).build().run();
                }
                file = ResultFiles.write(result, ResultPaths.unique(plan.outputDirectory(), ResultFiles.fileName(result), plan.model(), written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("llmbench: cannot write the result of " + invocation.displayName() + " to "
                    + plan.outputDirectory().toAbsolutePath() + " (llmbench.outputDirectory)", e);
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(RESULT, result);
        store.put(RESULT_FILE, file);
        context.publishReportEntry(reportEntries(invocation, simulator, result, file));
    }

    /** The invocation's result, or null before {@link #run} or outside benchmark invocations. */
    public BenchmarkResult result(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RESULT, BenchmarkResult.class);
    }

    /**
     * After the method body: fails the invocation when every measured request failed (unless
     * {@code llmbench.allowAllFailed}), saying what failed, and when an SLO was violated, with the table of every SLO;
     * both in one message when both hold.
     *
     * @throws AssertionFailedError naming the invocation, with what failed, the SLO table and the result file
     */
    public void checkVerdicts(ExtensionContext context) {
        BenchmarkResult result = result(context);
        if (result == null) return;
        InvocationPlan invocation = context.getStore(NAMESPACE).get(PLAN, InvocationPlan.class);
        String allFailed = invocation.plan().allowAllFailed() ? null : FailureSummary.allFailedOrNull(result.measurements());
        boolean slosFailed = !result.sloVerdicts().isEmpty() && !SloSupport.allPassed(result.sloVerdicts());
        if (allFailed == null && !slosFailed) return;
        StringBuilder message = new StringBuilder("llmbench: ");
        if (allFailed != null) {
            message.append(allFailed).append(" in ").append(invocation.displayName())
                    .append(": nothing was measured (set llmbench.allowAllFailed=true to accept)\n");
        }
        if (slosFailed) {
            long failed = result.sloVerdicts().stream().filter(v -> !v.passed()).count();
            message.append(failed).append(" of ").append(result.sloVerdicts().size()).append(" SLOs violated in ")
                    .append(invocation.displayName()).append('\n').append(SloSupport.table(result.sloVerdicts()));
        }
        Path file = context.getStore(NAMESPACE).get(RESULT_FILE, Path.class);
        throw new AssertionFailedError(message + "result: " + (file == null ? "not written" : file.toAbsolutePath()));
    }

    static Map<String, String> reportEntries(InvocationPlan invocation, URI simulator, BenchmarkResult r, Path file) {
        BenchmarkPlan plan = invocation.plan();
        Map<String, String> e = new LinkedHashMap<>();
        e.put("llmbench.benchmark", invocation.run().name());
        e.put("llmbench.endpoint", simulator != null ? simulator.toString() : plan.target().display());
        if (simulator != null) e.put("llmbench.simulator", simulator.toString());
        e.put("llmbench.model", plan.model());
        e.put("llmbench.load", plan.sweep() != null ? "capacity search, concurrency 1.." + plan.sweep().maxConcurrency()
                : invocation.run().tier().load().describe());
        e.put("llmbench.promptShape", invocation.run().shape().shape().describe());
        e.put("llmbench.plan", plan.describe());
        e.put("llmbench.requests", Long.toString(r.counts().measured()));
        e.put("llmbench.errors", FailureSummary.counts(r.counts()));
        String allFailed = FailureSummary.allFailedOrNull(r.measurements());
        if (allFailed != null) {
            e.put("llmbench.failures", allFailed); // no latency was measured: none is shown (never "0.00 ms")
        } else {
            Summary ttft = r.summary("ttft");
            Summary tpot = r.summary("tpot");
            e.put("llmbench.ttft.p50", ms(ttft.p50()));
            e.put("llmbench.ttft.p90", ms(ttft.p90()));
            e.put("llmbench.tpot.p50", ms(tpot.p50()));
            e.put("llmbench.tpot.mean", ms(tpot.mean()));
        }
        e.put("llmbench.outputThroughput", String.format(Locale.ROOT, "%.1f tok/s", r.throughput().outputTokensPerSecond()));
        e.put("llmbench.requestRate", String.format(Locale.ROOT, "%.2f req/s", r.throughput().requestsPerSecond()));
        e.put("llmbench.errorRate", String.format(Locale.ROOT, "%.2f %%", 100 * r.counts().errorRate()));
        if (r.throughput().maxConcurrencyMeetingSlo() != null) {
            e.put("llmbench.maxConcurrencyMeetingSlo", Integer.toString(r.throughput().maxConcurrencyMeetingSlo()));
        }
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
}
