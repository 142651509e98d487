package dev.llmbench.harness.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MetricRefTest {

    @Test
    void readsAStatisticOfADistributionMetricInCanonicalForm() {
        MetricRef r = MetricRef.parse(" P90.0( TTFT ) ");
        assertThat(r.metric()).isEqualTo(MetricName.TTFT);
        assertThat(r.statistic()).isEqualTo(Statistic.percentile(90));
        assertThat(r.id()).isEqualTo("p90(ttft)");
        assertThat(MetricRef.parse("p99.9(itl)").id()).isEqualTo("p99.9(itl)");
        assertThat(MetricRef.parse("stddev(e2e)").statistic()).isEqualTo(Statistic.STDDEV);
    }

    @Test
    void readsARunFigureAloneAndABareSpeedAsItsMean() {
        assertThat(MetricRef.parse("error_rate")).isEqualTo(new MetricRef(MetricName.ERROR_RATE, null));
        assertThat(MetricRef.parse("output_speed").id()).isEqualTo("mean(output_speed)");
        assertThat(MetricRef.parse("request_throughput").id()).isEqualTo("mean(request_throughput)");
    }

    @Test
    void aSelectorMayNameAWholeMetric() {
        MetricRef itl = MetricRef.parseSelector("itl");
        assertThat(itl.wholeMetric()).isTrue();
        assertThat(itl.id()).isEqualTo("itl");
        assertThat(MetricRef.parseSelector("output_speed").wholeMetric()).isTrue();
        assertThat(MetricRef.parseSelector("p90(itl)").wholeMetric()).isFalse();
    }

    @Test
    void pointsAtTheOffendingTokenAndListsWhatIsAllowed() {
        MetricSyntaxException e = catchThrowableOfType(() -> MetricRef.parse("p90(ttfb)"), MetricSyntaxException.class);
        assertThat(e.reason()).isEqualTo("unknown metric 'ttfb' for p90( )");
        assertThat(e.position()).isEqualTo(4);
        assertThat(e.length()).isEqualTo(4);
        assertThat(e.allowed()).isEqualTo(MetricName.distributionIds());
        assertThat(e.describe("unknown comparison metric")).isEqualTo(
                "unknown comparison metric 'p90(ttfb)': unknown metric 'ttfb' for p90( )\n"
                        + "    p90(ttfb)\n"
                        + "        ^^^^\n"
                        + "  allowed here: ttft, ttfo, e2e, tpot, itl, queue_delay, output_speed, request_throughput");

        MetricSyntaxException trailing = catchThrowableOfType(() -> MetricRef.parse("p90(ttft) extra"), MetricSyntaxException.class);
        assertThat(trailing.reason()).isEqualTo("unexpected 'extra' after p90(ttft)");
        assertThat(trailing.position()).isEqualTo(10);

        MetricSyntaxException bare = catchThrowableOfType(() -> MetricRef.parse("ttft"), MetricSyntaxException.class);
        assertThat(bare.reason()).isEqualTo("'ttft' needs a statistic, as in p90(ttft)");
        assertThat(bare.allowed()).isEqualTo(Statistic.ALLOWED);
    }

    @Test
    void translatesUnderscoreNamesThatCannotHoldParentheses() {
        assertThat(MetricRef.fromUnderscoreName("p99_itl")).isEqualTo("p99(itl)");
        assertThat(MetricRef.fromUnderscoreName("p99.9_e2e")).isEqualTo("p99.9(e2e)");
        assertThat(MetricRef.fromUnderscoreName("stddev_queue_delay")).isEqualTo("stddev(queue_delay)");
        assertThat(MetricRef.fromUnderscoreName("cost_per_1k_tokens")).isEqualTo("cost_per_1k_tokens");
        assertThat(MetricRef.fromUnderscoreName("latency_p90")).isEqualTo("latency_p90"); // left for the parser to refuse
    }
}
