package dev.llmbench.harness.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The cost of serving a model from first principles: what no server on this hardware can beat, beside what a run
 * measured. Immutable; the static methods are pure functions, safe from any thread.
 *
 * <p>The roofline, for a model of p active parameters and W weight bytes on g GPUs of F FLOP/s and BW bytes/s each:
 * <ul>
 *   <li>memory: the weights, W = total parameters × bytes per parameter; the fewest GPUs that hold them is
 *       ceil(W / GPU memory) (the KV cache and activations come on top, so this is a floor too);</li>
 *   <li>prefill of n input tokens: 2 · p · n / (F · g) seconds (compute-bound);</li>
 *   <li>one decode step for a batch of B sequences: max(W / (BW · g), 2 · p · B / (F · g)) seconds — every step reads
 *       all the weights once, and computes one token per sequence;</li>
 *   <li>$ per 1k output tokens at batch B: g × $/GPU-hour ÷ 3600 × 1000 × the floor seconds per output token,
 *       max(2 · p · (1 + in/out) / (F · g), W / (BW · g · B)), where in/out is the input tokens per output token: the
 *       whole run's FLOPs at peak, or its decode steps at full bandwidth, whichever takes longer. With no input tokens
 *       this is the decode-step floor ÷ B.</li>
 * </ul>
 * A run's efficiency is floor ÷ measured (1 = the roofline; a fraction below).
 *
 * @param gpu                          the GPU's catalog name
 * @param gpuCount                     GPUs serving one replica
 * @param fewestGpus                   the fewest such GPUs whose memory holds the weights; null when the GPU's memory is
 *                                     unknown
 * @param weightBytes                  the memory the weights need, bytes
 * @param batch                        sequences decoded together (B)
 * @param inputTokensPerRequest        input tokens of one request the floor assumes
 * @param outputTokensPerRequest       output tokens of one request the floor assumes (0: decode floor only)
 * @param prefillSeconds               the prefill floor of one request, seconds
 * @param decodeStepSeconds            the decode-step floor at batch B, seconds
 * @param usdPerHour                   the replica's price: GPUs × $/GPU-hour, US dollars per hour
 * @param usdPer1kOutputTokens         the floor, US dollars per 1000 output tokens
 * @param measuredUsdPer1kOutputTokens the run's measured GPU cost per 1000 output tokens, US dollars; null: not measured
 * @param efficiency                   floor ÷ measured, a fraction; null when not measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"gpu", "gpu_count", "fewest_gpus", "weight_bytes", "batch", "input_tokens_per_request",
        "output_tokens_per_request", "prefill_seconds", "decode_step_seconds", "usd_per_hour", "usd_per_1k_output_tokens",
        "measured_usd_per_1k_output_tokens", "efficiency"})
