package dev.llmbench.harness.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class NearestRankTest {

    @Test
    void theRankIsTheCeilingOfPTimesNOverAHundredAndAtLeastOne() {
        assertThat(NearestRank.rank(90, 100)).isEqualTo(90); // not 91: p is lowered by one ulp, as HdrHistogram does
        assertThat(NearestRank.rank(50, 1)).isEqualTo(1);
        assertThat(NearestRank.rank(50, 3)).isEqualTo(2);
        assertThat(NearestRank.rank(50, 4)).isEqualTo(2);
        assertThat(NearestRank.rank(99.9, 1000)).isEqualTo(999);
        assertThat(NearestRank.rank(100, 7)).isEqualTo(7);
        assertThat(NearestRank.rank(0, 7)).isEqualTo(1);
    }

    @Test
    void exactSamplesAndAHistogramAgreeOnEveryPercentile() {
        Random random = new Random(42);
        for (int n : new int[]{1, 2, 3, 10, 99, 1000}) {
            long[] values = new long[n];
            Histogram h = new Histogram(3);
            for (int i = 0; i < n; i++) {
                values[i] = 1 + random.nextInt(900); // below 1000: exact at 3 significant digits
                h.recordValue(values[i]);
            }
            Arrays.sort(values);
            for (double p : new double[]{0.1, 1, 10, 25, 50, 90, 95, 99, 99.9, 100}) {
                long exact = NearestRank.ofSorted(values, n, p);
                assertThat(exact).as("p%s of %s", p, n).isEqualTo(h.getValueAtPercentile(p));
                assertThat(NearestRank.valueAtRank(h, NearestRank.rank(p, n), false)).isEqualTo(exact);
            }
        }
    }
}
