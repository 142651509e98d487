package dev.llmbench.harness.slo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SloParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "p90(ttft) < 800ms", "mean(tpot) <= 40ms", "max(e2e) < 30s", "p99.9(itl) < 100ms", "error_rate < 1%",
            "rate_limited_rate <= 0.5%", "output_throughput >= 500tok/s", "request_rate >= 2rps", "goodput >= 2rps",
            "output_speed >= 30tok/s", "p10(output_speed) >= 20tok/s", "cost_per_1k_output_tokens <= 0.002",
            "p50(ttfo) < 1s", "min(queue_delay) <= 5ms", "p95(tpot) < 50ms", "cost_per_request <= 0.01",
            "cost_per_1k_tokens <= 0.001", "cost_per_run < 5", "cost_per_good_request <= 0.02", "request_rate > 1.5req/s",
            "p99(e2e) < 2m", "p90(itl) < 500us", "p90(itl) < 500µs", "p90(ttft) < 800000000ns", "error_rate < 0.01"})
    void parsesEveryExampleAndKeepsTheExpressionAsWritten(String expression) {
        Objective slo = Objective.parse(expression);
        assertThat(slo.expression()).isEqualTo(expression);
        assertThat(slo.toString()).isEqualTo(expression);
        assertThat(Objective.metricNames()).contains(slo.metric());
    }

    @Test
    void splitsAPercentileSloIntoItsParts() {
        Objective slo = Objective.parse("p90(ttft) < 800ms");
        assertThat(slo.metric()).isEqualTo("ttft");
        assertThat(slo.statistic()).isEqualTo("p90");
        assertThat(slo.comparator()).isEqualTo("<");
        assertThat(slo.limit()).isEqualTo(800.0);
        assertThat(slo.unit()).isEqualTo("ms");
        assertThat(slo.perRequest()).isTrue();
    }

    @Test
    void keepsFractionalPercentiles() {
        assertThat(Objective.parse("p99.9(itl) < 100ms").statistic()).isEqualTo("p99.9");
        assertThat(Objective.parse("p100(e2e) < 1s").statistic()).isEqualTo("p100");
    }

    @Test
    void showsRatesInPercentWhetherWrittenAsPercentOrFraction() {
        Objective percent = Objective.parse("rate_limited_rate <= 0.5%");
        assertThat(percent.limit()).isEqualTo(0.5);
        assertThat(percent.unit()).isEqualTo("%");
        Objective fraction = Objective.parse("error_rate < 0.01");
        assertThat(fraction.limit()).isEqualTo(1.0);
        assertThat(fraction.unit()).isEqualTo("%");
        assertThat(fraction).isEqualTo(Objective.parse("error_rate < 1%"));
        assertThat(fraction.perRequest()).isFalse();
        assertThat(fraction.statistic()).isNull();
    }

    @Test
    void readsThroughputRequestRateAndCostUnits() {
        assertThat(Objective.parse("output_throughput >= 500tok/s").unit()).isEqualTo("tok/s");
        assertThat(Objective.parse("output_throughput >= 500 tokens/s").unit()).isEqualTo("tok/s");
        assertThat(Objective.parse("goodput >= 2rps").unit()).isEqualTo("rps");
        assertThat(Objective.parse("request_rate >= 2req/s").unit()).isEqualTo("req/s");
        Objective cost = Objective.parse("cost_per_1k_output_tokens <= 0.002");
        assertThat(cost.limit()).isEqualTo(0.002);
        assertThat(cost.unit()).isEqualTo("USD");
        assertThat(cost.comparator()).isEqualTo("<=");
    }

    @Test
    void takesBareOutputSpeedAsItsMean() {
        Objective bare = Objective.parse("output_speed >= 30tok/s");
        assertThat(bare.statistic()).isEqualTo("mean");
        assertThat(bare).isEqualTo(Objective.parse("mean(output_speed) >= 30tok/s"));
        assertThat(Objective.parse("p10(output_speed) >= 20tok/s").statistic()).isEqualTo("p10");
    }

    @Test
    void ignoresWhitespaceAndCaseOfNamesAndComparesMeaning() {
        Objective a = Objective.parse("p90(ttft) < 800ms");
        assertThat(Objective.parse("  p90( ttft )<800 ms ")).isEqualTo(a);
        assertThat(Objective.parse("P90(TTFT) < 800ms")).isEqualTo(a);
        assertThat(Objective.parse("p90(ttft) < 0.8s")).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(Objective.parse("p90(ttft) <= 800ms")).isNotEqualTo(a);
        assertThat(Objective.parse("  p90( ttft )<800 ms ").expression()).isEqualTo("p90( ttft )<800 ms");
    }

    @Test
    void convertsEveryDurationUnit() {
        assertThat(Objective.parse("p90(ttft) < 1500us").unit()).isEqualTo("us");
        assertThat(Objective.parse("p90(ttft) < 1500μs").unit()).isEqualTo("µs"); // Greek mu shown as the micro sign
        assertThat(Objective.parse("p90(ttft) < 2m")).isEqualTo(Objective.parse("p90(ttft) < 120s"));
        assertThat(Objective.parse("p90(ttft) < 1500000ns")).isEqualTo(Objective.parse("p90(ttft) < 1.5ms"));
        assertThat(Objective.parse("p90(ttft) < 1e3ms")).isEqualTo(Objective.parse("p90(ttft) < 1s"));
    }

    @Test
    void acceptsTheFourComparatorsAndTheirUnicodeForms() {
        assertThat(Objective.parse("max(e2e) < 30s").comparator()).isEqualTo("<");
        assertThat(Objective.parse("max(e2e) <= 30s").comparator()).isEqualTo("<=");
        assertThat(Objective.parse("goodput > 2rps").comparator()).isEqualTo(">");
        assertThat(Objective.parse("goodput >= 2rps").comparator()).isEqualTo(">=");
        assertThat(Objective.parse("max(e2e) ≤ 30s").comparator()).isEqualTo("<=");
        assertThat(Objective.parse("goodput ≥ 2rps").comparator()).isEqualTo(">=");
    }

    @Test
    void parsesASetInOrder() {
        SloSet set = SloSet.parse("p90(ttft) < 800ms", "error_rate < 1%");
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.slos()).extracting(Objective::metric).containsExactly("ttft", "error_rate");
        assertThat(SloSet.empty().isEmpty()).isTrue();
    }
}
