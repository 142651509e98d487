package dev.llmbench.simulator.embedded;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanBuilder;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.plan.Target;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.result.BenchmarkResult;
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
    void thePersonalityIsVllmUnlessSetAndAnUnknownOneNamesTheAllowedOnes() {
        assertThat(((Target.Simulated) plan(BenchmarkPlan.builder()).target()).personality()).isEqualTo("vllm");
        Target openai = plan(BenchmarkPlan.builder().simulatorPersonality("OpenAI")).target();
        assertThat(((Target.Simulated) openai).personality()).isEqualTo("openai");
        assertThat(openai.display()).isEqualTo("embedded simulator (profile fast, personality openai)");
        assertThat(((Target.Simulated) plan(BenchmarkPlan.builder().simulatorPersonality("tgi")).target()).personality())
                .isEqualTo("tgi");
        assertThatThrownBy(() -> plan(BenchmarkPlan.builder().simulatorPersonality("sglang")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("llmbench.simulatorPersonality")
                .hasMessageContaining("'sglang' is not allowed; allowed: vllm, llamacpp, openai, tgi, ollama");
        // The setting declares its names statically (the harness cannot see the simulator): they are the provider's.
        assertThat(dev.llmbench.harness.settings.Settings.SIMULATOR_PERSONALITY.allowed())
                .isEqualTo(String.join(", ", new EmbeddedSimulatorProvider().personalityNames()));
    }

    @Test
    void llmbenchRunStartsTheSimulatorWithThePlansPersonality(@TempDir Path dir) throws Exception {
        // The openai personality refuses min_tokens, which a plan sends: every request is a 400, typed http_status.
        BenchmarkPlan plan = plan(BenchmarkPlan.builder().simulatorPersonality("openai").concurrency("1")
                .shape("16:4").requests(3).outputDirectory(dir));

        List<PlanRunner.Outcome> outcomes = PlanRunner.run(plan, line -> { });

        assertThat(outcomes).hasSize(1);
        BenchmarkResult r = ResultFiles.read(outcomes.get(0).file());
        assertThat(r.counts().succeeded()).isZero();
        assertThat(r.counts().failedByKind().get(FailureKind.HTTP_STATUS)).isEqualTo(3);
    }

    @Test
    void withMinTokensAndIgnoreEosOffARunAgainstTheOpenAiPersonalitySucceeds(@TempDir Path dir) throws Exception {
        BenchmarkPlan plan = plan(BenchmarkPlan.builder().simulatorPersonality("openai").sendMinTokens(false)
                .sendIgnoreEos(false).concurrency("2").shape("16:4").requests(6).outputDirectory(dir));

        BenchmarkResult r = ResultFiles.read(PlanRunner.run(plan, line -> { }).get(0).file());

        assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
        assertThat(r.counts().succeeded()).isEqualTo(6);
        assertThat(r.tokens().output()).isEqualTo(6 * 4);
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

    @Test
    void llmbenchRunWithASweepSearchesCapacityAndWritesTheStepAtIt(@TempDir Path dir) throws Exception {
        BenchmarkPlan plan = plan(BenchmarkPlan.builder().shape("16:4").requests(8)
                .slo("error_rate < 50%", "max_concurrency_meeting_slo >= 1")
                .set(dev.llmbench.harness.settings.Settings.SWEEP, "true")
                .set(dev.llmbench.harness.settings.Settings.SWEEP_MAX_CONCURRENCY, "4").outputDirectory(dir));
        List<String> log = new ArrayList<>();

        List<PlanRunner.Outcome> outcomes = PlanRunner.run(plan, log::add);

        assertThat(outcomes).singleElement().satisfies(o -> {
            BenchmarkResult r = ResultFiles.read(o.file());
            assertThat(r.name()).isEqualTo("adhoc-sweep-16x4");
            assertThat(r.counts().succeeded()).isEqualTo(8);
            // Every step met error_rate < 50%: the capacity is the maximum, and the step at it is the one written.
            assertThat(r.throughput().maxConcurrencyMeetingSlo()).isBetween(1, 4);
            assertThat(r.sloVerdicts()).extracting(v -> v.expression() + " " + v.passed())
                    .containsExactly("error_rate < 50% true", "max_concurrency_meeting_slo >= 1 true");
        });
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("adhoc-sweep-16x4: concurrency 1: SLOs met"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("adhoc-sweep-16x4: capacity "));
    }
}
