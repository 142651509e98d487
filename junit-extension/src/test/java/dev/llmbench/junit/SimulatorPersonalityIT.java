package dev.llmbench.junit;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @LlmBenchmark(simulatorPersonality = "…")} runs a benchmark test against the embedded simulator speaking that
 * server's wire format: through the whole extension, every personality runs without failures and counts the server's
 * usage exactly; the {@code openai} one does so only with {@code llmbench.sendMinTokens} and {@code llmbench.sendIgnoreEos}
 * off, as against OpenAI itself.
 */
class SimulatorPersonalityIT {

    private static final int REQUESTS = 6;
    private static final int OUTPUT = 8;

    @TestKitOnly
    @LlmBenchmark(simulatorPersonality = "vllm")
    @Measurement(requests = REQUESTS)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = OUTPUT)
    static class Vllm {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(simulatorPersonality = "llamacpp")
    @Measurement(requests = REQUESTS)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = OUTPUT)
    static class Llamacpp {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(simulatorPersonality = "openai")
    @Measurement(requests = REQUESTS)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = OUTPUT)
    static class OpenAi {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(simulatorPersonality = "tgi")
    @Measurement(requests = REQUESTS)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = OUTPUT)
    static class Tgi {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(simulatorPersonality = "ollama")
    @Measurement(requests = REQUESTS)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = OUTPUT)
    static class Ollama {
        @BenchmarkTest
        void chat() {
        }
    }

    private static final Map<String, Class<?>> FIXTURES = Map.of("vllm", Vllm.class, "llamacpp", Llamacpp.class,
            "openai", OpenAi.class, "tgi", Tgi.class, "ollama", Ollama.class);

    private static EngineExecutionResults run(String personality, Path dir, String... more) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(Settings.OUTPUT_DIRECTORY.key(), dir.toString());
        for (int i = 0; i + 1 < more.length; i += 2) parameters.put(more[i], more[i + 1]);
        return Kit.run(parameters, FIXTURES.get(personality));
    }

    private static BenchmarkResult result(String personality, Path dir) throws Exception {
        String fixture = FIXTURES.get(personality).getSimpleName();
        return ResultFiles.read(dir.resolve("SimulatorPersonalityIT_" + fixture + ".chat-small-c2-16x8.json"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vllm", "llamacpp", "openai", "tgi", "ollama"})
    void everyPersonalityRunsWithoutFailuresAndCountsTheServersUsage(String personality, @TempDir Path dir) throws Exception {
        EngineExecutionResults results = personality.equals("openai")
                ? run(personality, dir, Settings.SEND_MIN_TOKENS.key(), "false", Settings.SEND_IGNORE_EOS.key(), "false")
                : run(personality, dir);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        BenchmarkResult r = result(personality, dir);
        assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
        assertThat(r.counts().succeeded()).isEqualTo(REQUESTS);
        assertThat(r.tokens().output()).isEqualTo((long) REQUESTS * OUTPUT);
        assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(REQUESTS);
        assertThat(r.configuration().outputLengthSteering().minTokens()).isEqualTo(!personality.equals("openai"));
    }

    @Test
    void theAnnotationsPersonalityIsTheOneServedSoOpenAiRefusesMinTokensByDefault(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = run("openai", dir);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        BenchmarkResult r = result("openai", dir);
        assertThat(r.counts().succeeded()).isZero();
        assertThat(r.counts().failedByKind().get(FailureKind.HTTP_STATUS)).isEqualTo(REQUESTS);
    }
}
