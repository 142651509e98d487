package dev.llmbench.harness.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FidelityTest {

    @Test
    void aBusyFractionSlightlyOutsideZeroToOneIsMeasurementNoiseAndIsClamped() {
        assertThat(Fidelity.busyFraction(-1.05E-4)).isEqualTo(0.0);
        assertThat(Fidelity.busyFraction(1.0003)).isEqualTo(1.0);
        assertThat(Fidelity.busyFraction(0.42)).isEqualTo(0.42);
    }

    @Test
    void aBusyFractionThatIsNoNumberIsUnknown() {
        assertThat(Fidelity.busyFraction(Double.NaN)).isNull();
        assertThat(Fidelity.busyFraction(Double.POSITIVE_INFINITY)).isNull();
    }

    @Test
    void theRecorderNeverThrowsOnNoisyClientFigures() {
        MetricsRecorder r = new MetricsRecorder(System.nanoTime());
        assertThatCode(() -> {
            r.clientIoBusy(-1.05E-4);
            r.clientCpuNanos(-3);
        }).doesNotThrowAnyException();
        Fidelity f = r.snapshot().fidelity();
        assertThat(f.clientIoBusy()).isEqualTo(0.0);
        assertThat(f.clientCpuNanos()).as("a negative CPU reading is unknown").isNull();

        r.clientIoBusy(null);
        assertThat(r.snapshot().fidelity().clientIoBusy()).isNull();
    }

    @Test
    void figuresReadFromAFileAreKeptInRange() {
        Fidelity f = new Fidelity(10, 2, 1.5, -1L);
        assertThat(f.clientIoBusy()).isEqualTo(1.0);
        assertThat(f.clientCpuNanos()).isNull();
    }
}
