package dev.llmbench.harness.cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The cost framework's own figures, reproduced: GPT-3 (175 billion parameters) on A100s. Each assertion states the
 * framework's rounded figure and the tolerance it is held to.
 */
class CostFloorTest {

    private static final ModelSize GPT3_FP16 = ModelSize.dense(175e9, 2);
    private static final ModelSize GPT3_FP32 = ModelSize.dense(175e9, 4);
    private static final Gpu A100 = GpuCatalog.builtIn().get("a100-40gb");

    @Test
    void aForwardPassOverAThousandTokensCostsAbout350TrillionFlops() {
        double flops = GPT3_FP16.forwardFlops(1024); // 2 · n · p
        assertThat(flops).isEqualTo(2 * 1024 * 175e9);
        assertThat(flops).isCloseTo(3.5e14, withinPercentage(3)); // "about 350 trillion" (3.58e14)
    }

    @Test
    void thatTakesAboutOneSecondOnOneA100AtPeak() {
        assertThat(A100.peakBf16FlopsPerSecond()).isEqualTo(312e12);
        assertThat(CostFloor.prefillSeconds(GPT3_FP16, A100, 1, 1024)).isCloseTo(1.15, withinPercentage(1));
        // Twice the GPUs, half the floor.
        assertThat(CostFloor.prefillSeconds(GPT3_FP16, A100, 2, 1024)).isCloseTo(0.574, withinPercentage(1));
    }

    @Test
    void aThousandTokensOfRawComputeCostAFewHundredthsOfACentAtA100Prices() {
        // The framework: $0.0002–0.0014 per 1k tokens at $0.63–4.40 per A100-hour; the catalog's A100 40GB range.
        assertThat(A100.usdPerGpuHourLow()).isEqualTo(0.63);
        assertThat(A100.usdPerGpuHourHigh()).isEqualTo(4.40);
        assertThat(CostFloor.computeUsdPer1kTokens(GPT3_FP16, A100, A100.usdPerGpuHourLow())).isCloseTo(0.0002, withinPercentage(3));
        assertThat(CostFloor.computeUsdPer1kTokens(GPT3_FP16, A100, A100.usdPerGpuHourHigh())).isCloseTo(0.0014, withinPercentage(3));
    }

    @Test
    void theWeightsTake700GbIn32BitFloatsAnd350GbIn16BitMoreThanAnyGpuHolds() {
        assertThat(GPT3_FP32.weightBytes()).isEqualTo(700e9);
        assertThat(GPT3_FP16.weightBytes()).isEqualTo(350e9);
        for (Gpu gpu : GpuCatalog.builtIn().gpus()) {
            assertThat(GPT3_FP16.weightBytes()).as(gpu.name()).isGreaterThan(gpu.memoryBytes());
            assertThat(CostFloor.fewestGpus(GPT3_FP16, gpu)).as(gpu.name()).isGreaterThan(1);
        }
        assertThat(CostFloor.fewestGpus(GPT3_FP16, GpuCatalog.builtIn().get("a100-80gb"))).isEqualTo(5); // 350 / 80 = 4.4
        assertThat(CostFloor.fewestGpus(GPT3_FP16, GpuCatalog.builtIn().get("mi300x"))).isEqualTo(2);    // 350 / 192 = 1.8
        assertThat(CostFloor.fewestGpus(GPT3_FP32, GpuCatalog.builtIn().get("a100-80gb"))).isEqualTo(9); // 700 / 80 = 8.75
    }

    @Test
    void trainingOn300BillionTokensIsAbout280ThousandA100HoursOrAbout560ThousandDollars() {
        double flops = GPT3_FP16.trainingFlops(300e9); // 6 · p · tokens
        assertThat(flops).isCloseTo(3.14e23, withinPercentage(1));
        double hours = CostFloor.gpuHoursAtPeak(flops, A100);
        assertThat(hours).isCloseTo(280_000, withinPercentage(1));
        assertThat(hours * 2.0).isCloseTo(560_000, withinPercentage(1)); // at ≈ $2 an hour
    }

