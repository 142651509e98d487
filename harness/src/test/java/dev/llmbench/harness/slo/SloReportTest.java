package dev.llmbench.harness.slo;

import dev.llmbench.harness.result.SloVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SloReportTest {

    private static final List<SloVerdict> VERDICTS = List.of(
            new SloVerdict("p90(ttft) < 800ms", "ttft", false, 912.3456, 800, "ms", 100, "p90 over 100 requests"),
            new SloVerdict("error_rate < 1%", "error_rate", true, 0.0, 1, "%", 100, "0 errors in 100 measured requests"),
            new SloVerdict("max(e2e) < 30s", "e2e", false, Double.POSITIVE_INFINITY, 30, "s", 100,
                    "max over 100 requests incl. 3 failed as +∞"),
            new SloVerdict("cost_per_1k_output_tokens <= 0.002", "cost_per_1k_output_tokens", false, Double.NaN, 0.002,
                    "USD", 100, "no pricing configured"),
            new SloVerdict("output_throughput >= 500tok/s", "output_throughput", true, 12345.678, 500, "tok/s", 100, ""));

    @Test
    void formatsVerdictsAsAFixedWidthTable() {
        assertThat(SloReport.table(VERDICTS)).isEqualTo(
                "SLO                                    measured      limit  verdict\n"
                        + "p90(ttft) < 800ms                      912.3 ms     800 ms  FAILED\n"
                        + "error_rate < 1%                          0.00 %        1 %  passed\n"
                        + "max(e2e) < 30s                             +∞ s       30 s  FAILED\n"
                        + "cost_per_1k_output_tokens <= 0.002          n/a  0.002 USD  FAILED\n"
                        + "output_throughput >= 500tok/s       12346 tok/s  500 tok/s  passed\n");
    }

    @Test
    void addsTheDetailsAsAFifthColumn() {
        String table = SloReport.tableWithDetails(VERDICTS.subList(0, 2));
        assertThat(table).isEqualTo(
                "SLO                measured   limit  verdict  detail\n"
                        + "p90(ttft) < 800ms  912.3 ms  800 ms  FAILED   p90 over 100 requests\n"
                        + "error_rate < 1%      0.00 %     1 %  passed   0 errors in 100 measured requests\n");
    }

    @Test
    void showsSmallValuesWithFourSignificantDigits() {
        SloVerdict v = new SloVerdict("mean(tpot) <= 40ms", "tpot", true, 0.0123456, 40, "ms", 5, "");
        assertThat(SloReport.measured(v)).isEqualTo("0.01235 ms");
        assertThat(SloReport.limit(v)).isEqualTo("40 ms");
    }

    @Test
    void printsOnlyTheHeaderForNoVerdicts() {
        assertThat(SloReport.table(List.of())).isEqualTo("SLO  measured  limit  verdict\n");
    }
}
