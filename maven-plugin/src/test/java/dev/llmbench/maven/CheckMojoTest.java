package dev.llmbench.maven;

import dev.llmbench.harness.compare.CompareOptions;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the check goal reads per-metric tolerances from XML element names, which cannot hold parentheses. */
class CheckMojoTest {

    @Test
    void aStatisticIsWrittenWithAnUnderscoreInsteadOfParentheses() {
        assertThat(CheckMojo.metricKey("p99_itl")).isEqualTo("p99(itl)");
        assertThat(CheckMojo.metricKey("p99.9_e2e")).isEqualTo("p99.9(e2e)");
        assertThat(CheckMojo.metricKey("mean_tpot")).isEqualTo("mean(tpot)");
        assertThat(CheckMojo.metricKey("p90_queue_delay")).isEqualTo("p90(queue_delay)");
    }

    @Test
    void baseAndSystemMetricsKeepTheirNames() {
        assertThat(CheckMojo.metricKey("itl")).isEqualTo("itl");
        assertThat(CheckMojo.metricKey("error_rate")).isEqualTo("error_rate");
        assertThat(CheckMojo.metricKey("output_throughput")).isEqualTo("output_throughput");
    }

    @Test
    void theTranslatedKeysAreAcceptedByTheHarnessAndAnUnknownOneIsRefused() {
        CompareOptions o = CompareOptions.defaults().withMetricTolerances(Map.of(
                CheckMojo.metricKey("p90_ttft"), 0.05, CheckMojo.metricKey("itl"), 0.25));
        assertThat(o.metricTolerances()).containsEntry("p90(ttft)", 0.05).containsEntry("itl", 0.25);
        assertThatThrownBy(() -> CompareOptions.defaults().withMetricTolerance(CheckMojo.metricKey("p90_latency"), 0.1))
                .hasMessageContaining("'p90(latency)'");
    }
}
