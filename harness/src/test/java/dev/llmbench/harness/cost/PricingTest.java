package dev.llmbench.harness.cost;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricingTest {

    @Test
    void pricingRoundTripsThroughAResultConfiguration() {
        Pricing p = Pricing.api(0.9, 1.8).withCachedInput(0.45).withGpu(2.0, 4).withHardware(70e9, 312e12).withSource("list price");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("pricing", Map.of("input_usd_per_million_tokens", 0.9, "cached_input_usd_per_million_tokens", 0.45,
                "output_usd_per_million_tokens", 1.8, "gpu_usd_per_hour", 2.0, "gpu_count", 4, "model_parameters", 70e9,
                "peak_flops_per_gpu", 312e12, "source", "list price"));
        assertThat(dev.llmbench.harness.result.BenchmarkConfiguration.fromPlainValues(config).pricing()).isEqualTo(p);
        assertThat(dev.llmbench.harness.result.BenchmarkConfiguration.fromPlainValues(Map.of()).pricing()).isNull();
    }

    @Test
    void cachedInputIsPricedAsInputUnlessGiven() {
        assertThat(Pricing.api(3, 15).effectiveCachedInputUsdPerMillionTokens()).isEqualTo(3);
        assertThat(Pricing.api(3, 15).withCachedInput(0.3).effectiveCachedInputUsdPerMillionTokens()).isEqualTo(0.3);
    }

    @Test
    void whatIsPricedIsTold() {
        assertThat(Pricing.api(1, 2).pricesTokens()).isTrue();
        assertThat(Pricing.api(1, 2).pricesGpuTime()).isFalse();
        assertThat(Pricing.gpu(2.5, 8).pricesGpuTime()).isTrue();
        assertThat(Pricing.gpu(2.5, 8).pricesTokens()).isFalse();
    }

    @Test
    void badPricesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Pricing.api(-1, 2)).hasMessageContaining("inputUsdPerMillionTokens");
        assertThatThrownBy(() -> Pricing.api(1, Double.NaN)).hasMessageContaining("outputUsdPerMillionTokens");
        assertThatThrownBy(() -> Pricing.gpu(2, 0)).hasMessageContaining("gpuCount");
        Map<String, Object> bad = Map.of("pricing", Map.of("input_usd_per_million_tokens", "cheap"));
        assertThatThrownBy(() -> dev.llmbench.harness.result.BenchmarkConfiguration.fromPlainValues(bad)).hasMessageContaining("input_usd_per_million_tokens");
    }

    @Test
    void settingsAsTextDescribeAPricingOrNone() {
        assertThat(Pricing.fromSettings(Map.of())).isNull();
        assertThat(Pricing.fromSettings(Map.of(Pricing.INPUT_KEY, " ", Pricing.OUTPUT_KEY, ""))).isNull();
        assertThat(Pricing.fromSettings(Map.of(Pricing.INPUT_KEY, "0.15", Pricing.OUTPUT_KEY, "$0.60")))
                .isEqualTo(Pricing.api(0.15, 0.60));
        assertThat(Pricing.fromSettings(Map.of(Pricing.GPU_HOUR_KEY, "2.5"))).isEqualTo(Pricing.gpu(2.5, 1));
        assertThat(Pricing.fromSettings(Map.of(Pricing.GPU_HOUR_KEY, "2.5", Pricing.GPU_COUNT_KEY, "8"))).isEqualTo(Pricing.gpu(2.5, 8));
        assertThat(Pricing.fromSettings(Map.of(Pricing.INPUT_KEY, "3", Pricing.OUTPUT_KEY, "15", Pricing.CACHED_INPUT_KEY, "0.3")))
                .isEqualTo(Pricing.api(3, 15).withCachedInput(0.3));
    }

    @Test
    void aBadSettingIsRefusedStartingWithItsKey() {
        assertThatThrownBy(() -> Pricing.fromSettings(Map.of(Pricing.OUTPUT_KEY, "cheap")))
                .hasMessageStartingWith(Pricing.OUTPUT_KEY + ": 'cheap' is not a price");
        assertThatThrownBy(() -> Pricing.fromSettings(Map.of(Pricing.INPUT_KEY, "-1")))
                .hasMessageStartingWith(Pricing.INPUT_KEY);
        assertThatThrownBy(() -> Pricing.fromSettings(Map.of(Pricing.GPU_HOUR_KEY, "2", Pricing.GPU_COUNT_KEY, "0")))
                .hasMessageStartingWith(Pricing.GPU_COUNT_KEY).hasMessageContaining("1..100000");
    }
}
