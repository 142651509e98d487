package dev.llmbench.junit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

/** Each mistake fails the test template before anything runs, with one message naming the key and what is allowed. */
class MisconfigurationIT {

    @TestKitOnly @LlmBenchmark @PromptShape(preset = "tiny")
    static class UnknownPreset {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark @PromptShape(inputTokens = 8, outputTokens = 4) @Slo("p90(ttfb) < 800ms")
    static class BadSlo {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark @LoadTier @PromptShape(inputTokens = 8, outputTokens = 4)
    static class EmptyTiers {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark @PromptShape(inputTokens = -5, outputTokens = 4)
    static class NegativeTokens {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark(protocol = "grpc") @PromptShape(inputTokens = 8, outputTokens = 4)
    static class UnknownProtocol {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark(simulatorProfile = "tiny-gpu") @PromptShape(inputTokens = 8, outputTokens = 4)
    static class UnknownProfile {
        @BenchmarkTest void chat() { }
    }

    @TestKitOnly @LlmBenchmark(model = "m") @PromptShape(inputTokens = 8, outputTokens = 4)
    static class Plain {
        @BenchmarkTest void chat() { }
    }

    @AfterEach
    void clear() {
        System.clearProperty(ConfigurationKeys.ENDPOINT);
        System.clearProperty(ConfigurationKeys.API_KEY_ENV);
    }

    /** Runs the fixture and returns the one failure message, after checking nothing ran. */
    private static String failure(Class<?> fixture) {
        EngineExecutionResults results = Kit.run(fixture);
        results.testEvents().assertStatistics(s -> s.started(0));
        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container("chat"), finishedWithFailure(instanceOf(ExtensionConfigurationException.class))));
        List<String> messages = Kit.failureMessages(results);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void unknownPreset() {
        assertThat(failure(UnknownPreset.class)).isEqualTo("llmbench: @PromptShape(preset = \"tiny\") on "
                + "MisconfigurationIT$UnknownPreset: unknown prompt shape preset 'tiny'; allowed: short-in-short-out, "
                + "short-in-long-out, long-in-short-out, chat");
    }

    @Test
    void badSloExpressionPointsAtTheToken() {
        assertThat(failure(BadSlo.class))
                .startsWith("llmbench: @Slo(\"p90(ttfb) < 800ms\") on MisconfigurationIT$BadSlo: ")
                .contains("unknown metric 'ttfb'", "^^^^", "ttft");
    }

    @Test
    void emptyTierList() {
        assertThat(failure(EmptyTiers.class)).isEqualTo("llmbench: @LoadTier on MisconfigurationIT$EmptyTiers: "
                + "empty tier list: set one of concurrency = {2, 20, 50}, tiers = {\"small\", \"medium\", \"large\"}, "
                + "rate = 5.0 (requests/s) or burst = 10");
    }

    @Test
    void negativeTokens() {
        assertThat(failure(NegativeTokens.class)).isEqualTo("llmbench: @PromptShape(inputTokens = -5) on "
                + "MisconfigurationIT$NegativeTokens: token counts must be >= 1 and a stddev >= 0 (0 = not set); "
                + "negative values are not allowed");
    }

    @Test
    void unknownProtocol() {
        assertThat(failure(UnknownProtocol.class)).isEqualTo("llmbench: @LlmBenchmark(protocol = \"grpc\") on "
                + "MisconfigurationIT$UnknownProtocol: unknown protocol 'grpc'; allowed: chat, completions");
    }

    @Test
    void unknownSimulatorProfile() {
        assertThat(failure(UnknownProfile.class)).startsWith("llmbench: llmbench.simulatorProfile "
                + "(@LlmBenchmark(simulatorProfile = \"tiny-gpu\") on MisconfigurationIT$UnknownProfile): "
                + "unknown simulator profile 'tiny-gpu'; allowed: ");
    }

    @Test
    void unreachableEndpointShowsTheUrlWithoutCredentialsAndNeverTheKey() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, closed below: nothing listens there
        }
        System.setProperty(ConfigurationKeys.ENDPOINT,
                "http://bench-user:s3cret-pass@127.0.0.1:" + port + "/v1?api_key=sk-fake-key-123&team=a");
        // An environment variable that is surely set stands in for the API key: its value must never appear.
        System.setProperty(ConfigurationKeys.API_KEY_ENV, "PATH");

        String message = failure(Plain.class);

        assertThat(message).startsWith("llmbench: llmbench.endpoint (system property -Dllmbench.endpoint): endpoint "
                        + "http://127.0.0.1:" + port + "/v1?team=a is unreachable (TCP connect to 127.0.0.1:" + port)
                .contains("leave llmbench.endpoint unset to use the embedded simulator")
                .doesNotContain("s3cret-pass", "bench-user", "sk-fake-key-123", System.getenv("PATH"));
    }

    @Test
    void aRealEndpointNeedsAModel() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            System.setProperty(ConfigurationKeys.ENDPOINT, "http://127.0.0.1:" + listening.getLocalPort());
            assertThat(failure(EmptyModel.class)).isEqualTo("llmbench: llmbench.model: a model name is required for endpoint "
                    + "http://127.0.0.1:" + listening.getLocalPort() + ": set @LlmBenchmark(model = \"…\"), "
                    + "-Dllmbench.model=… or LLMBENCH_MODEL");
        }
    }

    @TestKitOnly @LlmBenchmark @PromptShape(inputTokens = 8, outputTokens = 4)
    static class EmptyModel {
        @BenchmarkTest void chat() { }
    }
}
