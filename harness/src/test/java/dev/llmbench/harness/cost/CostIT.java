package dev.llmbench.harness.cost;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cost figures of whole runs against the simulator: from the measured tokens and window, judged by cost SLOs, re-priced on merge. */
class CostIT {

    private static Benchmark.Builder run(Simulator sim, String name, Pricing pricing) {
        return Benchmark.builder(name)
                .endpoint(sim.baseUri().toString())
                .model("fast-sim-0.5b")
                .load(LoadModel.concurrency(2))
                .promptShape(RequestShape.of(40, 20))
                .maxRequests(10)
                .pricing(pricing);
    }

    @Test
    void anApiRunCostsItsTokensAtTheirPrices() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            BenchmarkResult r = run(sim, "api", Pricing.api(1.0, 3.0))
                    .slo("cost_per_1k_output_tokens <= 1", "cost_per_request < 0.000001")
                    .build().run();
            long in = r.tokens().input();
            long out = r.tokens().output();
            assertThat(out).isEqualTo(10 * 20);
            assertThat(in).isPositive();
            double usd = in * 1.0 / 1e6 + out * 3.0 / 1e6;
            CostFigures cost = r.cost();
            assertThat(cost.basis()).isEqualTo("api");
            assertThat(cost.pricingSource()).isEqualTo("configured");
            assertThat(cost.usdPerRun()).isCloseTo(usd, within(1e-15));
            assertThat(cost.usdPerRequest()).isCloseTo(usd / 10, within(1e-15));
            assertThat(cost.usdPer1kOutputTokens()).isCloseTo(usd / out * 1000, within(1e-15));
            assertThat(cost.usdPer1kTokens()).isCloseTo((0.75 * 1.0 + 0.25 * 3.0) / 1000, within(1e-15));
            // Both SLOs were judged on these figures: the first holds, the second cannot (a request costs ~1e-4 $).
            assertThat(r.sloVerdicts()).extracting(SloVerdict::passed).containsExactly(true, false);
            assertThat(r.configuration().pricing()).isEqualTo(Pricing.api(1.0, 3.0));
        }
    }

    @Test
    void aSelfHostedRunCostsItsGpuTimeAndReportsModelFlopsUtilisation() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            Pricing gpu = Pricing.gpu(3.6, 2).withHardware(0.5e9, 200e12);
            BenchmarkResult r = run(sim, "gpu", gpu).build().run();
            double window = r.throughput().windowSeconds();
            double usd = 3.6 * 2 * window / 3600;
            assertThat(r.cost().basis()).isEqualTo("gpu");
            assertThat(r.cost().usdPerRun()).isCloseTo(usd, within(1e-12));
            assertThat(r.cost().usdPer1kOutputTokens()).isCloseTo(usd / r.tokens().output() * 1000, within(1e-12));
            double tps = (r.tokens().input() + r.tokens().output()) / window;
            assertThat(r.cost().modelFlopsUtilisation()).isCloseTo(2 * 0.5e9 * tps / (200e12 * 2), within(1e-15));
        }
    }

    @Test
    void aSelfHostedRunWithItsGpuAndModelShowsTheCostFloorBesideItsMeasuredCostInTheResultAndTheReport(@TempDir Path dir)
            throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            // The fast profile's hardware: 0.5B parameters in 16 bits on one GPU of 200 TFLOP/s and 0.5 TB/s.
            Gpu gpu = new Gpu("test-gpu", "the fast profile's GPU", 200e12, 0.5e12, 24e9, 1, 4, "CostIT");
            ModelSize model = ModelSize.dense(0.5e9, 2);
            BenchmarkResult r = run(sim, "floor", Pricing.gpu(3.6, 1).withServing(gpu, model)).build().run();

            CostFloor f = r.cost().floor();
            assertThat(f).isNotNull();
            assertThat(f.gpu()).isEqualTo("test-gpu");
            assertThat(f.fewestGpus()).isEqualTo(1);
            assertThat(f.weightBytes()).isEqualTo(1e9);
            assertThat(f.outputTokensPerRequest()).isEqualTo(20);
            // Two users keep about two requests in flight (Little's law), never fewer than one.
            assertThat(f.batch()).isBetween(1.0, 2.0);
            // Decode is memory-bound here: 1 GB / 0.5 TB/s = 2 ms a step, so the floor is 2 ms / B per token at $3.60/h.
            assertThat(f.decodeStepSeconds()).isCloseTo(0.002, within(1e-12));
            assertThat(f.usdPer1kOutputTokens()).isCloseTo(3.6 / 3600 * 1000 * 0.002 / f.batch(), within(1e-12));
            assertThat(f.measuredUsdPer1kOutputTokens()).isEqualTo(r.cost().usdPer1kOutputTokens());
            assertThat(f.efficiency()).isCloseTo(f.usdPer1kOutputTokens() / f.measuredUsdPer1kOutputTokens(), within(1e-12));
            // The simulator decodes at that floor, but the run also waits for prefill, the network and the clients.
            assertThat(f.efficiency()).isGreaterThan(0.05).isLessThanOrEqualTo(1.05);

            ResultFiles.writeToDirectory(r, dir);
            BenchmarkResult read = ResultFiles.read(dir.resolve("floor.json"));
            assertThat(read.cost().floor()).isEqualTo(f);
            assertThat(read.configuration().pricing().gpu()).isEqualTo(gpu);
            assertThat(read.configuration().pricing().model()).isEqualTo(model);

            ResultSet set = ResultSet.read(List.of(dir));
            String md = dev.llmbench.harness.report.ReportWriter.markdown(set, null);
            assertThat(md).contains("### Cost floor")
                    .contains("| floor | 1 × test-gpu | ")
                    .contains(" | $" ); // measured and floor in dollars per 1M output tokens
            String html = dev.llmbench.harness.report.ReportWriter.html(set, null);
            assertThat(html).contains("cost floor: $").contains(" per 1M output tokens on 1 × test-gpu at batch ")
                    .contains("efficiency ");
        }
    }

    @Test
    void withoutPricingThereIsNoCostAndACostSloSaysSo() {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            BenchmarkResult r = run(sim, "free", null).slo("cost_per_request < 1").build().run();
            assertThat(r.cost()).isNull();
            assertThat(r.sloVerdicts().get(0).passed()).isFalse();
            assertThat(r.sloVerdicts().get(0).detail()).contains("no pricing configured");
        }
    }

    @Test
    void mergedResultsAreRepricedFromTheirTokensAndTheCostFiguresSurviveTheResultFile(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            Pricing p = Pricing.api(2.0, 4.0);
            BenchmarkResult a = run(sim, "merged", p).build().run();
            BenchmarkResult b = run(sim, "merged", p).build().run();
            Files.createDirectories(dir.resolve("a"));
            Files.createDirectories(dir.resolve("b"));
            ResultFiles.writeToDirectory(a, dir.resolve("a"));
            ResultFiles.writeToDirectory(b, dir.resolve("b"));
            assertThat(ResultFiles.read(dir.resolve("a").resolve("merged.json")).cost()).isEqualTo(a.cost());

            ResultSet set = ResultSet.read(List.of(dir.resolve("a"), dir.resolve("b")));
            assertThat(set.results()).hasSize(1);
            BenchmarkResult m = set.results().get(0);
            assertThat(m.counts().measured()).isEqualTo(20);
            assertThat(m.cost().usdPerRun()).isCloseTo(a.cost().usdPerRun() + b.cost().usdPerRun(), within(1e-12));
            assertThat(m.cost().usdPerRequest()).isCloseTo(m.cost().usdPerRun() / 20, within(1e-15));
        }
    }
}
