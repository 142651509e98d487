package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimingModelTest {

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Test
    void llama70bOn4xA100IsMemoryBoundAtSmallBatch() {
        TimingModel m = new TimingModel(Profile.named("llama-2-70b-4xa100"));
        // 70B fp16 = 140 GB read per step over 4 x 2.039 TB/s
        double expected = 140e9 / (4 * 2.039e12) * 1e3;
        assertThat(expected).isCloseTo(17.17, within(0.01));
        assertThat(millis(m.decodeStepNanos(1))).isCloseTo(expected, within(0.001));
        assertThat(m.decodeStepNanos(50)).isEqualTo(m.decodeStepNanos(1));
    }

    @Test
    void llama70bBecomesComputeBoundAtLargeBatch() {
        TimingModel m = new TimingModel(Profile.named("llama-2-70b-4xa100"));
        // 2 x 70e9 x B / (4 x 312e12 x 0.5): 0.2244 ms per sequence, crossing 17.17 ms at B = 77
        double perSequenceMs = 2 * 70e9 / (4 * 312e12 * 0.5) * 1e3;
        assertThat(m.computeBoundBatchSize()).isEqualTo(77);
        assertThat(millis(m.decodeStepNanos(200))).isCloseTo(200 * perSequenceMs, within(0.001)).isCloseTo(44.87, within(0.01));
        assertThat(m.decodeStepNanos(400)).isGreaterThan(m.decodeStepNanos(200));
        assertThat(m.decodeStepNanos(76)).isEqualTo(m.memoryBoundStepNanos());
        assertThat(m.decodeStepNanos(78)).isGreaterThan(m.memoryBoundStepNanos());
    }

    @Test
    void llamaPrefillCostsTwoFlopsPerParameterPerPromptToken() {
        TimingModel m = new TimingModel(Profile.named("llama-2-70b-4xa100"));
        // 2 x 70e9 x 1000 / 6.24e14 = 224.4 ms
        assertThat(millis(m.prefillNanos(1000))).isCloseTo(224.36, within(0.01));
        assertThat(millis(m.prefillNanos(100))).isCloseTo(22.436, within(0.001));
    }

    @Test
    void mixtralUsesAllWeightsForBandwidthButActiveParametersForFlops() {
        Profile p = Profile.named("mixtral-8x7b-2xh100");
        TimingModel m = new TimingModel(p);
        // 93.4 GB over 2 x 3.35 TB/s = 13.94 ms; 2 x 12.9e9 / (2 x 989e12 x 0.5) = 0.02609 ms per sequence
        assertThat(millis(m.decodeStepNanos(1))).isCloseTo(93.4e9 / 6.7e12 * 1e3, within(0.001)).isCloseTo(13.94, within(0.01));
        assertThat(m.computeBoundBatchSize()).isEqualTo(535);
        assertThat(millis(m.decodeStepNanos(1000))).isCloseTo(1000 * 2 * 12.9e9 / (2 * 989e12 * 0.5) * 1e3, within(0.001));
        assertThat(p.totalParameters()).isEqualTo(46.7e9);
        assertThat(p.activeParameters()).isEqualTo(12.9e9);
    }

    @Test
    void fastProfileHasAFewMillisecondStep() {
        TimingModel m = new TimingModel(Profile.fast());
        assertThat(millis(m.decodeStepNanos(1))).isCloseTo(2.0, within(1e-6));
        assertThat(millis(m.prefillNanos(100))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void fixedStepIgnoresBatchAndPrefill() {
        TimingModel m = new TimingModel(Profile.fixedStep("bench", 20_000));
        assertThat(m.decodeStepNanos(1)).isEqualTo(20_000_000L);
        assertThat(m.decodeStepNanos(5_000)).isEqualTo(20_000_000L);
        assertThat(m.prefillNanos(100_000)).isZero();
    }
}
