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
}
