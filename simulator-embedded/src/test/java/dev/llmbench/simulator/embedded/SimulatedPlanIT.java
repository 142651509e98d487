package dev.llmbench.simulator.embedded;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanBuilder;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.plan.Target;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With no endpoint, a plan falls back to the embedded simulator, found through ServiceLoader. */
class SimulatedPlanIT {

    private static BenchmarkPlan plan(PlanBuilder b) {
        return BenchmarkPlan.from(LayeredSettings.of(List.of(b.layer())));
    }

    @Test
    void noEndpointMeansTheSimulatorItsModelAndItsIllustrativePrices() {
        BenchmarkPlan plan = plan(BenchmarkPlan.builder());
        assertThat(plan.target()).isInstanceOf(Target.Simulated.class);
        assertThat(plan.model()).isEqualTo("fast-sim-0.5b");
        assertThat(plan.pricing().source()).isEqualTo("simulator profile fast (illustrative prices)");
        assertThat(plan(BenchmarkPlan.builder().endpoint("simulator").model("mine")).model()).isEqualTo("mine");
    }

    @Test
    void anUnknownProfileNamesTheAllowedOnes() {
        assertThatThrownBy(() -> plan(BenchmarkPlan.builder().simulatorProfile("tiny-gpu")))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("llmbench: llmbench.simulatorProfile (BenchmarkPlan.builder() llmbench.simulatorProfile): "
                        + "unknown simulator profile 'tiny-gpu'; allowed: ")
                .hasMessageContaining("fast");
    }

    @Test
    void theSameTierTwiceWritesTwoResultFiles(@TempDir Path dir) throws Exception {
        BenchmarkPlan plan = plan(BenchmarkPlan.builder().concurrency("2,small").shape("16:4").requests(4).outputDirectory(dir));
        List<String> log = new ArrayList<>();

        List<PlanRunner.Outcome> outcomes = PlanRunner.run(plan, log::add);

        assertThat(outcomes).hasSize(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("adhoc-small-c2-16x4-2.json", "adhoc-small-c2-16x4.json");
        }
        for (PlanRunner.Outcome o : outcomes) {
            assertThat(ResultFiles.read(o.file()).counts().measured()).isEqualTo(4);
        }
        assertThat(log).anySatisfy(l -> assertThat(l).contains("embedded simulator (profile fast"));
    }
}
