package dev.llmbench.junit;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.internal.LlmBenchEngine;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.stream.Stream;

/**
 * The llmbench JUnit Jupiter extension, registered by {@link LlmBenchmark} and {@link BenchmarkTest}.
 *
 * <p>Contract:
 * <ol>
 *   <li><b>Expansion.</b> A {@link BenchmarkTest} method is invoked once per {@link LoadTier} tier × {@link PromptShape}
 *       (tiers outer). Before the first invocation, the settings are resolved (every key, its default and the precedence of
 *       its sources are declared once in the harness: {@link dev.llmbench.harness.settings.Settings}) and every annotation and {@link Slo} expression is checked; a configured
 *       endpoint must accept a TCP connection. Any mistake fails the test template at once with one
 *       {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} whose message names the annotation
 *       or key, where it was set, and what is allowed. Endpoint URLs in messages have their credentials stripped;
 *       the API key is never read here and never shown.</li>
 *   <li><b>Endpoint.</b> With no endpoint configured anywhere (or {@code simulator}), the embedded simulator serves
 *       the run: one per simulator profile for the whole engine run, kept in the root context's store and closed
 *       by the platform at the end of the run.</li>
 *   <li><b>Running.</b> Each invocation runs its benchmark in {@code beforeTestExecution}: after the
 *       {@code @BeforeEach} methods, before the method body. It writes one result file (JSON, the harness's
 *       format) into {@code llmbench.outputDirectory} (default {@code target/llmbench}), publishes the key figures as
 *       report entries (keys {@code llmbench.*}: TTFT p50/p90, TPOT, throughput, errors, error rate, result file,
 *       SLO verdicts; when every measured request failed, {@code llmbench.failures} says what failed instead of the
 *       latencies, which were not measured), and prints a progress line to stderr every {@code llmbench.progressSeconds} (default 5) on long
 *       runs.</li>
 *   <li><b>Parameters.</b> A {@link BenchmarkResult} parameter of a {@link BenchmarkTest} method receives the
 *       invocation's result.</li>
 *   <li><b>Verdicts.</b> After the method body, an invocation whose every measured request failed fails with an
 *       {@link org.opentest4j.AssertionFailedError} saying what failed (unless {@code llmbench.allowAllFailed} is
 *       true), and one whose run violated an {@link Slo} fails with a table of every SLO: expression, measured value,
 *       limit, verdict.</li>
 * </ol>
 * The extension keeps no state of its own (everything lives in {@link ExtensionContext.Store}s), so it is safe under
 * parallel execution.
 */
public final class LlmBenchExtension implements TestTemplateInvocationContextProvider, ParameterResolver,
        BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private final LlmBenchEngine engine = new LlmBenchEngine();

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return engine.supports(context);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return engine.provide(context);
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        engine.run(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BenchmarkResult.class && engine.supports(extensionContext);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        BenchmarkResult result = engine.result(extensionContext);
        if (result == null) {
            throw new ParameterResolutionException("llmbench: no BenchmarkResult for " + parameterContext.getParameter()
                    + ": results exist only in @BenchmarkTest invocations, after their benchmark ran");
        }
        return result;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        engine.checkVerdicts(context);
    }
}
