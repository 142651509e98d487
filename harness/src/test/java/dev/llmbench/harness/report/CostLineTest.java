package dev.llmbench.harness.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's one-line cost summary: dollars without exponents, what was priced and where the prices came from. */
class CostLineTest {

    @Test
    void apiCostsReadAsDollarsPerRunRequestAndMillionOutputTokens() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("basis", "api");
        cost.put("pricing_source", "configured");
        cost.put("usd_per_run", 0.0123);
        cost.put("usd_per_request", 0.0000123);
        cost.put("usd_per_1k_output_tokens", 0.0006);
        cost.put("usd_per_good_request", 0.0000246);
        assertThat(ReportViewBuilder.costLine(cost)).isEqualTo("cost: $0.0123 for the run, $0.0000123 per request, $0.600 per 1M output "
                + "tokens, $0.0000246 per good request (api; configured)");
    }

    @Test
    void gpuCostsAlsoShowModelFlopsUtilisation() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("basis", "gpu");
        cost.put("pricing_source", "simulator profile fast (illustrative prices)");
        cost.put("usd_per_run", 2.5);
        cost.put("model_flops_utilisation", 0.0042);
        assertThat(ReportViewBuilder.costLine(cost)).isEqualTo("cost: $2.50 for the run, model FLOPs utilisation 0.42 % "
                + "(gpu; simulator profile fast (illustrative prices))");
    }
}
