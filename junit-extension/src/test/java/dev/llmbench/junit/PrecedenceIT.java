package dev.llmbench.junit;

import dev.llmbench.harness.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration precedence on a real engine run: junit-platform.properties (and other configuration parameters)
 * &lt; annotations &lt; system properties. (The environment layer, above system properties, is covered by
 * LayeredSettingsTest in the harness: a test cannot set its own process's environment.)
 */
class PrecedenceIT {

    @TestKitOnly
    @LlmBenchmark
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class NothingSet {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(model = "annotated-model")
    @Measurement(requests = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class Annotated {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(model = "class-model")
    @Measurement(requests = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class MethodOverridesClass {
        @BenchmarkTest
        @LlmBenchmark(model = "method-model")
        @Measurement(requests = 1)
        void chat() {
        }
    }

    private static final Map<String, String> PROPERTIES = Map.of(
            Settings.MODEL.key(), "properties-model",
            Settings.REQUESTS.key(), "3");

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty(Settings.MODEL.key());
        System.clearProperty(Settings.REQUESTS.key());
    }

    private static Map<String, String> onlyEntry(EngineExecutionResults results) {
        assertThat(Kit.failureMessages(results)).isEmpty();
        assertThat(Kit.reportEntries(results)).hasSize(1);
        return Kit.reportEntries(results).get(0);
    }

    @Test
    void builtInDefaultsAndTheJunitPlatformPropertiesFile() {
        Map<String, String> e = onlyEntry(Kit.run(NothingSet.class));
        assertThat(e).containsEntry("llmbench.model", "fast-sim-0.5b")       // built-in: the simulator profile's model
                .containsEntry("llmbench.requests", Long.toString(dev.llmbench.harness.plan.BenchmarkPlan.DEFAULT_REQUESTS));
        // src/test/resources/junit-platform.properties sets llmbench.outputDirectory=target/llmbench-it
        assertThat(Path.of(e.get("llmbench.resultFile"))).hasParent(Path.of("target/llmbench-it").toAbsolutePath());
    }

    @Test
    void configurationParametersApplyWhenNothingHigherSetsTheKey() {
        Map<String, String> e = onlyEntry(Kit.run(PROPERTIES, NothingSet.class));
        assertThat(e).containsEntry("llmbench.model", "properties-model").containsEntry("llmbench.requests", "3");
    }

    @Test
    void annotationsBeatConfigurationParameters() {
        Map<String, String> e = onlyEntry(Kit.run(PROPERTIES, Annotated.class));
        assertThat(e).containsEntry("llmbench.model", "annotated-model").containsEntry("llmbench.requests", "2");
    }

    @Test
    void aMethodsAnnotationBeatsItsClasss() {
        Map<String, String> e = onlyEntry(Kit.run(PROPERTIES, MethodOverridesClass.class));
        assertThat(e).containsEntry("llmbench.model", "method-model").containsEntry("llmbench.requests", "1");
    }

    @Test
    void systemPropertiesBeatAnnotationsAndConfigurationParameters() {
        System.setProperty(Settings.MODEL.key(), "sysprop-model");
        System.setProperty(Settings.REQUESTS.key(), "1");
        Map<String, String> e = onlyEntry(Kit.run(PROPERTIES, Annotated.class));
        assertThat(e).containsEntry("llmbench.model", "sysprop-model").containsEntry("llmbench.requests", "1");
    }
}
