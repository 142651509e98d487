package dev.llmbench.harness.cost;

import java.util.Objects;

/**
 * What a run's tokens or GPU time cost, in US dollars. Either part may be absent (its figures are then 0 / unset):
 * <ul>
 *   <li>a priced API: $ per 1M input, cached-input (cache reads), cache-write and output tokens;</li>
 *   <li>self-hosted serving: $ per GPU-hour and the number of GPUs, and optionally the model's parameter count and one
 *       GPU's peak FLOP/s (for model FLOPs utilisation).</li>
 * </ul>
 * Immutable. Stored in a result's configuration ({@code configuration.pricing}) so merged results can be re-priced.
 *
 * @param inputUsdPerMillionTokens       $ per 1M input tokens (0: not priced)
 * @param cachedInputUsdPerMillionTokens $ per 1M cached input tokens; negative: same as input
 * @param outputUsdPerMillionTokens      $ per 1M output tokens (0: not priced)
 * @param gpuUsdPerHour                  $ per GPU-hour (0: not self-hosted)
 * @param gpuCount                       GPUs serving the model (with {@code gpuUsdPerHour})
 * @param modelParameters                parameters active per token (0: unknown), for model FLOPs utilisation
 * @param peakFlopsPerGpu                one GPU's dense peak FLOP/s (0: unknown), for model FLOPs utilisation
 * @param source                         where the prices came from, e.g. {@code configured} or
 *                                       {@code simulator profile fast (illustrative)}
 * @param cacheWriteUsdPerMillionTokens  $ per 1M input tokens written to the prompt cache (Anthropic's
 *                                       {@code cache_creation_input_tokens}); negative: {@link #CACHE_WRITE_INPUT_FACTOR}
 *                                       × the input price (Anthropic's price of a 5-minute cache write)
 * @param gpu                            the GPU serving the model, for the cost floor ({@link CostFloor}); null: unknown
 * @param model                          the model's size, for the cost floor; null: unknown
 */