    @Test
    void decodeIsBoundByMemoryBandwidthAtSmallBatchesAndByComputeAtLargeOnes() {
        Gpu a100 = GpuCatalog.builtIn().get("a100-80gb");
        ModelSize llama70b = ModelSize.dense(70e9, 2);
        // 140 GB read per step over 4 × 2.039 TB/s = 17.2 ms, whatever the batch up to the crossover ...
        double memoryStep = 140e9 / (4 * 2.039e12);
        assertThat(CostFloor.decodeStepSeconds(llama70b, a100, 4, 1)).isCloseTo(memoryStep, withinPercentage(0.01));
        assertThat(CostFloor.decodeStepSeconds(llama70b, a100, 4, 64)).isCloseTo(memoryStep, withinPercentage(0.01));
        // ... then 2 · p · B / FLOP/s: at B = 256, 2 · 70e9 · 256 / (4 · 312e12) = 28.7 ms.
        assertThat(CostFloor.decodeStepSeconds(llama70b, a100, 4, 256)).isCloseTo(0.0287, withinPercentage(0.5));

        // $ per 1k output tokens at batch B (no input): the step's cost over B tokens.
        CostFloor b1 = CostFloor.of(llama70b, a100, 4, 2.0, 1, 0, 0);
        assertThat(b1.usdPerHour()).isEqualTo(8.0);
        assertThat(b1.usdPer1kOutputTokens()).isCloseTo(8.0 / 3600 * 1000 * memoryStep, withinPercentage(0.01));
        CostFloor b64 = CostFloor.of(llama70b, a100, 4, 2.0, 64, 0, 0);
        assertThat(b64.usdPer1kOutputTokens()).isCloseTo(b1.usdPer1kOutputTokens() / 64, withinPercentage(0.01));
        // A large batch reaches the raw compute cost, the same on 4 GPUs as on one.
        CostFloor b1000 = CostFloor.of(llama70b, a100, 4, 2.0, 1000, 0, 0);
        assertThat(b1000.usdPer1kOutputTokens()).isCloseTo(CostFloor.computeUsdPer1kTokens(llama70b, a100, 2.0), withinPercentage(0.01));
        assertThat(b1000.fewestGpus()).isEqualTo(2);
        assertThat(b1000.weightBytes()).isEqualTo(140e9);
    }

    @Test
    void inputTokensAddTheirComputeOnceDecodeIsComputeBound() {
        Gpu h100 = GpuCatalog.builtIn().get("h100-sxm");
        ModelSize m = ModelSize.dense(8e9, 2);
        CostFloor decodeOnly = CostFloor.of(m, h100, 1, 3.0, 2000, 0, 0);
        CostFloor tenToOne = CostFloor.of(m, h100, 1, 3.0, 2000, 1000, 100);
        assertThat(tenToOne.usdPer1kOutputTokens()).isCloseTo(decodeOnly.usdPer1kOutputTokens() * 11, withinPercentage(0.01));
        assertThat(tenToOne.prefillSeconds()).isCloseTo(2 * 8e9 * 1000 / 989e12, withinPercentage(0.01));
    }

    @Test
    void efficiencyIsTheFloorOverTheMeasuredCost() {
        CostFloor f = CostFloor.of(ModelSize.dense(7e9, 2), GpuCatalog.builtIn().get("l40s"), 1, 1.0, 8, 100, 100)
                .withMeasured(0.01);
        assertThat(f.measuredUsdPer1kOutputTokens()).isEqualTo(0.01);
        assertThat(f.efficiency()).isCloseTo(f.usdPer1kOutputTokens() / 0.01, within(1e-12));
        assertThat(f.withMeasured(null).efficiency()).isNull();
    }

    @Test
    void aModelSizeOutsideItsRangeIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new ModelSize(10e9, 20e9, 2)).hasMessageContaining("activeParameters");
        assertThatThrownBy(() -> ModelSize.dense(0, 2)).hasMessageContaining("totalParameters");
        assertThatThrownBy(() -> ModelSize.dense(7e9, 0)).hasMessageContaining("bytesPerParameter");
        assertThatThrownBy(() -> CostFloor.of(ModelSize.dense(7e9, 2), A100, 0, 1, 1, 0, 0)).hasMessageContaining("gpuCount");
    }
}
