package dev.llmbench.maven;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** llmbench:sweep is llmbench:run with a capacity search: the same parameters, the sweep on unless turned off. */
class SweepMojoTest {

    @Test
    void theSweepGoalPlansACapacitySearchWithItsBounds() {
        SweepMojo m = new SweepMojo();
        m.slo = "p90(ttft) < 500ms";
        m.sweepMaxConcurrency = "16";
        m.sweepBudget = "2m";

        BenchmarkPlan plan = BenchmarkPlan.from(m.settings());

        assertThat(plan.sweep()).isEqualTo(new BenchmarkPlan.Sweep(16, 1, Duration.ofMinutes(2), 0.05));
        assertThat(plan.describe()).contains("sweep adhoc-sweep-short-in-short-out: capacity under the SLOs, concurrency 1..16");
    }

    @Test
    void theRunGoalSweepsOnlyWhenAskedAndTheSweepGoalNeedsAnSlo() {
        RunMojo run = new RunMojo();
        assertThat(BenchmarkPlan.from(run.settings()).sweep()).isNull();
        run.sweep = "true";
        run.slo = "error_rate < 1%";
        assertThat(BenchmarkPlan.from(run.settings()).sweep()).isNotNull();

        assertThatThrownBy(() -> BenchmarkPlan.from(new SweepMojo().settings()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("set llmbench.slo");
    }
}