public record CostFloor(String gpu, int gpuCount, Integer fewestGpus, double weightBytes, double batch,
                        double inputTokensPerRequest, double outputTokensPerRequest, double prefillSeconds,
                        double decodeStepSeconds, double usdPerHour,
                        @JsonProperty("usd_per_1k_output_tokens") double usdPer1kOutputTokens,
                        @JsonProperty("measured_usd_per_1k_output_tokens") Double measuredUsdPer1kOutputTokens,
                        Double efficiency) {

    /**
     * The floor of {@code model} on {@code gpuCount} × {@code gpu} at {@code usdPerGpuHour}, decoding {@code batch}
     * sequences together, each of {@code inputTokensPerRequest} in and {@code outputTokensPerRequest} out (0 out: the
     * decode floor alone, prefill left out of the $ figure).
     */
    public static CostFloor of(ModelSize model, Gpu gpu, int gpuCount, double usdPerGpuHour, double batch,
                               double inputTokensPerRequest, double outputTokensPerRequest) {
        if (gpuCount < 1) throw new IllegalArgumentException("gpuCount must be >= 1, was " + gpuCount);
        if (!(batch >= 1) || Double.isInfinite(batch)) throw new IllegalArgumentException("batch must be >= 1, was " + batch);
        if (!(usdPerGpuHour >= 0)) throw new IllegalArgumentException("usdPerGpuHour must be >= 0, was " + usdPerGpuHour);
        if (!(inputTokensPerRequest >= 0) || !(outputTokensPerRequest >= 0)) {
            throw new IllegalArgumentException("tokens per request must be >= 0, were " + inputTokensPerRequest + " and "
                    + outputTokensPerRequest);
        }
        double flops = gpu.peakBf16FlopsPerSecond() * gpuCount;
        double bandwidth = gpu.memoryBandwidthBytesPerSecond() * gpuCount;
        double inputPerOutput = outputTokensPerRequest > 0 ? inputTokensPerRequest / outputTokensPerRequest : 0;
        double computeSecondsPerToken = model.forwardFlops(1 + inputPerOutput) / flops;
        double memorySecondsPerToken = model.weightBytes() / bandwidth / batch;
        double usdPerHour = usdPerGpuHour * gpuCount;
        double usdPer1k = usdPerHour / 3600.0 * 1000 * Math.max(computeSecondsPerToken, memorySecondsPerToken);
        return new CostFloor(gpu.name(), gpuCount, gpu.memoryKnown() ? fewestGpus(model, gpu) : null, model.weightBytes(),
                batch, inputTokensPerRequest, outputTokensPerRequest, prefillSeconds(model, gpu, gpuCount, inputTokensPerRequest),
                decodeStepSeconds(model, gpu, gpuCount, batch), usdPerHour, usdPer1k, null, null);
    }

    /** This floor beside a measured GPU cost ($ per 1000 output tokens): efficiency = floor ÷ measured. */
    public CostFloor withMeasured(Double measuredUsdPer1kOutputTokens) {
        Double eff = measuredUsdPer1kOutputTokens != null && measuredUsdPer1kOutputTokens > 0
                ? usdPer1kOutputTokens / measuredUsdPer1kOutputTokens : null;
        return new CostFloor(gpu, gpuCount, fewestGpus, weightBytes, batch, inputTokensPerRequest, outputTokensPerRequest,
                prefillSeconds, decodeStepSeconds, usdPerHour, usdPer1kOutputTokens, measuredUsdPer1kOutputTokens, eff);
    }

    /** The fewest {@code gpu}s whose memory holds {@code model}'s weights: ceil(weight bytes / memory). */
    public static int fewestGpus(ModelSize model, Gpu gpu) {
        if (!gpu.memoryKnown()) throw new IllegalArgumentException(gpu.name() + ": memory unknown");
        return (int) Math.ceil(model.weightBytes() / gpu.memoryBytes() - 1e-9);
    }

    /** The prefill floor: 2 · active parameters · input tokens ÷ (peak FLOP/s × GPUs), seconds. */
    public static double prefillSeconds(ModelSize model, Gpu gpu, int gpuCount, double inputTokens) {
        return model.forwardFlops(inputTokens) / (gpu.peakBf16FlopsPerSecond() * gpuCount);
    }

    /**
     * The decode-step floor at batch B: max(weight bytes ÷ (bandwidth × GPUs), 2 · active parameters · B ÷ (peak FLOP/s
     * × GPUs)), seconds.
     */
    public static double decodeStepSeconds(ModelSize model, Gpu gpu, int gpuCount, double batch) {
        return Math.max(model.weightBytes() / (gpu.memoryBandwidthBytesPerSecond() * gpuCount),
                model.forwardFlops(batch) / (gpu.peakBf16FlopsPerSecond() * gpuCount));
    }

    /**
     * The raw compute cost of 1000 tokens: 2 · active parameters · 1000 FLOPs at the GPU's peak, priced at
     * {@code usdPerGpuHour}; US dollars (the number of GPUs cancels out).
     */
    public static double computeUsdPer1kTokens(ModelSize model, Gpu gpu, double usdPerGpuHour) {
        return model.forwardFlops(1000) / gpu.peakBf16FlopsPerSecond() * usdPerGpuHour / 3600.0;
    }

    /** GPU-hours that {@code flops} take at {@code gpu}'s peak. */
    public static double gpuHoursAtPeak(double flops, Gpu gpu) {
        return flops / gpu.peakBf16FlopsPerSecond() / 3600.0;
    }
}
