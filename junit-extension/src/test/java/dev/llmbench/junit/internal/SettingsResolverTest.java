package dev.llmbench.junit.internal;

import dev.llmbench.junit.ConfigurationKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The precedence: built-in defaults < junit-platform.properties < annotations < system properties < environment. */
class SettingsResolverTest {

    private final Map<String, String> platform = new HashMap<>();
    private final Map<String, SettingsResolver.Value> annotations = new HashMap<>();
    private final Map<String, String> sysprops = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private SettingsResolver resolver() {
        return new SettingsResolver(k -> Optional.ofNullable(platform.get(k)), annotations, sysprops::get, env::get);
    }

    private void annotate(String key, String value) {
        annotations.put(key, new SettingsResolver.Value(key, value, "@LlmBenchmark(x = \"" + value + "\") on Fixture"));
    }

    @Test
    void eachLayerOverridesTheOnesBelow() {
        String key = ConfigurationKeys.MODEL;
        assertThat(resolver().find(key)).isEmpty();

        platform.put(key, "from-properties");
        assertThat(resolver().find(key).orElseThrow().raw()).isEqualTo("from-properties");
        assertThat(resolver().find(key).orElseThrow().source()).contains("junit-platform.properties");

        annotate(key, "from-annotation");
        assertThat(resolver().find(key).orElseThrow().raw()).isEqualTo("from-annotation");

        sysprops.put(key, "from-sysprop");
        assertThat(resolver().find(key).orElseThrow().raw()).isEqualTo("from-sysprop");
        assertThat(resolver().find(key).orElseThrow().source()).isEqualTo("system property -Dllmbench.model");

        env.put("LLMBENCH_MODEL", "from-env");
        assertThat(resolver().find(key).orElseThrow().raw()).isEqualTo("from-env");
        assertThat(resolver().find(key).orElseThrow().source()).isEqualTo("environment variable LLMBENCH_MODEL");
    }

    @Test
    void builtInDefaultsAreTheLowestLayer() {
        BenchmarkSettings s = resolver().resolve();
        assertThat(s.simulated()).isTrue();
        assertThat(s.model()).isNull();
        assertThat(s.protocol()).isEqualTo("chat");
        assertThat(s.apiKeyEnv()).isEqualTo("LLMBENCH_API_KEY");
        assertThat(s.simulatorProfile()).isEqualTo("fast");
        assertThat(s.requests()).isEqualTo(ConfigurationKeys.DEFAULT_REQUESTS);
        assertThat(s.seconds()).isZero();
        assertThat(s.outputDirectory()).isEqualTo(Path.of("target/llmbench"));
        assertThat(s.progressSeconds()).isEqualTo(5.0);

        platform.put(ConfigurationKeys.PROGRESS_SECONDS, "2");
        platform.put(ConfigurationKeys.OUTPUT_DIRECTORY, "build/bench");
        assertThat(resolver().resolve().progressSeconds()).isEqualTo(2.0);
        assertThat(resolver().resolve().outputDirectory()).isEqualTo(Path.of("build/bench"));
    }

    @Test
    void aTokenizerIsLoadedFromItsSpecAndABadOneFailsNamingTheKeyAndWhatIsAccepted() {
        assertThat(resolver().resolve().tokenizer()).as("none unless configured").isNull();

        sysprops.put(ConfigurationKeys.TOKENIZER, "cl100k_base");
        assertThat(resolver().resolve().tokenizer().name()).contains("cl100k_base");
        assertThat(resolver().resolve().tokenizer().approximate()).isFalse();

        env.put("LLMBENCH_TOKENIZER", "no_such_encoding");
        assertThatThrownBy(() -> resolver().resolve())
                .hasMessageStartingWith("llmbench: llmbench.tokenizer (environment variable LLMBENCH_TOKENIZER)")
                .hasMessageContaining("no_such_encoding")
                .hasMessageContaining("o200k_base");
    }

    @Test
    void blankValuesAreUnsetAndDoNotHideLowerLayers() {
        platform.put(ConfigurationKeys.ENDPOINT, "http://127.0.0.1:8000");
        sysprops.put(ConfigurationKeys.ENDPOINT, "  ");
        env.put("LLMBENCH_ENDPOINT", "");
        assertThat(resolver().resolve().endpoint()).isEqualTo("http://127.0.0.1:8000");
    }

    @Test
    void simulatorKeywordSelectsTheEmbeddedSimulatorOverALowerEndpoint() {
        annotate(ConfigurationKeys.ENDPOINT, "http://10.0.0.1:8000");
        sysprops.put(ConfigurationKeys.ENDPOINT, "simulator");
        assertThat(resolver().resolve().simulated()).isTrue();
    }

    @Test
    void measurementBoundsResolveKeyByKeyAndTheDefaultOnlyAppliesWhenNeitherIsSet() {
        platform.put(ConfigurationKeys.SECONDS, "30");
        BenchmarkSettings s = resolver().resolve();
        assertThat(s.requests()).isZero();
        assertThat(s.seconds()).isEqualTo(30.0);

        annotate(ConfigurationKeys.REQUESTS, "5");
        s = resolver().resolve();
        assertThat(s.requests()).isEqualTo(5);
        assertThat(s.seconds()).isEqualTo(30.0);

        env.put("LLMBENCH_REQUESTS", "7");
        assertThat(resolver().resolve().requests()).isEqualTo(7);
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertThat(SettingsResolver.environmentName("llmbench.endpoint")).isEqualTo("LLMBENCH_ENDPOINT");
        assertThat(SettingsResolver.environmentName("llmbench.apiKeyEnv")).isEqualTo("LLMBENCH_API_KEY_ENV");
        assertThat(SettingsResolver.environmentName("llmbench.warmupRequests")).isEqualTo("LLMBENCH_WARMUP_REQUESTS");
        assertThat(SettingsResolver.environmentName("llmbench.outputDirectory")).isEqualTo("LLMBENCH_OUTPUT_DIRECTORY");
    }

    @Test
    void badValuesNameTheKeyTheSourceAndWhatIsAllowed() {
        sysprops.put(ConfigurationKeys.PROTOCOL, "grpc");
        assertThatThrownBy(() -> resolver().resolve()).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("llmbench: llmbench.protocol (system property -Dllmbench.protocol): unknown protocol 'grpc'; "
                        + "allowed: chat, completions");
        sysprops.clear();

        env.put("LLMBENCH_REQUESTS", "lots");
        assertThatThrownBy(() -> resolver().resolve())
                .hasMessageContaining("llmbench.requests (environment variable LLMBENCH_REQUESTS)")
                .hasMessageContaining("'lots' is not a whole number");
        env.clear();

        annotations.put(ConfigurationKeys.WARMUP_REQUESTS, new SettingsResolver.Value(ConfigurationKeys.WARMUP_REQUESTS,
                "-3", "@Warmup(requests = -3) on Fixture"));
        assertThatThrownBy(() -> resolver().resolve())
                .hasMessage("llmbench: @Warmup(requests = -3) on Fixture: must be >= 0, was -3");
        annotations.clear();

        platform.put(ConfigurationKeys.REQUESTS, "0");
        assertThatThrownBy(() -> resolver().resolve()).hasMessageContaining("a benchmark needs a bound");
    }
}
