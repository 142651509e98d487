package dev.llmbench.junit;

import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cost figures in benchmark tests: the simulator profile's illustrative prices by default, configured prices winning. */
class PricingIT {

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 16, outputTokens = 8)
    @Slo("cost_per_1k_output_tokens < 1")
    static class Priced {
        @BenchmarkTest
        void chat() {
        }
    }

    private static BenchmarkResult only(Path dir) throws Exception {
        return ResultFiles.read(dir.resolve("PricingIT_Priced.chat-small-c2-16x8.json"));
    }

    @Test
    void onTheSimulatorTheProfilesIllustrativePricesApply(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString()), Priced.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        BenchmarkResult r = only(dir);
        // Profile "fast": $0.10 per 1M input and output tokens, one GPU at $1.00 per hour.
        assertThat(r.cost().basis()).isEqualTo("api");
        assertThat(r.cost().pricingSource()).isEqualTo("simulator profile fast (illustrative prices)");
        assertThat(r.cost().gpuUsdPerRun()).isNotNull();
        assertThat(r.cost().modelFlopsUtilisation()).isNotNull();
        double usd = (r.tokens().input() + r.tokens().output()) * 0.10 / 1e6;
        assertThat(r.cost().usdPerRun()).isCloseTo(usd, within(1e-15));
        assertThat(r.sloVerdicts()).singleElement().satisfies(v -> assertThat(v.passed()).isTrue());
        // and the result says it was the simulator, so runs of other simulator instances merge with it
        assertThat(r.configuration().simulator()).isEqualTo("fast");
    }

    @Test
    void configuredPricesWin(@TempDir Path dir) throws Exception {
        Kit.run(Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString(),
                Settings.INPUT_PRICE.key(), "2000",
                Settings.OUTPUT_PRICE.key(), "4000"), Priced.class);
        BenchmarkResult r = only(dir);
        assertThat(r.cost().pricingSource()).isEqualTo("configured");
        assertThat(r.cost().gpuUsdPerRun()).isNull();
        double usd = r.tokens().input() * 2000 / 1e6 + r.tokens().output() * 4000 / 1e6;
        assertThat(r.cost().usdPerRun()).isCloseTo(usd, within(1e-9));
        // $4 per 1k output tokens and more: the SLO fails and says by how much.
        assertThat(r.sloVerdicts()).singleElement().satisfies(v -> assertThat(v.passed()).isFalse());
    }

    @Test
    void aBadPriceFailsNamingTheKeyItsLayerAndWhatIsAllowed() {
        EngineExecutionResults results = Kit.run(Map.of(Settings.GPU_PRICE_PER_HOUR.key(), "two dollars"), Priced.class);
        assertThat(Kit.failureMessages(results)).anySatisfy(m -> assertThat(m)
                .contains("llmbench.gpuPricePerHour (configuration parameter llmbench.gpuPricePerHour (junit-platform.properties))")
                .contains("'two dollars' is not a number; allowed: a number 0..1000000 (US dollars)"));
    }
}
