package dev.llmbench.harness.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StatisticTest {

    @Test
    void readsPercentilesMeanStddevMinMaxAndAvgAsMean() {
        assertThat(Statistic.parse("p90")).isEqualTo(Statistic.percentile(90));
        assertThat(Statistic.parse("P99.90").id()).isEqualTo("p99.9");
        assertThat(Statistic.parse("p100").id()).isEqualTo("p100");
        assertThat(Statistic.parse("p0.1").id()).isEqualTo("p0.1");
        assertThat(Statistic.parse("mean")).isEqualTo(Statistic.MEAN);
        assertThat(Statistic.parse("AVG")).isEqualTo(Statistic.MEAN);
        assertThat(Statistic.parse("stddev")).isEqualTo(Statistic.STDDEV);
        assertThat(Statistic.parse("min")).isEqualTo(Statistic.MIN);
        assertThat(Statistic.parse("max")).isEqualTo(Statistic.MAX);
    }

    @Test
    void refusesWhatIsNotAStatisticAndListsWhatIs() {
        MetricSyntaxException median = catchThrowableOfType(() -> Statistic.parse("median"), MetricSyntaxException.class);
        assertThat(median.reason()).isEqualTo("unknown statistic 'median'");
        assertThat(median.allowed()).contains("p90", "mean", "stddev", "min", "max");
        for (String out : new String[]{"p0", "p101", "p100.1"}) {
            assertThat(catchThrowableOfType(() -> Statistic.parse(out), MetricSyntaxException.class).reason())
                    .isEqualTo("unknown statistic '" + out + "': a percentile must be above 0 and at most 100");
        }
    }

    @Test
    void takesItsValueFromASummaryInTheSummarysUnit() {
        Histogram h = new Histogram(3);
        for (long v = 1; v <= 100; v++) h.recordValue(v * 1000);
        Summary s = Summary.of(h, 0, Summary.MICROSECONDS);
        assertThat(Statistic.parse("p90").of(s)).isEqualTo(s.p90());
        assertThat(Statistic.MEAN.of(s)).isEqualTo(s.mean());
        assertThat(Statistic.STDDEV.of(s)).isEqualTo(s.stddev());
        assertThat(Statistic.MIN.of(s)).isEqualTo(s.min());
        assertThat(Statistic.MAX.of(s)).isEqualTo(s.max());
    }
}
