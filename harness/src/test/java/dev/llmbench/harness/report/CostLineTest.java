package dev.llmbench.harness.report;

import dev.llmbench.harness.cost.CostFigures;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The report's one-line cost summary: dollars without exponents, what was priced and where the prices came from. */
class CostLineTest {

    @Test
    void apiCostsReadAsDollarsPerRunRequestAndMillionOutputTokens() {
        CostFigures cost = new CostFigures("api", "configured", 0.0123, 0.0000123, 0.0006, null, 0.0000246, null, null, null);
        assertThat(ReportViewBuilder.costLine(cost)).isEqualTo("cost: $0.0123 for the run, $0.0000123 per request, $0.600 per 1M output "
                + "tokens, $0.0000246 per good request (api; configured)");
    }

    @Test
    void gpuCostsAlsoShowModelFlopsUtilisation() {
        CostFigures cost = new CostFigures("gpu", "simulator profile fast (illustrative prices)", 2.5, null, null, null,
                null, null, null, 0.0042);
        assertThat(ReportViewBuilder.costLine(cost)).isEqualTo("cost: $2.50 for the run, model FLOPs utilisation 0.42 % "
                + "(gpu; simulator profile fast (illustrative prices))");
    }
}
