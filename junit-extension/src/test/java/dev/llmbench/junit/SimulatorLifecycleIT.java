package dev.llmbench.junit;

import dev.llmbench.harness.settings.Settings;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One embedded simulator per engine run, shared by every class, closed at the end of the run; a configured endpoint
 * replaces it. Observed through the supported report-entry mechanism ({@code llmbench.simulator}) and the port.
 */
class SimulatorLifecycleIT {

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 2)
    @LoadTier(concurrency = {1, 2})
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class First {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(protocol = "completions")
    @Measurement(requests = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class Second {
        @BenchmarkTest
        void complete() {
        }
    }

    @Test
    void oneSimulatorServesTheWholeRunAndIsClosedAtItsEnd() {
        EngineExecutionResults results = Kit.run(First.class, Second.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        List<String> simulators = Kit.reportEntries(results).stream().map(e -> e.get("llmbench.simulator"))
                .collect(Collectors.toList());
        assertThat(simulators).hasSize(3).doesNotContainNull();
        assertThat(simulators.stream().distinct()).hasSize(1);

        URI uri = URI.create(simulators.get(0));
        assertThatThrownBy(() -> connect(uri)).as("the simulator's port is closed after the run").isInstanceOf(IOException.class);
    }

    @Test
    void aConfiguredEndpointIsUsedInsteadOfTheEmbeddedSimulator() {
        try (Simulator external = Simulator.start(Profile.fast())) {
            System.setProperty(Settings.ENDPOINT.key(), external.baseUri() + "/v1");
            System.setProperty(Settings.MODEL.key(), "external-model");
            EngineExecutionResults results = Kit.run(First.class);

            assertThat(Kit.failureMessages(results)).isEmpty();
            List<Map<String, String>> entries = Kit.reportEntries(results);
            assertThat(entries).hasSize(2).allSatisfy(e -> {
                assertThat(e).doesNotContainKey("llmbench.simulator")
                        .containsEntry("llmbench.endpoint", external.baseUri() + "/v1")
                        .containsEntry("llmbench.model", "external-model");
            });
            assertThat(external.stats().toString()).isNotEmpty();
        } finally {
            System.clearProperty(Settings.ENDPOINT.key());
            System.clearProperty(Settings.MODEL.key());
        }
    }

    private static void connect(URI uri) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        }
    }
}
