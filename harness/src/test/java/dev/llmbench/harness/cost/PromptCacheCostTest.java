package dev.llmbench.harness.cost;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenTotals;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Anthropic's prompt cache in the cost: input that was read from the cache is priced at the cached-input price, input
 * written to it at the cache-write price (1.25 × input unless set), the rest at the input price.
 */
class PromptCacheCostTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /**
     * One request whose Anthropic usage was input_tokens 100, cache_creation_input_tokens 1000,
     * cache_read_input_tokens 4000, output_tokens 500: 5100 input tokens in all (what the decoder reports).
     */
    private static Measurements oneCachedRequest() {
        Counts counts = new Counts(1, new EnumMap<>(FailureKind.class), 0);
        TokenTotals tokens = new TokenTotals(5100, 500, 4000, Map.of(), Map.of(), 0, null, null, 1000);
        return new Measurements(counts, tokens, Map.of(), SystemThroughput.of(START, START.plusSeconds(1), counts, tokens),
                new TimeSeries(START, List.of()), new Fidelity(0, 0, null, null), Map.of(),
                new RateLimits(0, 0, 0, List.of(), Map.of(), null), List.of());
    }

    @Test
    void cacheReadsAndWritesArePricedApartFromUncachedInput() {
        // $3 / $15 per 1M in/out, cache reads $0.30 (Claude Sonnet list prices); cache writes default to 1.25 × $3.
        Pricing sonnet = Pricing.api(3, 15).withCachedInput(0.30);
        CostFigures f = CostCalculator.figures(oneCachedRequest(), sonnet);

        double expected = 100 * 3e-6 + 4000 * 0.30e-6 + 1000 * 3.75e-6 + 500 * 15e-6;
        assertThat(expected).isCloseTo(0.01275, within(1e-12));
        assertThat(f.usdPerRun()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void aCacheWritePriceOfItsOwnReplacesTheDefault() {
        Pricing oneHourCache = Pricing.api(3, 15).withCachedInput(0.30).withCacheWrite(6);
        assertThat(oneHourCache.effectiveCacheWriteUsdPerMillionTokens()).isEqualTo(6);
        assertThat(Pricing.api(3, 15).effectiveCacheWriteUsdPerMillionTokens()).isEqualTo(3.75);

        CostFigures f = CostCalculator.figures(oneCachedRequest(), oneHourCache);
        assertThat(f.usdPerRun()).isCloseTo(100 * 3e-6 + 4000 * 0.30e-6 + 1000 * 6e-6 + 500 * 15e-6, within(1e-12));
    }
}
