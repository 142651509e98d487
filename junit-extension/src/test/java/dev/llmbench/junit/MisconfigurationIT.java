package dev.llmbench.junit;

import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;

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
        System.clearProperty(Settings.ENDPOINT.key());
        System.clearProperty(Settings.API_KEY_ENV.key());
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
                + "MisconfigurationIT$UnknownPreset: 'tiny' is not a prompt shape; allowed: short-in-short-out, "
                + "short-in-long-out, long-in-short-out, chat, or INPUT:OUTPUT tokens such as 128:32 or 500+-200:250");
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
                + "empty tier list: set one of concurrency = {2, 20, 50}, tiers = {SMALL, MEDIUM, LARGE}, "
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
                + "MisconfigurationIT$UnknownProtocol: 'grpc' is not allowed; allowed: "
                + String.join(", ", dev.llmbench.harness.endpoint.protocol.Protocol.NAMES));
    }

    @Test
    void unknownSimulatorProfile() {
        assertThat(failure(UnknownProfile.class)).startsWith("llmbench: "
                + "@LlmBenchmark(simulatorProfile = \"tiny-gpu\") on MisconfigurationIT$UnknownProfile: "
                + "unknown simulator profile 'tiny-gpu'; allowed: ");
    }

    /** Set by Failsafe (see the module pom); a stand-in API key that must never appear in a message. */
    private static final String FAKE_KEY_ENV = "LLMBENCH_TEST_FAKE_KEY";

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free now, closed on return: nothing listens there
        }
    }

    @Test
    void unreachableEndpointShowsTheUrlAndNeverTheKey() throws IOException {
        int port = closedPort();
        System.setProperty(Settings.ENDPOINT.key(), "http://127.0.0.1:" + port + "/v1");
        System.setProperty(Settings.API_KEY_ENV.key(), FAKE_KEY_ENV);

        String message = failure(Plain.class);

        assertThat(message).startsWith("llmbench: llmbench.endpoint (system property -Dllmbench.endpoint): endpoint "
                        + "http://127.0.0.1:" + port + "/v1 is unreachable (TCP connect to 127.0.0.1:" + port + " failed: ")
                .endsWith("Start the server, fix the URL, or leave llmbench.endpoint unset to use the embedded simulator")
                .doesNotContain(Objects.requireNonNullElse(System.getenv(FAKE_KEY_ENV), "sk-fake-key-123"));
    }

    @Test
    void credentialsInTheEndpointUrlNeverAppear() throws IOException {
        int port = closedPort();
        System.setProperty(Settings.ENDPOINT.key(),
                "http://bench-user:s3cret-pass@127.0.0.1:" + port + "/v1?api_key=sk-fake-url-key&team=a");

        String message = failure(Plain.class);

        // Refused as a URL with credentials, or reported unreachable: either way the URL is shown stripped.
        assertThat(message).startsWith("llmbench: llmbench.endpoint (system property -Dllmbench.endpoint): ")
                .contains("http://127.0.0.1:" + port + "/v1?team=a")
                .doesNotContain("s3cret-pass", "bench-user", "sk-fake-url-key");
    }

    @Test
    void aRealEndpointNeedsAModel() throws IOException {
        try (ServerSocket listening = new ServerSocket(0)) {
            System.setProperty(Settings.ENDPOINT.key(), "http://127.0.0.1:" + listening.getLocalPort());
            assertThat(failure(EmptyModel.class)).isEqualTo("llmbench: llmbench.model: a model name is required for endpoint "
                    + "http://127.0.0.1:" + listening.getLocalPort() + ": set -Dllmbench.model=…, LLMBENCH_MODEL, "
                    + "@LlmBenchmark(model = \"…\") or the plugin's <model>");
        }
    }

    @TestKitOnly @LlmBenchmark @PromptShape(inputTokens = 8, outputTokens = 4)
    static class EmptyModel {
        @BenchmarkTest void chat() { }
    }
}