public record Pricing(double inputUsdPerMillionTokens, double cachedInputUsdPerMillionTokens, double outputUsdPerMillionTokens,
                      double gpuUsdPerHour, int gpuCount, double modelParameters, double peakFlopsPerGpu, String source,
                      double cacheWriteUsdPerMillionTokens, Gpu gpu, ModelSize model) {

    /** A cache write costs this many times the input price unless priced apart (Anthropic, 5-minute cache, 2025). */
    public static final double CACHE_WRITE_INPUT_FACTOR = 1.25;

    /** Input and output tokens are weighted 3:1 in the blended price, as the provider leaderboards do. */
    public static final double BLENDED_INPUT_SHARE = 0.75;

    public Pricing {
        check("inputUsdPerMillionTokens", inputUsdPerMillionTokens, false);
        check("cachedInputUsdPerMillionTokens", cachedInputUsdPerMillionTokens, true);
        check("outputUsdPerMillionTokens", outputUsdPerMillionTokens, false);
        check("gpuUsdPerHour", gpuUsdPerHour, false);
        check("modelParameters", modelParameters, false);
        check("peakFlopsPerGpu", peakFlopsPerGpu, false);
        check("cacheWriteUsdPerMillionTokens", cacheWriteUsdPerMillionTokens, true);
        if (gpuCount < 0 || gpuCount > 100_000) throw new IllegalArgumentException("gpuCount must be 0..100000, was " + gpuCount);
        if (gpuUsdPerHour > 0 && gpuCount == 0) throw new IllegalArgumentException("gpuCount must be >= 1 when gpuUsdPerHour is set");
        source = source == null || source.isBlank() ? "configured" : source;
    }

    /** Prices without a cache-write price of their own ({@link #CACHE_WRITE_INPUT_FACTOR} × input) or a cost floor. */
    public Pricing(double inputUsdPerMillionTokens, double cachedInputUsdPerMillionTokens, double outputUsdPerMillionTokens,
                   double gpuUsdPerHour, int gpuCount, double modelParameters, double peakFlopsPerGpu, String source) {
        this(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour, gpuCount,
                modelParameters, peakFlopsPerGpu, source, -1, null, null);
    }

    /** Prices with a cache-write price ($ per 1M tokens; negative: {@link #CACHE_WRITE_INPUT_FACTOR} × input), no cost floor. */
    public Pricing(double inputUsdPerMillionTokens, double cachedInputUsdPerMillionTokens, double outputUsdPerMillionTokens,
                   double gpuUsdPerHour, int gpuCount, double modelParameters, double peakFlopsPerGpu, String source,
                   double cacheWriteUsdPerMillionTokens) {
        this(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour, gpuCount,
                modelParameters, peakFlopsPerGpu, source, cacheWriteUsdPerMillionTokens, null, null);
    }

    /** Prices with the GPU and model the cost floor needs, no cache-write price of their own. */
    public Pricing(double inputUsdPerMillionTokens, double cachedInputUsdPerMillionTokens, double outputUsdPerMillionTokens,
                   double gpuUsdPerHour, int gpuCount, double modelParameters, double peakFlopsPerGpu, String source,
                   Gpu gpu, ModelSize model) {
        this(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour, gpuCount,
                modelParameters, peakFlopsPerGpu, source, -1, gpu, model);
    }

    private static void check(String what, double v, boolean negativeMeansUnset) {
        if (Double.isNaN(v) || Double.isInfinite(v) || (v < 0 && !negativeMeansUnset)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, was " + v);
        }
    }

    /** A priced API: $ per 1M input and output tokens (cached input priced as input). */
    public static Pricing api(double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) {
        return new Pricing(inputUsdPerMillionTokens, -1, outputUsdPerMillionTokens, 0, 0, 0, 0, "configured");
    }

    /** Self-hosted serving: $ per GPU-hour × GPUs. */
    public static Pricing gpu(double usdPerGpuHour, int gpuCount) {
        return new Pricing(0, -1, 0, usdPerGpuHour, gpuCount, 0, 0, "configured");
    }

    /**
     * Illustrative list and GPU prices, e.g. of a simulator profile, so that runs without configured prices still show
     * what cost looks like; the source says {@code <what> (illustrative prices)}.
     */
    public static Pricing illustrative(double inputUsdPerMillionTokens, double outputUsdPerMillionTokens, double gpuUsdPerHour,
                                       int gpuCount, double activeParameters, double peakFlopsPerGpu, String what) {
        return new Pricing(inputUsdPerMillionTokens, -1, outputUsdPerMillionTokens, gpuUsdPerHour, gpuCount, activeParameters,
                peakFlopsPerGpu, what + " (illustrative prices)");
    }

    /** These prices with a cached-input price ($ per 1M tokens). */
    public Pricing withCachedInput(double usdPerMillionTokens) {
        return new Pricing(inputUsdPerMillionTokens, usdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour, gpuCount,
                modelParameters, peakFlopsPerGpu, source, cacheWriteUsdPerMillionTokens, gpu, model);
    }

    /** These prices with a cache-write price ($ per 1M tokens written to the prompt cache). */
    public Pricing withCacheWrite(double usdPerMillionTokens) {
        return new Pricing(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour,
                gpuCount, modelParameters, peakFlopsPerGpu, source, usdPerMillionTokens, gpu, model);
    }

    /** These prices with GPU-hour pricing added. */
    public Pricing withGpu(double usdPerGpuHour, int gpus) {
        return new Pricing(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, usdPerGpuHour,
                gpus, modelParameters, peakFlopsPerGpu, source, cacheWriteUsdPerMillionTokens, gpu, model);
    }

    /** These prices with the model size and GPU peak that model FLOPs utilisation needs. */
    public Pricing withHardware(double activeParameters, double peakFlopsPerGpu) {
        return new Pricing(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour,
                gpuCount, activeParameters, peakFlopsPerGpu, source, cacheWriteUsdPerMillionTokens, gpu, model);
    }

    /**
     * These prices with the GPU and model the cost floor needs ({@link CostFloor}); model FLOPs utilisation then uses the
     * model's active parameters and the GPU's peak.
     */
    public Pricing withServing(Gpu servingGpu, ModelSize servingModel) {
        return new Pricing(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour,
                gpuCount, servingModel == null ? modelParameters : servingModel.activeParameters(),
                servingGpu == null ? peakFlopsPerGpu : servingGpu.peakBf16FlopsPerSecond(), source, cacheWriteUsdPerMillionTokens, servingGpu, servingModel);
    }

    /** True when a cost floor can be computed: GPU time priced, the GPU and the model known. */
    public boolean hasFloor() {
        return pricesGpuTime() && gpu != null && model != null;
    }

    /** These prices, saying where they came from. */
    public Pricing withSource(String source) {
        return new Pricing(inputUsdPerMillionTokens, cachedInputUsdPerMillionTokens, outputUsdPerMillionTokens, gpuUsdPerHour,
                gpuCount, modelParameters, peakFlopsPerGpu, source, cacheWriteUsdPerMillionTokens, gpu, model);
    }

    /** True when tokens are priced (an API). */
    public boolean pricesTokens() {
        return inputUsdPerMillionTokens > 0 || outputUsdPerMillionTokens > 0;
    }

    /** True when GPU time is priced (self-hosted). */
    public boolean pricesGpuTime() {
        return gpuUsdPerHour > 0 && gpuCount > 0;
    }

    /** The cached-input price in effect ($ per 1M tokens). */
    public double effectiveCachedInputUsdPerMillionTokens() {
        return cachedInputUsdPerMillionTokens < 0 ? inputUsdPerMillionTokens : cachedInputUsdPerMillionTokens;
    }

    /** The cache-write price in effect ($ per 1M tokens). */
    public double effectiveCacheWriteUsdPerMillionTokens() {
        return cacheWriteUsdPerMillionTokens < 0 ? CACHE_WRITE_INPUT_FACTOR * inputUsdPerMillionTokens : cacheWriteUsdPerMillionTokens;
    }

    /** Setting: $ per 1M input tokens. */
    public static final String INPUT_KEY = "llmbench.inputPricePerMillionTokens";
    /** Setting: $ per 1M cached input tokens (default: the input price). */
    public static final String CACHED_INPUT_KEY = "llmbench.cachedInputPricePerMillionTokens";
    /** Setting: $ per 1M input tokens written to the prompt cache (default: 1.25 × the input price). */
    public static final String CACHE_WRITE_KEY = "llmbench.cacheWritePricePerMillionTokens";
    /** Setting: $ per 1M output tokens. */
    public static final String OUTPUT_KEY = "llmbench.outputPricePerMillionTokens";
    /** Setting: $ per GPU-hour of self-hosted serving. */
    public static final String GPU_HOUR_KEY = "llmbench.gpuPricePerHour";
    /** Setting: GPUs serving the model (default 1 when a GPU price is set). */
    public static final String GPU_COUNT_KEY = "llmbench.gpuCount";
    /** The settings {@link #fromSettings} reads, in order. */
    public static final java.util.List<String> KEYS = java.util.List.of(INPUT_KEY, CACHED_INPUT_KEY, CACHE_WRITE_KEY, OUTPUT_KEY, GPU_HOUR_KEY, GPU_COUNT_KEY);

}
