package dev.llmbench.harness.plan;

import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.harness.settings.SettingsLayer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plan against a configured endpoint, from settings as any front-end gives them: what runs, and how a bad value is refused. */
class BenchmarkPlanTest {

    private static PlanBuilder valid() {
        return BenchmarkPlan.builder().endpoint("http://127.0.0.1:8000/v1").model("m");
    }

    /** Only the builder's layer over the defaults: no environment or system property of the test JVM leaks in. */
    private static BenchmarkPlan plan(PlanBuilder b) {
        return BenchmarkPlan.from(LayeredSettings.of(List.of(b.layer())));
    }

    @Test
    void oneRunPerTierAndShapeTiersOuterNamedByTierAndShape() {
        BenchmarkPlan plan = plan(valid().concurrency("2, 20,50").shape("short-in-long-out", "128:32"));
        assertThat(plan.runs()).extracting(PlannedRun::name).containsExactly(
                "adhoc-small-c2-short-in-long-out", "adhoc-small-c2-128x32",
                "adhoc-medium-c20-short-in-long-out", "adhoc-medium-c20-128x32",
                "adhoc-large-c50-short-in-long-out", "adhoc-large-c50-128x32");
        assertThat(plan.runs().get(0).label()).isEqualTo("small: 2 concurrent, short-in-long-out 100→1000 tokens");
    }

