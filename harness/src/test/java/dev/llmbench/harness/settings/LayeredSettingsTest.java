package dev.llmbench.harness.settings;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which value wins, where it came from, and how a bad one is refused. */
class LayeredSettingsTest {

    private static SettingsLayer layer(String name, Map<String, String> values) {
        return SettingsLayer.builder(name).putAll(values, name).build();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }

    @Test
    void environmentBeatsSystemPropertiesBeatFrontEndLayersBeatDefaults() {
        Map<String, String> env = Map.of("LLMBENCH_MODEL", "env-model");
        LayeredSettings s = LayeredSettings.standard(env::get,
                props("llmbench.model", "prop-model", "llmbench.requests", "7"),
                List.of(layer("annotations", Map.of("llmbench.model", "a", "llmbench.requests", "3", "llmbench.protocol", "completions")),
                        layer("junit-platform.properties", Map.of("llmbench.protocol", "chat", "llmbench.warmupRequests", "2"))));

        assertThat(s.get(Settings.MODEL)).isEqualTo("env-model");
        assertThat(s.find(Settings.MODEL).orElseThrow().source()).isEqualTo("environment variable LLMBENCH_MODEL");
        assertThat(s.get(Settings.REQUESTS)).isEqualTo(7L);
        assertThat(s.find(Settings.REQUESTS).orElseThrow().source()).isEqualTo("system property -Dllmbench.requests");
        assertThat(s.get(Settings.PROTOCOL)).isEqualTo("completions");
        assertThat(s.get(Settings.WARMUP_REQUESTS)).isEqualTo(2L);
        assertThat(s.get(Settings.API_KEY_ENV)).isEqualTo("LLMBENCH_API_KEY");
        assertThat(s.find(Settings.API_KEY_ENV).orElseThrow().source()).isEqualTo("built-in default");
        assertThat(s.isSet(Settings.API_KEY_ENV)).isFalse();
        assertThat(s.get(Settings.TOKENIZER)).isNull();
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscoresForDotsAndCamelHumps() {
        assertThat(Settings.API_KEY_ENV.environmentName()).isEqualTo("LLMBENCH_API_KEY_ENV");
        assertThat(Settings.ENDPOINT.environmentName()).isEqualTo("LLMBENCH_ENDPOINT");
        assertThat(Settings.INPUT_PRICE.environmentName()).isEqualTo("LLMBENCH_INPUT_PRICE_PER_MILLION_TOKENS");
    }

    @Test
    void aBadValueNamesTheKeyItsSourceAndWhatIsAllowed() {
        LayeredSettings s = LayeredSettings.standard(k -> null, props("llmbench.requests", "ten", "llmbench.protocol", "grpc"), List.of());
        assertThatThrownBy(() -> s.get(Settings.REQUESTS)).isInstanceOf(SettingsException.class)
                .hasMessage("llmbench: llmbench.requests (system property -Dllmbench.requests): 'ten' is not a whole number; "
                        + "allowed: 0..100000000");
        assertThatThrownBy(() -> s.get(Settings.PROTOCOL))
                .hasMessage("llmbench: llmbench.protocol (system property -Dllmbench.protocol): 'grpc' is not allowed; "
                        + "allowed: " + String.join(", ", dev.llmbench.harness.endpoint.protocol.Protocol.NAMES));
    }

    @Test
    void anAnnotationSourceReadsOnItsOwn() {
        SettingsLayer a = SettingsLayer.builder("annotations")
                .put("llmbench.warmupRequests", "-3", "@Warmup(requests = -3) on ChatBenchmark").build();
        LayeredSettings s = LayeredSettings.of(List.of(a));
        assertThatThrownBy(() -> s.get(Settings.WARMUP_REQUESTS))
                .hasMessage("llmbench: @Warmup(requests = -3) on ChatBenchmark: -3 is out of range; allowed: 0..1000000");
    }

    @Test
    void aListTakesEveryValueOfTheHighestLayerThatSetsItEachWithItsSource() {
        SettingsLayer annotations = SettingsLayer.builder("annotations")
                .add("llmbench.slo", "p90(ttft) < 800ms", "@Slo on A")
                .add("llmbench.slo", "error_rate < 1%; mean(tpot) <= 40ms", "@Slo on A.chat()").build();
        SettingsLayer platform = layer("platform", Map.of("llmbench.slo", "p50(ttft) < 1s"));
        LayeredSettings s = LayeredSettings.of(List.of(annotations, platform));

        assertThat(s.list(Settings.SLO)).extracting(LayeredSettings.Item::text)
                .containsExactly("p90(ttft) < 800ms", "error_rate < 1%", "mean(tpot) <= 40ms");
        assertThat(s.list(Settings.SLO)).extracting(i -> i.from().source()).containsExactly("@Slo on A", "@Slo on A.chat()", "@Slo on A.chat()");
    }

    @Test
    void listsSplitOutsideParenthesesOnly() {
        LayeredSettings s = LayeredSettings.of(List.of(layer("x", Map.of("llmbench.slo", "p90(ttft) < 800ms, error_rate < 1%",
                "llmbench.concurrency", " 2, small ,, 50"))));
        assertThat(s.list(Settings.SLO)).extracting(LayeredSettings.Item::text).containsExactly("p90(ttft) < 800ms", "error_rate < 1%");
        assertThat(s.list(Settings.CONCURRENCY)).extracting(LayeredSettings.Item::text).containsExactly("2", "small", "50");
    }

    @Test
    void blankValuesCountAsUnset() {
        LayeredSettings s = LayeredSettings.standard(k -> "  ", props("llmbench.model", ""), List.of());
        assertThat(s.find(Settings.MODEL)).isEmpty();
    }

    @Test
    void undeclaredKeysAreListedSoFrontEndsCanWarnOfTypos() {
        LayeredSettings s = LayeredSettings.standard(k -> null, props("llmbench.concurency", "2", "llmbench.requests", "1"), List.of());
        assertThat(s.undeclared()).extracting(SettingValue::key).containsExactly("llmbench.concurency");
    }

    @Test
    void everyKeyIsDeclaredOnceWithDocumentation() {
        assertThat(Settings.all()).extracting(Setting::key).doesNotHaveDuplicates();
        assertThat(Settings.all()).allSatisfy(st -> assertThat(st.doc()).isNotBlank());
        assertThat(Settings.byKey("llmbench.shape")).isSameAs(Settings.SHAPE);
    }
}
