package dev.llmbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenCountTest {

    @Test
    void a_fixed_count_is_always_the_same_and_draws_no_randomness() {
        TokenCount.Fixed fixed = TokenCount.fixed(128);
        SplittableRandom rnd = new SplittableRandom(1);
        assertThat(IntStream.range(0, 100).map(i -> fixed.sample(rnd))).containsOnly(128);
        assertThat(rnd.nextLong()).isEqualTo(new SplittableRandom(1).nextLong());
        assertThat(fixed.describe()).isEqualTo("128");
    }

    @Test
    void a_distribution_has_the_requested_mean_and_stddev_when_clipping_is_far_away() {
        TokenCount normal = TokenCount.normal(500, 50, 1, 10_000);
        int[] xs = samples(normal, 100_000, 3);
        assertThat(mean(xs)).isCloseTo(500, within(5.0));   // 1%
        assertThat(stddev(xs)).isCloseTo(50, within(1.5));  // 3%
    }

    @Test
    void a_distribution_is_clipped_to_min_and_max() {
        TokenCount normal = TokenCount.normal(100, 100, 90, 110);
        int[] xs = samples(normal, 100_000, 4);
        assertThat(IntStream.of(xs).min().orElseThrow()).isEqualTo(90);
        assertThat(IntStream.of(xs).max().orElseThrow()).isEqualTo(110);
        // clipped, not redrawn: about 46% of a N(100, 100) falls below 90, and as many above 110
        long atMin = IntStream.of(xs).filter(x -> x == 90).count();
        long atMax = IntStream.of(xs).filter(x -> x == 110).count();
        assertThat(atMin / 100_000.0).isCloseTo(0.46, within(0.02));
        assertThat(atMax / 100_000.0).isCloseTo(0.46, within(0.02));
        assertThat(mean(xs)).isCloseTo(100, within(1.0));
    }

    @Test
    void a_zero_stddev_gives_the_rounded_mean() {
        assertThat(samples(TokenCount.normal(99.6, 0, 1, 200), 100, 5)).containsOnly(100);
    }

    @Test
    void sampling_is_deterministic_under_a_seed() {
        TokenCount normal = TokenCount.normal(500, 200, 50, 950);
        assertThat(samples(normal, 1000, 9)).isEqualTo(samples(normal, 1000, 9));
        assertThat(samples(normal, 1000, 9)).isNotEqualTo(samples(normal, 1000, 10));
    }

    @Test
    void describes_a_distribution_with_its_bounds() {
        assertThat(TokenCount.normal(500, 200, 50, 950).describe()).isEqualTo("500±200 in [50, 950]");
    }

    @Test
    void validation_names_the_field_and_the_allowed_range() {
        assertThatThrownBy(() -> TokenCount.fixed(0)).hasMessage("tokens must be in [1, 10000000], was 0");
        assertThatThrownBy(() -> TokenCount.normal(10, 1, 0, 20)).hasMessage("min must be in [1, 10000000], was 0");
        assertThatThrownBy(() -> TokenCount.normal(10, 1, 20, 5)).hasMessage("max must be >= min (20), was 5");
        assertThatThrownBy(() -> TokenCount.normal(30, 1, 1, 20)).hasMessage("mean must be in [min, max] = [1, 20], was 30.0");
        assertThatThrownBy(() -> TokenCount.normal(10, -1, 1, 20)).hasMessage("stddev must be a finite number >= 0, was -1.0");
        assertThatThrownBy(() -> TokenCount.normal(10, Double.NaN, 1, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    static int[] samples(TokenCount count, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return IntStream.range(0, n).map(i -> count.sample(rnd)).toArray();
    }

    static double mean(int[] xs) {
        return IntStream.of(xs).average().orElseThrow();
    }

    static double stddev(int[] xs) {
        double m = mean(xs);
        return Math.sqrt(IntStream.of(xs).mapToDouble(x -> (x - m) * (x - m)).sum() / (xs.length - 1));
    }
}
