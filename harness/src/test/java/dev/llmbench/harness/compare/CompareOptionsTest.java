package dev.llmbench.harness.compare;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CompareOptionsTest {

    @Test
    void tolerancesAreReadAsPercentagesOrFractions() {
        assertThat(CompareOptions.parseTolerance("10%", "t")).isCloseTo(0.10, within(1e-12));
        assertThat(CompareOptions.parseTolerance(" 2.5 % ", "t")).isCloseTo(0.025, within(1e-12));
        assertThat(CompareOptions.parseTolerance("0.2", "t")).isCloseTo(0.2, within(1e-12));
        assertThat(CompareOptions.parseTolerance("0", "t")).isZero();
    }

    @Test
    void aBadToleranceNamesTheSettingAndWhatIsAllowed() {
        for (String bad : new String[]{"ten", "-5%", "", "%", "Infinity"}) {
            assertThatThrownBy(() -> CompareOptions.parseTolerance(bad, "llmbench.tolerance"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("llmbench.tolerance")
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("10%");
        }
    }

    @Test
    void perMetricTolerancesAcceptMetricIdsAndBaseMetrics() {
        CompareOptions o = CompareOptions.defaults().withMetricTolerances(Map.of("ITL", 0.3, "p99 (ttft)", 0.05));
        assertThat(o.metricTolerances()).containsEntry("itl", 0.3).containsEntry("p99(ttft)", 0.05);
        assertThat(o.toleranceFor(CompareMetric.parse("p90(itl)"))).isEqualTo(0.3);
        assertThat(o.toleranceFor(CompareMetric.parse("p99(ttft)"))).isEqualTo(0.05);
        assertThat(o.toleranceFor(CompareMetric.parse("p90(ttft)"))).isEqualTo(CompareOptions.DEFAULT_TOLERANCE);
    }

    @Test
    void aToleranceForAnUnknownMetricIsRefusedWithTheAllowedNames() {
        for (String bad : new String[]{"latency", "p90(latency)", "p90 ttft"}) {
            assertThatThrownBy(() -> CompareOptions.defaults().withMetricTolerance(bad, 0.1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("p90(ttft)")
                    .hasMessageContaining("queue_delay");
        }
    }
}
