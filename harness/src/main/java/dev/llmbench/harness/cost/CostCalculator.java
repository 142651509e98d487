package dev.llmbench.harness.cost;

import dev.llmbench.harness.metrics.Measurements;

/**
 * Turns a result's measured requests, token totals and wall time into cost figures (US dollars). Stateless.
 *
 * <p>The figures (a result's {@code cost()}), named so that the SLO {@code cost_X} reads {@code usd_X}:
 * <ul>
 *   <li>{@code basis}: {@code api} (tokens priced) or {@code gpu} (GPU time priced; used only when tokens are not);</li>
 *   <li>{@code usd_per_run}: the measured requests' cost: uncached input × input price + cached input (cache reads)
 *       × cached price + input written to the cache × cache-write price + output × output price; or GPU $/hour × GPUs
 *       × the measured window;</li>
 *   <li>{@code usd_per_request}: per measured request (failed ones included: they were paid for);</li>
 *   <li>{@code usd_per_1k_output_tokens}: run cost per 1000 output tokens;</li>
 *   <li>{@code usd_per_1k_tokens}: API: the blended list price per 1000 tokens, input and output weighted 3:1 as
 *       the provider leaderboards do; GPU: run cost per 1000 tokens in and out;</li>
 *   <li>{@code usd_per_good_request}: run cost per request that met every SLO (only when goodput was measured and
 *       at least one request was good);</li>
 *   <li>{@code gpu_usd_per_run}, {@code gpu_usd_per_1k_output_tokens}: the GPU figures too, when both parts are
 *       priced;</li>
 *   <li>{@code model_flops_utilisation}: 2 × active parameters × tokens per second / (peak FLOP/s × GPUs), when the
 *       model size and GPU peak are known (the forward pass costs about 2 FLOPs per parameter per token);</li>
 *   <li>{@code floor}: when GPU time is priced and the GPU and model are known, the {@link CostFloor} of this run —
 *       its input and output tokens per request, at a batch of the mean requests in flight (Little's law: requests/s ×
 *       mean E2E, at least 1) — beside the measured GPU cost per 1000 output tokens, and the efficiency between them.</li>
 * </ul>
 */
public final class CostCalculator {

    private CostCalculator() {
    }

    /** The cost figures of {@code result} under {@code pricing}; null when nothing is priced. */
    public static CostFigures figures(Measurements result, Pricing pricing) {
        if (pricing == null || (!pricing.pricesTokens() && !pricing.pricesGpuTime())) return null;
        long input = result.tokens().input();
        long cached = Math.min(result.tokens().cached(), input);
        long cacheWrite = Math.min(result.tokens().cacheWrite(), input - cached);
        long output = result.tokens().output();
        long measured = result.counts().measured();
        double windowSeconds = result.throughput().windowSeconds();

        double apiUsd = (input - cached - cacheWrite) * pricing.inputUsdPerMillionTokens() / 1e6
                + cached * pricing.effectiveCachedInputUsdPerMillionTokens() / 1e6
                + cacheWrite * pricing.effectiveCacheWriteUsdPerMillionTokens() / 1e6
                + output * pricing.outputUsdPerMillionTokens() / 1e6;
        double gpuUsd = pricing.gpuUsdPerHour() * pricing.gpuCount() * windowSeconds / 3600.0;
        boolean api = pricing.pricesTokens();
        double usd = api ? apiUsd : gpuUsd;

        Double perRequest = measured > 0 ? usd / measured : null;
        Double perKiloOutput = output > 0 ? usd / output * 1000.0 : null;
        Double perKilo = null;
        if (api) {
            perKilo = (Pricing.BLENDED_INPUT_SHARE * pricing.inputUsdPerMillionTokens()
                    + (1 - Pricing.BLENDED_INPUT_SHARE) * pricing.outputUsdPerMillionTokens()) / 1000.0;
        } else if (input + output > 0) {
            perKilo = usd / (input + output) * 1000.0;
        }
        Long good = result.throughput().goodRequests(); // a count: no rate × window rounding
        Double perGood = good != null && good > 0 ? usd / good : null;
        Double gpuRun = null;
        Double gpuPerKiloOutput = null;
        if (api && pricing.pricesGpuTime()) {
            gpuRun = gpuUsd;
            if (output > 0) gpuPerKiloOutput = gpuUsd / output * 1000.0;
        }
        Double mfu = null;
        if (pricing.modelParameters() > 0 && pricing.peakFlopsPerGpu() > 0 && pricing.gpuCount() > 0 && windowSeconds > 0) {
            double tokensPerSecond = (input + output) / windowSeconds;
            mfu = 2 * pricing.modelParameters() * tokensPerSecond / (pricing.peakFlopsPerGpu() * pricing.gpuCount());
        }
        CostFloor floor = null;
        if (pricing.hasFloor() && output > 0) {
            Double measuredGpuPerKiloOutput = api ? gpuPerKiloOutput : perKiloOutput;
            floor = floor(result, pricing).withMeasured(measuredGpuPerKiloOutput);
        }
        return new CostFigures(api ? "api" : "gpu", pricing.source(), usd, perRequest, perKiloOutput, perKilo, perGood,
                gpuRun, gpuPerKiloOutput, mfu, floor);
    }

    /** The floor of {@code result}'s workload (tokens per successful request, batch by Little's law) under {@code pricing}. */
    static CostFloor floor(Measurements result, Pricing pricing) {
        long requests = Math.max(1, result.counts().succeeded());
        double batch = 1;
        dev.llmbench.harness.metrics.Summary e2e = result.metrics().get(dev.llmbench.harness.metrics.MetricName.E2E.id());
        if (e2e != null && e2e.count() > 0) {
            double inFlight = result.throughput().requestsPerSecond() * e2e.mean() / 1e6; // mean E2E is in microseconds
            if (Double.isFinite(inFlight)) batch = Math.max(1, inFlight);
        }
        return CostFloor.of(pricing.model(), pricing.gpu(), pricing.gpuCount(), pricing.gpuUsdPerHour(), batch,
                (double) result.tokens().input() / requests, (double) result.tokens().output() / requests);
    }
}
