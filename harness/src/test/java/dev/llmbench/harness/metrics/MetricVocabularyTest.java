package dev.llmbench.harness.metrics;

import dev.llmbench.harness.compare.CompareMetric;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.slo.Objective;
import dev.llmbench.harness.slo.SloSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SLO grammar, baseline comparisons, per-metric tolerance keys (also as Maven XML element names) and the metrics
 * recorder speak one vocabulary: the {@link MetricName} registry and the {@link Statistic} parser. Whatever one of
 * them accepts, the others accept with the same meaning; whatever one refuses, the others refuse for the same reason.
 */
class MetricVocabularyTest {

    private static final List<String> STATISTICS = List.of("p50", "p90", "p99.9", "p100", "mean", "avg", "stddev", "min", "max");

    /** A limit that fits the metric's unit, for an SLO expression. */
    private static String limit(MetricName m) {
        return switch (m.unit()) {
            case MICROSECONDS -> "800ms";
            case TOKENS_PER_SECOND -> "500tok/s";
            case REQUESTS_PER_SECOND -> "2rps";
            case RATIO -> "1%";
            case USD -> "0.002";
            case USERS -> "40";
        };
    }

    private static String toleranceKey(String text) {
        return CompareOptions.defaults().withMetricTolerance(text, 0.2).metricTolerances().keySet().iterator().next();
    }

    @ParameterizedTest
    @EnumSource(MetricName.class)
    void everyStatisticOfEveryDistributionMetricMeansTheSameInSlosComparisonsAndToleranceKeys(MetricName m) {
        if (!m.distribution()) return;
        for (String stat : STATISTICS) {
            String text = stat + "(" + m.id() + ")";
            MetricRef ref = MetricRef.parse(text);
            Objective slo = Objective.parse(text + " <= " + limit(m));
            assertThat(slo.metric()).isEqualTo(m.id());
            assertThat(slo.statistic()).isEqualTo(ref.statistic().id());
            assertThat(CompareMetric.parse(text).id()).isEqualTo(ref.id());
            assertThat(toleranceKey(text)).isEqualTo(ref.id());
            assertThat(toleranceKey(MetricRef.fromUnderscoreName(stat + "_" + m.id()))).as("XML name").isEqualTo(ref.id());
        }
    }

    @ParameterizedTest
    @EnumSource(MetricName.class)
    void everyMetricWrittenBareIsAcceptedOrRefusedAlikeBySlosAndComparisons(MetricName m) {
        SloSyntaxException sloError = catchThrowableOfType(() -> Objective.parse(m.id() + " <= " + limit(m)), SloSyntaxException.class);
        IllegalArgumentException compareError = catchThrowableOfType(() -> CompareMetric.parse(m.id()), IllegalArgumentException.class);
        if (m.distribution() && m.bareStatistic() == null) {
            assertThat(sloError).isNotNull();
            assertThat(compareError).isNotNull();
            assertThat(((MetricSyntaxException) compareError.getCause()).reason()).isEqualTo(sloError.reason());
        } else {
            assertThat(sloError).isNull();
            assertThat(compareError).isNull();
            Statistic bare = m.bareStatistic();
            assertThat(Objective.parse(m.id() + " <= " + limit(m)).statistic()).isEqualTo(bare == null ? null : bare.id());
            assertThat(CompareMetric.parse(m.id()).id()).isEqualTo(bare == null ? m.id() : bare.id() + "(" + m.id() + ")");
        }
        // A tolerance may name any metric on its own: for a distribution, all of its statistics.
        assertThat(toleranceKey(m.id().toUpperCase())).isEqualTo(m.id());
        assertThat(MetricRef.fromUnderscoreName(m.id())).isEqualTo(m.id());
    }

    @Test
    void avgIsAnotherSpellingOfMeanEverywhere() {
        assertThat(Objective.parse("avg(tpot) <= 40ms")).isEqualTo(Objective.parse("mean(tpot) <= 40ms"));
        assertThat(Objective.parse("avg(tpot) <= 40ms").statistic()).isEqualTo("mean");
        assertThat(CompareMetric.parse("avg(tpot)").id()).isEqualTo("mean(tpot)");
        assertThat(toleranceKey("avg(tpot)")).isEqualTo("mean(tpot)");
        assertThat(toleranceKey(MetricRef.fromUnderscoreName("avg_tpot"))).isEqualTo("mean(tpot)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttfb", "p90(ttfb)", "median(ttft)", "p101(ttft)", "p0(ttft)", "p90(error_rate)",
            "ttft(p90)", "p90 ttft", "p90(ttft", "p90()"})
    void whatOneRefusesTheOthersRefuseForTheSameReasonAtTheSameToken(String text) {
        SloSyntaxException slo = catchThrowableOfType(() -> Objective.parse(text + " < 1ms"), SloSyntaxException.class);
        IllegalArgumentException compare = catchThrowableOfType(() -> CompareMetric.parse(text), IllegalArgumentException.class);
        IllegalArgumentException tolerance = catchThrowableOfType(() -> toleranceKey(text), IllegalArgumentException.class);
        assertThat(slo).as(text).isNotNull();
        assertThat(compare).as(text).isNotNull();
        assertThat(tolerance).as(text).isNotNull();
        for (IllegalArgumentException e : List.of(compare, tolerance)) {
            MetricSyntaxException cause = (MetricSyntaxException) e.getCause();
            assertThat(cause.reason()).isEqualTo(slo.reason());
            // Past the end of the text the SLO goes on (" < 1ms"), so only a token inside it has the same position.
            if (slo.position() < text.length()) assertThat(cause.position()).isEqualTo(slo.position());
            assertThat(cause.allowed()).isEqualTo(slo.allowed());
            assertThat(e.getMessage()).contains("'" + text + "'").contains(slo.reason()).contains("allowed here: ");
        }
    }

    @Test
    void theRegistryNamesWhatEveryComponentKnows() {
        assertThat(Objective.metricNames()).isEqualTo(MetricName.ids());
        assertThat(CompareOptions.BASE_METRICS).isEqualTo(MetricName.ids());
        assertThat(MetricsRecorder.METRIC_NAMES).isEqualTo(MetricName.distributionIds());
        assertThat(new MetricsRecorder(0L).snapshot().metrics().keySet()).containsExactlyElementsOf(MetricName.distributionIds());
        for (MetricName m : MetricName.all()) {
            assertThat(MetricName.byId(m.id())).isSameAs(m);
            assertThat(m.description()).isNotBlank();
            assertThat(m.distribution()).isEqualTo(m.samples() != null);
        }
    }

    @Test
    void aComparisonTakesItsDirectionAndUnitFromTheRegistry() {
        for (MetricName m : MetricName.all()) {
            CompareMetric c = CompareMetric.parse(m.distribution() ? "p90(" + m.id() + ")" : m.id());
            assertThat(c.direction()).isEqualTo(m.direction());
            assertThat(c.unit()).isEqualTo(m.unit().displayUnit());
        }
        assertThat(MetricName.OUTPUT_SPEED.higherIsBetter()).isTrue();
        assertThat(MetricName.ERROR_RATE.higherIsBetter()).isFalse();
    }
}
