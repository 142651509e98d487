package dev.llmbench.harness.slo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SloSyntaxErrorTest {

    private static SloSyntaxException error(String expression) {
        SloSyntaxException e = catchThrowableOfType(() -> Objective.parse(expression), SloSyntaxException.class);
        assertThat(e).as("expected a syntax error for '%s'", expression).isNotNull();
        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        return e;
    }

    /** The caret line: the second line of the message, under the expression. */
    private static String caretLine(SloSyntaxException e) {
        return e.getMessage().split("\n")[2];
    }

    @Test
    void quotesTheExpressionPointsAtTheTokenAndListsWhatIsAllowed() {
        SloSyntaxException e = error("p101(ttft) < 800ms");
        assertThat(e.getMessage()).isEqualTo(
                "invalid SLO 'p101(ttft) < 800ms': unknown statistic 'p101': a percentile must be above 0 and at most 100\n"
                        + "    p101(ttft) < 800ms\n"
                        + "    ^^^^\n"
                        + "  allowed here: p50, p90, p95, p99, p99.9 (any pNN or pNN.N with 0 < NN <= 100), mean, min, max, stddev");
        assertThat(e.position()).isZero();
        assertThat(e.length()).isEqualTo(4);
        assertThat(e.expression()).isEqualTo("p101(ttft) < 800ms");
    }

    @Test
    void namesAnUnknownStatistic() {
        SloSyntaxException e = error("median(ttft) < 800ms");
        assertThat(e.reason()).isEqualTo("unknown statistic 'median'");
        assertThat(e.allowed()).contains("mean", "max", "min");
        assertThat(caretLine(e)).isEqualTo("    ^^^^^^");
    }

    @Test
    void listsTheMetricsForAnUnknownMetric() {
        SloSyntaxException e = error("p90(ttfb) < 800ms");
        assertThat(e.reason()).contains("unknown metric 'ttfb'");
        assertThat(e.position()).isEqualTo(4);
        assertThat(caretLine(e)).isEqualTo("        ^^^^");
        assertThat(e.allowed()).containsExactly("ttft", "ttfo", "e2e", "tpot", "itl", "queue_delay", "output_speed",
                "request_throughput");

        SloSyntaxException bare = error("latency < 800ms");
        assertThat(bare.position()).isZero();
        assertThat(bare.allowed()).contains("ttft", "error_rate", "goodput", "output_throughput", "request_rate",
                "cost_per_1k_output_tokens");
    }

    @Test
    void pointsAtTheEndWhenTheUnitIsMissing() {
        SloSyntaxException e = error("p90(ttft) < 800");
        assertThat(e.reason()).startsWith("missing unit after 800");
        assertThat(e.position()).isEqualTo(15);
        assertThat(caretLine(e)).isEqualTo("    " + " ".repeat(15) + "^");
        assertThat(e.allowed()).containsExactly("ns", "us", "µs", "ms", "s", "m");
        assertThat(error("output_throughput >= 500").allowed()).containsExactly("tok/s", "tokens/s");
        assertThat(error("goodput >= 2").allowed()).containsExactly("rps", "req/s");
    }

    @Test
    void refusesAUnitThatDoesNotFitTheMetric() {
        SloSyntaxException e = error("p90(ttft) < 5tok/s");
        assertThat(e.reason()).isEqualTo("unit 'tok/s' does not fit ttft, which is a duration");
        assertThat(e.position()).isEqualTo(13);
        assertThat(caretLine(e)).isEqualTo("    " + " ".repeat(13) + "^^^^^");
        assertThat(e.allowed()).contains("ms", "s");

        assertThat(error("error_rate < 1ms").allowed()).contains("%");
        assertThat(error("output_throughput >= 500rps").reason()).contains("does not fit output_throughput");
        assertThat(error("cost_per_request <= 2ms").reason()).contains("a cost in US dollars");
        assertThat(error("p90(ttft) < 800MS").reason()).contains("unit 'MS'");
    }

    @Test
    void asksForAComparator() {
        SloSyntaxException e = error("p90(ttft) 800ms");
        assertThat(e.reason()).isEqualTo("missing comparator before '800ms'");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.allowed()).containsExactly("<", "<=", ">", ">=");
        assertThat(error("p90(ttft)").reason()).isEqualTo("missing comparator and limit at the end");
    }

    @Test
    void refusesEquality() {
        SloSyntaxException e = error("p90(ttft) == 800ms");
        assertThat(e.reason()).startsWith("unsupported comparator '=='");
        assertThat(caretLine(e)).isEqualTo("              ^^");
        assertThat(e.allowed()).containsExactly("<", "<=", ">", ">=");
    }

    @Test
    void pointsAtTrailingGarbage() {
        SloSyntaxException e = error("p90(ttft) < 800ms and p99(ttft) < 2s");
        assertThat(e.reason()).startsWith("unexpected 'and p99(ttft) < 2s' after the limit");
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.length()).isEqualTo(18);
        assertThat(e.allowed()).containsExactly("end of the expression");
    }

    @Test
    void refusesAnEmptyOrNullExpression() {
        for (String empty : List.of("", "   ")) {
            SloSyntaxException e = error(empty);
            assertThat(e.reason()).startsWith("empty SLO expression");
            assertThat(e.allowed()).contains("ttft", "error_rate");
        }
        assertThat(error(null).reason()).isEqualTo("the SLO expression is null");
    }

    @Test
    void asksForAStatisticOnALatencyAndRefusesOneOnARunFigure() {
        SloSyntaxException bare = error("ttft < 800ms");
        assertThat(bare.reason()).isEqualTo("'ttft' needs a statistic, as in p90(ttft)");
        assertThat(bare.allowed()).contains("p90", "mean");

        SloSyntaxException onRate = error("p90(error_rate) < 1%");
        assertThat(onRate.reason()).contains("takes no statistic");
        assertThat(onRate.position()).isEqualTo(4);

        assertThat(error("p90 ttft < 800ms").reason()).contains("expected '(' after the statistic 'p90'");
        assertThat(error("p90(ttft < 800ms").reason()).contains("expected ')'");
        assertThat(error("ttft(p90) < 800ms").reason()).contains("is a metric, not a statistic");
    }

    @Test
    void checksTheLimit() {
        assertThat(error("error_rate < 5").reason()).contains("fraction in [0, 1]").contains("5%");
        assertThat(error("error_rate < 101%").reason()).contains("cannot exceed 100%");
        assertThat(error("p90(ttft) < -5ms").reason()).contains("must not be negative");
        assertThat(error("p90(ttft) < ms").reason()).contains("expected a number, found 'ms'");
        assertThat(error("p90(ttft) < ").reason()).contains("missing limit");
        assertThat(error("p90(ttft) < 1.2.3ms").reason()).contains("'1.2.3' is not a number");
        assertThat(error("p0(ttft) < 1ms").reason()).contains("unknown statistic 'p0'");
    }

    @Test
    void failsTheBuilderAtBuildTime() {
        SloSyntaxException e = catchThrowableOfType(() -> SloSet.parse("p90(ttft) < 800ms", "p90(ttft) < 5tok/s"),
                SloSyntaxException.class);
        assertThat(e.expression()).isEqualTo("p90(ttft) < 5tok/s");
    }
}