    @Test
    void theDefaultsAreOneUserShortInShortOutAndHundredRequests() {
        BenchmarkPlan plan = plan(valid());
        assertThat(plan.runs()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("adhoc-c1-short-in-short-out");
            assertThat(r.tier().label()).isEqualTo("1 concurrent");
        });
        assertThat(plan.bounds().maxRequests()).isEqualTo(100);
        assertThat(plan.bounds().maxDuration()).isZero();
        assertThat(plan.protocol()).isEqualTo("chat");
        assertThat(plan.apiKeyEnv()).isEqualTo("LLMBENCH_API_KEY");
        assertThat(plan.pricing()).isNull();
    }

    @Test
    void theSameTierTwiceGivesTwoRunsWithTwoNames() {
        BenchmarkPlan plan = plan(valid().concurrency("2,small"));
        assertThat(plan.runs()).extracting(PlannedRun::name)
                .containsExactly("adhoc-small-c2-short-in-short-out", "adhoc-small-c2-short-in-short-out-2");
    }

    @Test
    void rateAndBurstTiersAndDistributionShapes() {
        BenchmarkPlan rate = plan(valid().rate(5, 2.5).set(Settings.ARRIVAL, "gamma").set(Settings.BURSTINESS, "0.5")
                .shape("500+-200[100..900]:250"));
        assertThat(rate.runs()).extracting(PlannedRun::name)
                .containsExactly("adhoc-gamma-5.0rps-500sd200x250", "adhoc-gamma-2.5rps-500sd200x250");
        assertThat(rate.runs().get(0).shape().label()).isEqualTo("500±200→250 tokens");
        BenchmarkPlan burst = plan(valid().set(Settings.BURST, "10").set(Settings.BURST_REPEATS, "3"));
        assertThat(burst.runs()).extracting(PlannedRun::name).containsExactly("adhoc-burst-10x3-short-in-short-out");
    }

    @Test
    void theLoadKindSetInTheHigherLayerWins() {
        SettingsLayer high = SettingsLayer.builder("system").put("llmbench.rate", "4", "system property -Dllmbench.rate").build();
        BenchmarkPlan plan = BenchmarkPlan.from(LayeredSettings.of(List.of(high, valid().concurrency(2, 20).layer())));
        assertThat(plan.runs()).extracting(r -> r.tier().slug()).containsExactly("poisson-4.0rps");
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> plan(valid().concurrency("2,lots"))).isInstanceOf(SettingsException.class)
                .hasMessageContaining("llmbench.concurrency").hasMessageContaining("'lots'").hasMessageContaining("small, medium, large");
        assertThatThrownBy(() -> plan(valid().concurrency("0"))).hasMessageContaining("llmbench.concurrency").hasMessageContaining("1..10000");
        assertThatThrownBy(() -> plan(valid().concurrency(" , "))).hasMessageContaining("llmbench.concurrency").hasMessageContaining("empty");
        assertThatThrownBy(() -> plan(valid().shape("huge"))).hasMessageContaining("llmbench.shape").hasMessageContaining("'huge'")
                .hasMessageContaining("short-in-long-out").hasMessageContaining("INPUT:OUTPUT");
        assertThatThrownBy(() -> plan(valid().shape("12:x"))).hasMessageContaining("llmbench.shape").hasMessageContaining("MEAN+-STDDEV");
        assertThatThrownBy(() -> plan(valid().requests(0))).hasMessageContaining("llmbench.requests").hasMessageContaining("a bound");
        assertThatThrownBy(() -> plan(valid().seconds(-1))).hasMessageContaining("llmbench.seconds");
        assertThatThrownBy(() -> plan(valid().protocol("grpc"))).hasMessageContaining("llmbench.protocol").hasMessageContaining("chat, completions");
        assertThatThrownBy(() -> plan(valid().name("my bench"))).hasMessageContaining("llmbench.name");
        assertThatThrownBy(() -> plan(valid().slo("p90(ttft) < 800ms", "p90(latency) < 1s"))).hasMessageContaining("llmbench.slo")
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> plan(valid().rate(5).set(Settings.BURSTINESS, "2"))).hasMessageContaining("llmbench.burstiness")
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> plan(valid().set(Settings.MAX_CONCURRENCY, "4"))).hasMessageContaining("rate tiers only");
        assertThatThrownBy(() -> plan(BenchmarkPlan.builder().endpoint("ftp://host").model("m")))
                .hasMessageContaining("llmbench.endpoint").hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> plan(BenchmarkPlan.builder().endpoint("http://127.0.0.1:1")))
                .hasMessageContaining("llmbench.model");
    }

    @Test
    void timeoutsAreDurationsWhoseDefaultsAreTheEndpointsDefaults() {
        assertThat(plan(valid()).timeouts()).isEqualTo(Timeouts.defaults());
        BenchmarkPlan plan = plan(valid().set(Settings.TIMEOUT_TOTAL, "2m").set(Settings.TIMEOUT_IDLE, "500ms")
                .set(Settings.TIMEOUT_FIRST_TOKEN, "0").set(Settings.TIMEOUT_CONNECT, "2.5"));
        assertThat(plan.timeouts()).isEqualTo(new Timeouts(Duration.ofMillis(2500), Duration.ZERO, Duration.ofMillis(500),
                Duration.ofMinutes(2)));
        assertThat(((Target.Remote) plan.target()).config().timeouts()).isEqualTo(plan.timeouts());
        assertThat(plan.describe()).contains("timeouts: connect 2.5 s, first token none, idle 0.5 s, total 120 s");
        assertThatThrownBy(() -> plan(valid().set(Settings.TIMEOUT_TOTAL, "10 minutes"))).hasMessageContaining("llmbench.timeouts.total")
                .hasMessageContaining("500ms, 10s, 2m");
    }

    @Test
    void minTokensAndIgnoreEosAreSentUnlessTurnedOffAndThePlanSaysSoOnlyThen() {
        BenchmarkPlan defaults = plan(valid());
        assertThat(((Target.Remote) defaults.target()).config().sendsMinTokens()).isTrue();
        assertThat(((Target.Remote) defaults.target()).config().sendsIgnoreEos()).isTrue();
        assertThat(defaults.describe()).doesNotContain("output length");

        BenchmarkPlan off = plan(valid().sendMinTokens(false).set(Settings.SEND_IGNORE_EOS, "false"));
        assertThat(((Target.Remote) off.target()).config().sendsMinTokens()).isFalse();
        assertThat(((Target.Remote) off.target()).config().sendsIgnoreEos()).isFalse();
        assertThat(off.describe()).contains("output length: max_tokens sent\n");
        assertThat(plan(valid().sendIgnoreEos(false)).describe()).contains("output length: max_tokens, min_tokens sent\n");
        assertThatThrownBy(() -> plan(valid().set(Settings.SEND_MIN_TOKENS, "no"))).hasMessageContaining("llmbench.sendMinTokens");
    }

    @Test
    void severalSlosAreSplitOnSemicolonsAndCommasOutsideParentheses() {
        BenchmarkPlan plan = plan(valid().slo("p90(ttft) < 800ms; error_rate < 1%, mean(tpot) <= 40ms"));
        assertThat(plan.slos()).containsExactly("p90(ttft) < 800ms", "error_rate < 1%", "mean(tpot) <= 40ms");
    }

    @Test
    void pricesAreReadAsDollars() {
        BenchmarkPlan plan = plan(valid().set(Settings.INPUT_PRICE, "$0.15").set(Settings.OUTPUT_PRICE, "0.6"));
        assertThat(plan.pricing().inputUsdPerMillionTokens()).isEqualTo(0.15);
        assertThat(plan.pricing().outputUsdPerMillionTokens()).isEqualTo(0.6);
        assertThat(plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2.5")).pricing()).isEqualTo(Pricing.gpu(2.5, 1));
        assertThat(plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2.5").set(Settings.GPU_COUNT, "8")).pricing()).isEqualTo(Pricing.gpu(2.5, 8));
        assertThat(plan(valid().set(Settings.INPUT_PRICE, "3").set(Settings.OUTPUT_PRICE, "15").set(Settings.CACHED_INPUT_PRICE, "0.3"))
                .pricing()).isEqualTo(Pricing.api(3, 15).withCachedInput(0.3));
        assertThat(plan(valid().set(Settings.INPUT_PRICE, " ")).pricing()).isNull();
        assertThatThrownBy(() -> plan(valid().set(Settings.GPU_COUNT, "0"))).hasMessageContaining("llmbench.gpuCount")
                .hasMessageContaining("1..100000");
        assertThatThrownBy(() -> plan(valid().set(Settings.OUTPUT_PRICE, "cheap")))
                .hasMessage("llmbench: llmbench.outputPricePerMillionTokens (BenchmarkPlan.builder() llmbench.outputPricePerMillionTokens): "
                        + "'cheap' is not a number; allowed: a number 0..1000000 (US dollars)");
        assertThatThrownBy(() -> plan(valid().set(Settings.INPUT_PRICE, "-1"))).hasMessageContaining("llmbench.inputPricePerMillionTokens");
    }

    @Test
    void aGpuAndAModelSizeGiveTheCostFloorItsHardwareAndTheFewestGpusByDefault(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Pricing p = plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2.5").set(Settings.GPU, "H100-SXM")
                .set(Settings.MODEL_PARAMETERS, "70e9")).pricing();
        assertThat(p.gpu()).isEqualTo(dev.llmbench.harness.cost.GpuCatalog.builtIn().get("h100-sxm"));
        assertThat(p.model()).isEqualTo(dev.llmbench.harness.cost.ModelSize.dense(70e9, 2));
        assertThat(p.gpuCount()).as("140 GB over 80 GB GPUs").isEqualTo(2);
        assertThat(p.hasFloor()).isTrue();
        Pricing moe = plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2.5").set(Settings.GPU, "mi300x").set(Settings.GPU_COUNT, "8")
                .set(Settings.MODEL_PARAMETERS, "46.7e9").set(Settings.MODEL_ACTIVE_PARAMETERS, "12.9e9")
                .set(Settings.BYTES_PER_PARAMETER, "1")).pricing();
        assertThat(moe.model()).isEqualTo(new dev.llmbench.harness.cost.ModelSize(46.7e9, 12.9e9, 1));
        assertThat(moe.gpuCount()).isEqualTo(8);
        assertThat(moe.modelParameters()).as("model FLOPs utilisation uses the active parameters").isEqualTo(12.9e9);

        java.nio.file.Path catalog = dir.resolve("gpus.json");
        java.nio.file.Files.writeString(catalog, "{\"gpus\": [{\"name\": \"ours\", \"peak_bf16_flops_per_second\": 1e15, "
                + "\"memory_bandwidth_bytes_per_second\": 4e12, \"memory_bytes\": 100e9, \"usd_per_gpu_hour_low\": 1, "
                + "\"usd_per_gpu_hour_high\": 2, \"source\": \"our lab\"}]}");
        assertThat(plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "1.5").set(Settings.GPU, "ours").set(Settings.GPU_CATALOG,
                catalog.toString()).set(Settings.MODEL_PARAMETERS, "7e9")).pricing().gpu().source()).isEqualTo("our lab");

        assertThatThrownBy(() -> plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2").set(Settings.GPU, "v100")
                .set(Settings.MODEL_PARAMETERS, "7e9"))).hasMessageContaining("llmbench.gpu").hasMessageContaining(
                "'v100' is not a GPU in the catalog; allowed: a100-40gb, a100-80gb, h100-sxm, h200, l40s, a10g, mi300x");
        assertThatThrownBy(() -> plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2").set(Settings.GPU, "l40s")))
                .hasMessageContaining("llmbench.gpu").hasMessageContaining("needs both llmbench.gpu and llmbench.modelParameters");
        assertThatThrownBy(() -> plan(valid().set(Settings.GPU, "l40s").set(Settings.MODEL_PARAMETERS, "7e9")))
                .hasMessageContaining("needs a GPU price: set llmbench.gpuPricePerHour");
        assertThatThrownBy(() -> plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2").set(Settings.GPU, "l40s")
                .set(Settings.MODEL_PARAMETERS, "7e9").set(Settings.MODEL_ACTIVE_PARAMETERS, "8e9")))
                .hasMessageContaining("llmbench.modelActiveParameters").hasMessageContaining("activeParameters must be > 0 and <= totalParameters");
        java.nio.file.Files.writeString(catalog, "{\"gpus\": [{\"name\": \"l40s\", \"memory_bytes\": -1}]}");
        assertThatThrownBy(() -> plan(valid().set(Settings.GPU_PRICE_PER_HOUR, "2").set(Settings.GPU, "l40s")
                .set(Settings.GPU_CATALOG, catalog.toString()).set(Settings.MODEL_PARAMETERS, "7e9")))
                .hasMessageContaining("llmbench.gpuCatalog").hasMessageContaining("gpus[0] ('l40s'): memory_bytes: must be a finite number >= 0");
    }

    @Test
    void anEndpointWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> plan(BenchmarkPlan.builder().endpoint("http://user:s3cret@127.0.0.1:9/v1?api_key=sk-x&team=a").model("m")))
                .hasMessageContaining("llmbench.endpoint").hasMessageContaining("http://127.0.0.1:9/v1?team=a")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("sk-x");
    }

    @Test
    void anUnreachableEndpointFailsBeforeAnythingRunsWithTheUrl() {
        BenchmarkPlan plan = plan(BenchmarkPlan.builder().endpoint("http://127.0.0.1:9").model("m").requests(1));
        assertThatThrownBy(() -> PlanRunner.run(plan, line -> { }))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("llmbench.endpoint")
                .hasMessageContaining("http://127.0.0.1:9 is unreachable");
    }

    @Test
    void aSweepIsOffByDefaultAndOnItSearchesTheFirstShapeUnderTheSlosWithItsBounds() {
        assertThat(plan(valid()).sweep()).isNull();
        BenchmarkPlan plan = plan(valid().shape("128:32", "short-in-long-out").slo("p90(ttft) < 800ms")
                .set(Settings.SWEEP, "true").set(Settings.SWEEP_MAX_CONCURRENCY, "32").set(Settings.SWEEP_RESOLUTION, "2")
                .set(Settings.SWEEP_BUDGET, "5m").set(Settings.SWEEP_MAX_ERROR_RATE, "2%"));

        assertThat(plan.sweep()).isEqualTo(new BenchmarkPlan.Sweep(32, 2, Duration.ofMinutes(5), 0.02));
        assertThat(plan.sweep().options().maxConcurrency()).isEqualTo(32);
        assertThat(plan.sweepRun().name()).isEqualTo("adhoc-sweep-128x32");
        assertThat(plan.describe()).contains("sweep adhoc-sweep-128x32: capacity under the SLOs, concurrency 1..32, "
                + "resolution 2, budget 300 s, at most 2% errors").doesNotContain("run adhoc-");
    }

    @Test
    void aSweepTakesTheDocumentedDefaults() {
        BenchmarkPlan plan = plan(valid().slo("p90(ttft) < 800ms").set(Settings.SWEEP, "true"));
        assertThat(plan.sweep()).isEqualTo(new BenchmarkPlan.Sweep(64, 1, Duration.ofMinutes(30), 0.05));
    }

    @Test
    void aSweepWithoutSlosIsRefusedNamingLlmbenchSlo() {
        assertThatThrownBy(() -> plan(valid().set(Settings.SWEEP, "true")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("llmbench.sweep")
                .hasMessageContaining("set llmbench.slo");
    }

    @Test
    void aSweepWhoseOnlySloIsOnCapacityIsRefused() {
        assertThatThrownBy(() -> plan(valid().slo("max_concurrency_meeting_slo >= 40").set(Settings.SWEEP, "true")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("max_concurrency_meeting_slo judges only the outcome");
    }

    @Test
    void aSweepErrorRateAbove100PercentIsRefused() {
        assertThatThrownBy(() -> plan(valid().slo("p90(ttft) < 800ms").set(Settings.SWEEP, "true")
                .set(Settings.SWEEP_MAX_ERROR_RATE, "150%")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("llmbench.sweepMaxErrorRate")
                .hasMessageContaining("'150%' is not an error rate; allowed: a percentage");
    }
}
