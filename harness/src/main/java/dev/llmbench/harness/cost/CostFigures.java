package dev.llmbench.harness.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost of one run in US dollars, as {@link CostCalculator} computes it and a result file records it
 * ({@code cost}). A figure that could not be computed (no output tokens, goodput not measured, no GPU price) is null.
 * The JSON names are those of the SLO grammar with {@code cost_} read as {@code usd_}: {@code cost_per_request}
 * judges {@code usd_per_request}.
 *
 * @param basis                    {@code api} (tokens priced) or {@code gpu} (GPU time priced)
 * @param pricingSource            where the prices came from, e.g. {@code configured}
 * @param usdPerRun                the measured requests' cost, USD
 * @param usdPerRequest            per measured request (failed ones included: they were paid for), USD
 * @param usdPer1kOutputTokens     run cost per 1000 output tokens, USD
 * @param usdPer1kTokens           API: blended list price per 1000 tokens (input:output 3:1); GPU: run cost per 1000
 *                                 tokens in and out; USD
 * @param usdPerGoodRequest        run cost per request that met every SLO, USD
 * @param gpuUsdPerRun             the GPU time's cost when both tokens and GPU time are priced, USD
 * @param gpuUsdPer1kOutputTokens  that per 1000 output tokens, USD
 * @param modelFlopsUtilisation    2 × parameters × tokens/s / (peak FLOP/s × GPUs), a fraction
 * @param floor                    the cost floor from first principles beside the measured GPU cost, when GPU time is
 *                                 priced and the GPU and model are known ({@link CostFloor}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"basis", "pricing_source", "usd_per_run", "usd_per_request", "usd_per_1k_output_tokens",
        "usd_per_1k_tokens", "usd_per_good_request", "gpu_usd_per_run", "gpu_usd_per_1k_output_tokens",
        "model_flops_utilisation", "floor"})
public record CostFigures(String basis, String pricingSource, Double usdPerRun, Double usdPerRequest,
                          @JsonProperty("usd_per_1k_output_tokens") Double usdPer1kOutputTokens,
                          @JsonProperty("usd_per_1k_tokens") Double usdPer1kTokens,
                          Double usdPerGoodRequest, Double gpuUsdPerRun,
                          @JsonProperty("gpu_usd_per_1k_output_tokens") Double gpuUsdPer1kOutputTokens,
                          Double modelFlopsUtilisation, CostFloor floor) {

    /** Figures without a cost floor. */
    public CostFigures(String basis, String pricingSource, Double usdPerRun, Double usdPerRequest, Double usdPer1kOutputTokens,
                       Double usdPer1kTokens, Double usdPerGoodRequest, Double gpuUsdPerRun, Double gpuUsdPer1kOutputTokens,
                       Double modelFlopsUtilisation) {
        this(basis, pricingSource, usdPerRun, usdPerRequest, usdPer1kOutputTokens, usdPer1kTokens, usdPerGoodRequest,
                gpuUsdPerRun, gpuUsdPer1kOutputTokens, modelFlopsUtilisation, null);
    }

    /** Only the run cost per 1000 output tokens (tests, hand-made results). */
    public static CostFigures perThousandOutputTokens(double usd) {
        return new CostFigures("api", null, null, null, usd, null, null, null, null, null);
    }

    /**
     * The figures that are present, by their file names in file order ({@code usd_per_run}, …), for tables that list
     * them all; the floor is not among them ({@link #floor()}).
     */
    public Map<String, Object> byName() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("basis", basis);
        m.put("pricing_source", pricingSource);
        m.put("usd_per_run", usdPerRun);
        m.put("usd_per_request", usdPerRequest);
        m.put("usd_per_1k_output_tokens", usdPer1kOutputTokens);
        m.put("usd_per_1k_tokens", usdPer1kTokens);
        m.put("usd_per_good_request", usdPerGoodRequest);
        m.put("gpu_usd_per_run", gpuUsdPerRun);
        m.put("gpu_usd_per_1k_output_tokens", gpuUsdPer1kOutputTokens);
        m.put("model_flops_utilisation", modelFlopsUtilisation);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    /**
     * The dollar figure a cost SLO judges: {@code cost_per_request} reads {@code usdPerRequest}, and so on
     * ({@code cost_X} reads {@code usd_X}); null when this run does not have it or no such figure exists.
     */
    public Double usdFigure(String sloMetric) {
        String key = sloMetric.startsWith("cost_") ? "usd_" + sloMetric.substring("cost_".length()) : sloMetric;
        return byName().get(key) instanceof Double d ? d : null;
    }
}
