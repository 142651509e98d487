package dev.llmbench.harness.compare;

import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineComparisonTest {

    private static final CompareOptions OPTS = CompareOptions.defaults();

    private static ComparisonReport compare(TestResults now, TestResults old, CompareOptions o) {
        return BaselineComparison.compare(List.of(now.build()), List.of(old.build()), o);
    }

    private static Verdict verdict(ComparisonReport r, String metric) {
        return r.find(r.benchmarks().get(0), metric).verdict();
    }

    @Test
    void lowerIsBetterForLatencies() {
        assertThat(verdict(compare(TestResults.named("b").ttftUs(1200), TestResults.named("b").ttftUs(1000), OPTS), "p90(ttft)"))
                .isEqualTo(Verdict.WORSE);
        assertThat(verdict(compare(TestResults.named("b").ttftUs(800), TestResults.named("b").ttftUs(1000), OPTS), "p90(ttft)"))
                .isEqualTo(Verdict.BETTER);
        assertThat(verdict(compare(TestResults.named("b").ttftUs(1050), TestResults.named("b").ttftUs(1000), OPTS), "p90(ttft)"))
                .isEqualTo(Verdict.SAME);
    }

    @Test
    void higherIsBetterForThroughput() {
        assertThat(verdict(compare(TestResults.named("b").throughput(80), TestResults.named("b").throughput(100), OPTS), "output_throughput"))
                .isEqualTo(Verdict.WORSE);
        assertThat(verdict(compare(TestResults.named("b").throughput(120), TestResults.named("b").throughput(100), OPTS), "output_throughput"))
                .isEqualTo(Verdict.BETTER);
        assertThat(CompareMetric.parse("p50(output_speed)").higherIsBetter()).isTrue();
        assertThat(CompareMetric.parse("p50(e2e)").higherIsBetter()).isFalse();
    }

    @Test
    void aChangeOfExactlyTheToleranceIsSameAndJustBeyondItIsWorse() {
        assertThat(verdict(compare(TestResults.named("b").ttftUs(1100), TestResults.named("b").ttftUs(1000), OPTS), "p50(ttft)"))
                .isEqualTo(Verdict.SAME);
        assertThat(verdict(compare(TestResults.named("b").ttftUs(1101), TestResults.named("b").ttftUs(1000), OPTS), "p50(ttft)"))
                .isEqualTo(Verdict.WORSE);
        assertThat(verdict(compare(TestResults.named("b").throughput(90), TestResults.named("b").throughput(100), OPTS), "output_throughput"))
                .isEqualTo(Verdict.SAME);
        assertThat(verdict(compare(TestResults.named("b").throughput(89.9), TestResults.named("b").throughput(100), OPTS), "output_throughput"))
                .isEqualTo(Verdict.WORSE);
    }

    @Test
    void perMetricToleranceOverridesTheDefaultAndTheFullIdWinsOverTheBaseMetric() {
        CompareOptions o = OPTS.withMetricTolerance("ttft", 0.5).withMetricTolerance("p99(ttft)", 0.05);
        ComparisonReport r = compare(TestResults.named("b").ttftUs(1200), TestResults.named("b").ttftUs(1000), o);
        assertThat(verdict(r, "p50(ttft)")).isEqualTo(Verdict.SAME);
        assertThat(r.find("b", "p50(ttft)").tolerance()).isEqualTo(0.5);
        assertThat(verdict(r, "p99(ttft)")).isEqualTo(Verdict.WORSE);
        assertThat(verdict(compare(TestResults.named("b").ttftUs(1060), TestResults.named("b").ttftUs(1000),
                OPTS.withTolerance(0.05)), "p50(ttft)")).isEqualTo(Verdict.WORSE);
        assertThatThrownBy(() -> OPTS.withTolerance(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fewerSamplesThanTheMinimumGiveNoVerdict() {
        ComparisonReport r = compare(TestResults.named("b").requests(10).ttftUs(2000), TestResults.named("b").ttftUs(1000), OPTS);
        assertThat(verdict(r, "p90(ttft)")).isEqualTo(Verdict.NOT_ENOUGH_SAMPLES);
        assertThat(r.hasRegressions()).isFalse();
        assertThat(verdict(compare(TestResults.named("b").requests(10).ttftUs(2000), TestResults.named("b").ttftUs(1000),
                OPTS.withMinSamples(10)), "p90(ttft)")).isEqualTo(Verdict.WORSE);
    }

    @Test
    void newAndMissingBenchmarks() {
        ComparisonReport r = BaselineComparison.compare(List.of(TestResults.named("fresh").build()),
                List.of(TestResults.named("gone").build()), OPTS);
        assertThat(r.forBenchmark("fresh")).isNotEmpty().allMatch(c -> c.verdict() == Verdict.NEW);
        assertThat(r.forBenchmark("gone")).isNotEmpty().allMatch(c -> c.verdict() == Verdict.MISSING);
        assertThat(r.hasRegressions()).isFalse();
        assertThat(r.benchmarks()).containsExactly("fresh", "gone");
    }

    @Test
    void errorRateHasANoiseFloorOfHalfAPercentagePoint() {
        ComparisonReport small = compare(TestResults.named("b").requests(1000).errors(2), TestResults.named("b").requests(1000), OPTS);
        assertThat(verdict(small, "error_rate")).isEqualTo(Verdict.SAME);
        assertThat(small.find("b", "error_rate").change()).isEqualTo(Double.POSITIVE_INFINITY);
        ComparisonReport big = compare(TestResults.named("b").requests(1000).errors(50), TestResults.named("b").requests(1000), OPTS);
        assertThat(verdict(big, "error_rate")).isEqualTo(Verdict.WORSE);
        assertThat(big.failureMessage()).contains("b: error_rate 0.00 % -> 5.00 % (+∞%, tolerance 10%)");
    }

    @Test
    void theFailureMessageListsEveryRegressionWithOldValueNewValueAndChange() {
        MetricComparison c = new MetricComparison("chat-small", CompareMetric.parse("p90(ttft)"), 412.0, 530.5,
                (530.5 - 412.0) / 412.0, 0.10, 100, 100, Verdict.WORSE);
        assertThat(c.describe()).isEqualTo("chat-small: p90(ttft) 412.0 ms -> 530.5 ms (+28.8%, tolerance 10%)");

        BenchmarkResult oldA = TestResults.named("chat-small").ttftUs(1000).throughput(100).build();
        BenchmarkResult newA = TestResults.named("chat-small").ttftUs(1500).throughput(50).build();
        BenchmarkResult same = TestResults.named("chat-large").build();
        ComparisonReport r = BaselineComparison.compare(List.of(newA, same), List.of(oldA, same), OPTS);
        assertThat(r.regressions()).extracting(m -> m.metric().id())
                .containsExactly("p50(ttft)", "p90(ttft)", "p99(ttft)", "output_throughput"); // e2e 6.0 -> 6.5 ms is +8.3%
        assertThat(r.failureMessage()).startsWith("4 metrics regressed against the baseline:\n")
                .contains("\n  chat-small: p90(ttft) 1.00 ms -> 1.50 ms (+50.0%, tolerance 10%)")
                .contains("\n  chat-small: output_throughput 100.0 tok/s -> 50.0 tok/s (-50.0%, tolerance 10%)")
                .doesNotContain("chat-large");
        assertThat(BaselineComparison.compare(List.of(same), List.of(same), OPTS).failureMessage())
                .isEqualTo("no regressions against the baseline");
    }

    @Test
    void resultsSharingANameAreMatchedByModel() {
        BenchmarkResult a = TestResults.named("chat").model("alpha").ttftUs(1000).build();
        BenchmarkResult b = TestResults.named("chat").model("beta").ttftUs(1500).build();
        BenchmarkResult b2 = TestResults.named("chat").model("beta").url("http://other:1/v1").ttftUs(2000).build();
        ComparisonReport r = BaselineComparison.compare(List.of(b2, a), List.of(a, b), OPTS);
        assertThat(r.benchmarks()).containsExactly("chat [beta]", "chat [alpha]");
        assertThat(r.find("chat [beta]", "p50(ttft)").verdict()).isEqualTo(Verdict.WORSE);
        assertThat(r.find("chat [alpha]", "p50(ttft)").verdict()).isEqualTo(Verdict.SAME);
    }

    @Test
    void metricIdsParse() {
        assertThat(CompareMetric.parse("p99.9(e2e)").valueOf(TestResults.named("x").ttftUs(1000).tpotUs(100).build())).isEqualTo(2.0);
        assertThat(CompareMetric.parse("P90( TTFT )").id()).isEqualTo("p90(ttft)");
        assertThatThrownBy(() -> CompareMetric.parse("fastness")).hasMessageContaining("unknown comparison metric 'fastness'");
        assertThat(OPTS.metrics()).hasSize(14);
    }

    @Test
    void aSweepsCapacityThirtyPercentLowerIsARegressionAndTheSameCapacityIsSame() {
        BenchmarkResult ten = TestResults.named("chat-sweep").build().withMaxConcurrencyMeetingSlo(10);
        BenchmarkResult seven = TestResults.named("chat-sweep").build().withMaxConcurrencyMeetingSlo(7);

        ComparisonReport lower = BaselineComparison.compare(List.of(seven), List.of(ten), OPTS);
        assertThat(verdict(lower, "max_concurrency_meeting_slo")).isEqualTo(Verdict.WORSE);
        assertThat(lower.hasRegressions()).isTrue();
        assertThat(lower.failureMessage()).contains("max_concurrency_meeting_slo 10").contains("-> 7");

        ComparisonReport same = BaselineComparison.compare(List.of(TestResults.named("chat-sweep").build()
                .withMaxConcurrencyMeetingSlo(10)), List.of(ten), OPTS);
        assertThat(verdict(same, "max_concurrency_meeting_slo")).isEqualTo(Verdict.SAME);
        assertThat(same.hasRegressions()).isFalse();
    }

    @Test
    void resultsOfOrdinaryRunsAreNotComparedOnCapacity() {
        ComparisonReport r = compare(TestResults.named("b"), TestResults.named("b"), OPTS);
        assertThat(r.find(r.benchmarks().get(0), "max_concurrency_meeting_slo")).isNull();
    }
}
