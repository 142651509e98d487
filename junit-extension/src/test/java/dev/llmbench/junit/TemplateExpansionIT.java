package dev.llmbench.junit;

import static dev.llmbench.harness.load.NamedTier.*;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One invocation per tier × shape, with readable display names; the BenchmarkResult parameter; result files. */
class TemplateExpansionIT {

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = {2, 20, 50})
    @PromptShape(inputTokens = 16, outputTokens = 8)
    @PromptShape(inputTokens = 32, outputTokens = 4)
    static class ThreeTiersTwoShapes {
        @BenchmarkTest
        void chat(BenchmarkResult result) {
            assertThat(result.counts().measured()).isEqualTo(4);
        }
    }

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 3)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class OtherLoads {
        @BenchmarkTest
        @LoadTier(rate = 50.0, distribution = Arrival.POISSON)
        void poisson(BenchmarkResult result) {
            assertThat(result.configuration().load().type()).isEqualTo("arrival_rate");
        }

        @BenchmarkTest
        @LoadTier(burst = 3, repeats = 2, intervalSeconds = 0.2)
        @Measurement(requests = 6)
        void burst(BenchmarkResult result) {
            assertThat(result.counts().measured()).isEqualTo(6);
        }

        @BenchmarkTest
        @LoadTier(tiers = SMALL)
        void named() {
        }

        @BenchmarkTest
        @LoadTier(concurrency = 8)
        void eight() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(model = "param-model")
    @Warmup(requests = 2)
    @Measurement(requests = 5)
    @LoadTier(concurrency = 3)
    @PromptShape(inputTokens = 8, outputTokens = 6)
    static class Parameters {
        @BenchmarkTest
        void check(BenchmarkResult result) {
            assertThat(result.counts().measured()).isEqualTo(5);
            assertThat(result.counts().succeeded()).isEqualTo(5);
            assertThat(result.counts().warmup()).isEqualTo(2);
            assertThat(result.configuration().model()).isEqualTo("param-model");
            assertThat(result.configuration().load()).isEqualTo(dev.llmbench.harness.load.LoadConfig.concurrency(3));
            assertThat(result.tokens().output()).isEqualTo(5 * 6);
            assertThat(result.name()).isEqualTo("TemplateExpansionIT$Parameters.check-c3-8x6");
        }
    }

    @Test
    void threeTiersTimesTwoShapesGiveSixInvocationsInTierMajorOrder() {
        EngineExecutionResults results = Kit.run(ThreeTiersTwoShapes.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(6).succeeded(6).failed(0));
        assertThat(Kit.startedTests(results)).containsExactly(
                "chat [small: 2 concurrent, 16→8 tokens]",
                "chat [small: 2 concurrent, 32→4 tokens]",
                "chat [medium: 20 concurrent, 16→8 tokens]",
                "chat [medium: 20 concurrent, 32→4 tokens]",
                "chat [large: 50 concurrent, 16→8 tokens]",
                "chat [large: 50 concurrent, 32→4 tokens]");
    }

    @Test
    void eachInvocationWritesOneResultFileAndPublishesItsFigures() throws Exception {
        EngineExecutionResults results = Kit.run(ThreeTiersTwoShapes.class);

        List<Map<String, String>> entries = Kit.reportEntries(results);
        assertThat(entries).hasSize(6);
        List<String> files = entries.stream().map(e -> e.get("llmbench.resultFile")).collect(Collectors.toList());
        assertThat(files).doesNotHaveDuplicates();
        for (Map<String, String> e : entries) {
            assertThat(e).containsKeys("llmbench.ttft.p50", "llmbench.ttft.p90", "llmbench.tpot.p50",
                    "llmbench.outputThroughput", "llmbench.errorRate", "llmbench.endpoint");
            assertThat(e).containsEntry("llmbench.requests", "4").containsEntry("llmbench.errorRate", "0.00 %");
            Path file = Path.of(e.get("llmbench.resultFile"));
            assertThat(file).exists().hasParent(Path.of("target/llmbench-it").toAbsolutePath());
            BenchmarkResult read = ResultFiles.read(file);
            assertThat(read.counts().measured()).isEqualTo(4);
            assertThat(read.name()).isEqualTo(e.get("llmbench.benchmark"));
        }
        assertThat(Files.exists(Path.of("target/llmbench-it/TemplateExpansionIT_ThreeTiersTwoShapes.chat-large-c50-32x4.json"))).isTrue();
    }

    @Test
    void rateBurstNamedAndPlainConcurrencyTiersAreNamedByWhatTheyDo() {
        EngineExecutionResults results = Kit.run(OtherLoads.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertThat(Kit.startedTests(results)).containsExactlyInAnyOrder(
                "poisson [poisson 50.0 rps, 8→4 tokens]",
                "burst [burst 3 ×2 every 0.2s, 8→4 tokens]",
                "named [small: 2 concurrent, 8→4 tokens]",
                "eight [8 concurrent, 8→4 tokens]");
    }

    @Test
    void theBenchmarkResultParameterHoldsTheConfiguredRun() {
        EngineExecutionResults results = Kit.run(Parameters.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }
}
