package dev.llmbench.maven;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanBuilder;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same settings, fed through the JUnit extension (as {@code junit-platform.properties}), {@code llmbench:run}
 * (as its parameters) and plain Java ({@link BenchmarkPlan#builder()}), make the same plan: names, loads, shapes,
 * bounds, SLOs, prices and defaults. (The plan's name prefix is {@code <class or @LlmBenchmark name>.<method>} in
 * JUnit; the other front-ends are given that name.)
 */
class OnePlanForEveryFrontEndIT {

    /** Run only through EngineTestKit below (Surefire and Failsafe skip nested classes). */
    @LlmBenchmark(name = "same")
    static class Fixture {
        @BenchmarkTest
        void run() {
        }
    }

    private static final String NAME = "same.run";

    @Test
    void theSameSettingsMakeTheSamePlanAndTwoTiersOfOneSizeWriteTwoFilesEach(@TempDir Path dir) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(Settings.CONCURRENCY.key(), "2,small");
        settings.put(Settings.SHAPE.key(), "16:4,chat");
        settings.put(Settings.REQUESTS.key(), "3");
        settings.put(Settings.SLO.key(), "error_rate < 1%; p99(ttft) < 30s");
        settings.put(Settings.OUTPUT_PRICE.key(), "0.6");
        settings.put(Settings.OUTPUT_DIRECTORY.key(), dir.resolve("junit").toString());

        String junit = junitPlan(settings);
        settings.put(Settings.OUTPUT_DIRECTORY.key(), dir.resolve("run").toString());
        RunMojo mojo = runMojo(settings);
        String run = mojo.settings() == null ? null : BenchmarkPlan.from(mojo.settings()).describe();
        String plainJava = plainJava(settings).build().describe();

        assertThat(withoutOutput(run)).isEqualTo(withoutOutput(junit)).isEqualTo(withoutOutput(plainJava));
        assertThat(run).contains("run same.run-small-c2-16x4: ", "run same.run-small-c2-chat: ",
                "run same.run-small-c2-16x4-3: ", "run same.run-small-c2-chat-4: ", "slos: error_rate < 1%; p99(ttft) < 30s",
                "bounds: 3 requests");

        mojo.execute(); // -Dllmbench.concurrency=2,small: every run writes its own file
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("same.run")).sorted()).containsExactly(
                    "same.run-small-c2-16x4-3.json", "same.run-small-c2-16x4.json",
                    "same.run-small-c2-chat-4.json", "same.run-small-c2-chat.json");
        }
        try (Stream<Path> files = Files.list(dir.resolve("junit"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("same.run"))).hasSize(4);
        }
    }

    @Test
    void theDefaultsAreTheSameEverywhere(@TempDir Path dir) {
        Map<String, String> settings = Map.of(Settings.OUTPUT_DIRECTORY.key(), dir.toString(), Settings.REQUESTS.key(), "1");

        String junit = junitPlan(settings);
        String run = BenchmarkPlan.from(runMojo(settings).settings()).describe();
        String plainJava = plainJava(settings).build().describe();

        assertThat(run).isEqualTo(junit).isEqualTo(plainJava)
                .contains("run same.run-c1-short-in-short-out: concurrency 1 (closed loop, 1 virtual user); short-in-short-out", "protocol: chat",
                        "target: embedded simulator (profile fast)");
    }

    /** The plan the extension made, as it publishes it with each invocation. */
    private static String junitPlan(Map<String, String> settings) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectClass(Fixture.class))
                .configurationParameters(settings)
                .execute();
        results.testEvents().assertStatistics(s -> s.failed(0));
        List<String> plans = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get("llmbench.plan"))
                .distinct().toList();
        assertThat(plans).hasSize(1);
        return plans.get(0);
    }

    private static RunMojo runMojo(Map<String, String> settings) {
        RunMojo m = new RunMojo();
        m.name = NAME;
        m.concurrency = settings.get(Settings.CONCURRENCY.key());
        m.shape = settings.get(Settings.SHAPE.key());
        m.requests = settings.get(Settings.REQUESTS.key());
        m.slo = settings.get(Settings.SLO.key());
        m.outputPricePerMillionTokens = settings.get(Settings.OUTPUT_PRICE.key());
        m.outputDirectory = settings.get(Settings.OUTPUT_DIRECTORY.key());
        return m;
    }

    private static PlanBuilder plainJava(Map<String, String> settings) {
        PlanBuilder b = BenchmarkPlan.builder().name(NAME);
        settings.forEach((k, v) -> b.set(Settings.byKey(k), v));
        return b;
    }

    private static String withoutOutput(String plan) {
        return plan.replaceAll("(?m)^output: .*\n", "");
    }
}
