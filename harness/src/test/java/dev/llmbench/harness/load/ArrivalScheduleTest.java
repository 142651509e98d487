package dev.llmbench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The intended send offsets of open-loop models. Statistical checks use fixed seeds and sample sizes large
 * enough that the tolerances sit many standard errors away from the expected value (so they cannot flake),
 * yet close enough to catch a wrong formula (a mean off by the burstiness factor, a CV of sqrt(b) instead
 * of 1/sqrt(b), a rate in the wrong unit).
 */
class ArrivalScheduleTest {

    private static final double NANOS = 1e9;

    /** Gaps between consecutive offsets of the first n+1 offsets. */
    private static double[] gaps(ArrivalSchedule schedule, int n) {
        long previous = schedule.nextOffsetNanos();
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            long next = schedule.nextOffsetNanos();
            gaps[i] = next - previous;
            previous = next;
        }
        return gaps;
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) sum += x;
        return sum / xs.length;
    }

    private static double coefficientOfVariation(double[] xs) {
        double m = mean(xs);
        double sq = 0;
        for (double x : xs) sq += (x - m) * (x - m);
        return Math.sqrt(sq / (xs.length - 1)) / m;
    }

    static Stream<LoadModel.OpenLoop> openLoopModels() {
        return Stream.of(
                LoadModel.arrivalRate(10, ArrivalProcess.CONSTANT),
                LoadModel.arrivalRate(10, ArrivalProcess.POISSON),
                LoadModel.arrivalRate(10, ArrivalProcess.gamma(0.25)),
                LoadModel.arrivalRate(10, ArrivalProcess.gamma(0.01)),
                LoadModel.arrivalRate(10, ArrivalProcess.gamma(4)),
                LoadModel.burst(5, 3, Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @MethodSource("openLoopModels")
    void the_first_request_goes_at_the_run_start(LoadModel.OpenLoop model) {
        assertThat(model.schedule(1).nextOffsetNanos()).isZero();
    }

    @ParameterizedTest
    @MethodSource("openLoopModels")
    void offsets_never_decrease(LoadModel.OpenLoop model) {
        ArrivalSchedule schedule = model.schedule(42);
        long previous = schedule.nextOffsetNanos();
        for (int i = 0; i < 50_000; i++) {
            long next = schedule.nextOffsetNanos();
            assertThat(next).isGreaterThanOrEqualTo(previous);
            previous = next;
        }
    }

    @Nested
    @DisplayName("constant rate")
    class ConstantRate {
        @Test
        void gives_exactly_evenly_spaced_offsets() {
            long[] offsets = LoadModel.arrivalRate(10, ArrivalProcess.CONSTANT).schedule(7).next(10_000);
            for (int i = 0; i < offsets.length; i++) {
                assertThat(offsets[i]).isEqualTo(i * 100_000_000L);
            }
        }

        @Test
        void does_not_accumulate_rounding_error_when_the_period_is_not_a_whole_number_of_nanoseconds() {
            long[] offsets = LoadModel.arrivalRate(3, ArrivalProcess.CONSTANT).schedule(7).next(300_001);
            assertThat(offsets[3]).isEqualTo(1_000_000_000L);
            assertThat(offsets[300_000]).isEqualTo(100_000_000_000_000L); // 100,000 s
            for (int i = 1; i < offsets.length; i++) {
                assertThat(offsets[i] - offsets[i - 1]).isBetween(333_333_333L, 333_333_334L);
            }
        }

        @Test
        void ignores_the_seed() {
            var model = LoadModel.arrivalRate(7.5, ArrivalProcess.CONSTANT);
            assertThat(model.schedule(1).next(1000)).isEqualTo(model.schedule(2).next(1000));
        }
    }

    @Nested
    @DisplayName("Poisson arrivals")
    class PoissonArrivals {
        private final double rate = 20.0;
        private final double[] gaps = gaps(LoadModel.arrivalRate(rate, ArrivalProcess.POISSON).schedule(12345), 100_000);

        @Test
        void have_mean_inter_arrival_time_one_over_the_rate() {
            assertThat(mean(gaps)).isCloseTo(NANOS / rate, within(0.03 * NANOS / rate));
        }

        @Test
        void have_coefficient_of_variation_one() {
            assertThat(coefficientOfVariation(gaps)).isCloseTo(1.0, within(0.03));
        }

        @Test
        void have_exponential_gaps_a_gap_exceeds_the_mean_with_probability_one_over_e() {
            double meanGap = NANOS / rate;
            long above = java.util.Arrays.stream(gaps).filter(g -> g > meanGap).count();
            assertThat(above / (double) gaps.length).isCloseTo(Math.exp(-1), within(0.01));
        }

        @Test
        void deliver_the_requested_rate_over_a_long_run() {
            long[] offsets = LoadModel.arrivalRate(rate, ArrivalProcess.POISSON).schedule(99).next(100_001);
            double seconds = offsets[100_000] / NANOS;
            assertThat(100_000 / seconds).isCloseTo(rate, within(0.03 * rate));
        }
    }

    @Nested
    @DisplayName("gamma arrivals (vLLM convention: shape = burstiness, scale = 1/(rate·burstiness))")
    class GammaArrivals {
        @ParameterizedTest(name = "burstiness {0}")
        @ValueSource(doubles = {0.25, 1.0, 4.0})
        void keep_the_mean_inter_arrival_time_at_one_over_the_rate(double burstiness) {
            double rate = 8.0;
            double[] gaps = gaps(LoadModel.arrivalRate(rate, ArrivalProcess.gamma(burstiness)).schedule(2024), 400_000);
            assertThat(mean(gaps)).isCloseTo(NANOS / rate, within(0.03 * NANOS / rate));
        }

        @ParameterizedTest(name = "burstiness {0}")
        @ValueSource(doubles = {0.25, 1.0, 4.0})
        void have_coefficient_of_variation_one_over_sqrt_burstiness(double burstiness) {
            double[] gaps = gaps(LoadModel.arrivalRate(8.0, ArrivalProcess.gamma(burstiness)).schedule(2025), 400_000);
            double expected = 1.0 / Math.sqrt(burstiness);
            assertThat(coefficientOfVariation(gaps)).isCloseTo(expected, within(0.03 * expected));
        }

        @Test
        void with_burstiness_one_behave_like_poisson() {
            double[] gaps = gaps(LoadModel.arrivalRate(5, ArrivalProcess.gamma(1.0)).schedule(3), 100_000);
            long above = java.util.Arrays.stream(gaps).filter(g -> g > NANOS / 5).count();
            assertThat(above / (double) gaps.length).isCloseTo(Math.exp(-1), within(0.01));
        }
    }

    @Nested
    @DisplayName("seeding")
    class Seeding {
        @ParameterizedTest
        @ValueSource(strings = {"poisson", "gamma:0.5", "gamma:3"})
        void the_same_seed_gives_the_identical_schedule(String process) {
            var model = LoadModel.arrivalRate(50, ArrivalProcess.parse(process));
            assertThat(model.schedule(77).next(10_000)).isEqualTo(model.schedule(77).next(10_000));
        }

        @ParameterizedTest
        @ValueSource(strings = {"poisson", "gamma:0.5", "gamma:3"})
        void a_different_seed_gives_a_different_schedule(String process) {
            var model = LoadModel.arrivalRate(50, ArrivalProcess.parse(process));
            long[] a = model.schedule(77).next(1000);
            long[] b = model.schedule(78).next(1000);
            assertThat(a).isNotEqualTo(b);
            assertThat(a[1]).isNotEqualTo(b[1]);
        }

        @Test
        void each_call_to_schedule_starts_afresh() {
            var model = LoadModel.arrivalRate(50, ArrivalProcess.POISSON);
            ArrivalSchedule first = model.schedule(5);
            first.next(500);
            assertThat(first.issued()).isEqualTo(500);
            assertThat(model.schedule(5).nextOffsetNanos()).isZero();
        }
    }

    @Nested
    @DisplayName("burst schedule")
    class BurstSchedule {
        @Test
        void gives_size_equal_offsets_per_repeat_spaced_by_the_interval_then_is_exhausted() {
            ArrivalSchedule schedule = LoadModel.burst(4, 3, Duration.ofMillis(1500)).schedule(0);
            long[] expected = {0, 0, 0, 0, 1_500_000_000L, 1_500_000_000L, 1_500_000_000L, 1_500_000_000L,
                    3_000_000_000L, 3_000_000_000L, 3_000_000_000L, 3_000_000_000L};
            for (long e : expected) {
                assertThat(schedule.nextOffsetNanos()).isEqualTo(e);
            }
            assertThat(schedule.nextOffsetNanos()).isEqualTo(ArrivalSchedule.EXHAUSTED).isEqualTo(Long.MAX_VALUE);
            assertThat(schedule.nextOffsetNanos()).isEqualTo(Long.MAX_VALUE);
            assertThat(schedule.issued()).isEqualTo(12);
        }

        @Test
        void a_one_shot_burst_sends_everything_at_the_start() {
            ArrivalSchedule schedule = LoadModel.burst(50).schedule(0);
            assertThat(schedule.next(60)).hasSize(50).containsOnly(0L);
            assertThat(schedule.nextOffsetNanos()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void next_n_stops_early_when_exhausted() {
            assertThat(LoadModel.burst(2, 2, Duration.ofSeconds(1)).schedule(0).next(10))
                    .containsExactly(0, 0, 1_000_000_000L, 1_000_000_000L);
        }
    }

    @Nested
    @DisplayName("random variates")
    class Variates {
        @ParameterizedTest(name = "shape {0}")
        @ValueSource(doubles = {0.1, 0.5, 1.0, 2.5, 30.0})
        void gamma_with_scale_one_has_mean_and_variance_equal_to_the_shape(double shape) {
            var rnd = new java.util.SplittableRandom(11);
            int n = 400_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = RandomVariates.gamma(rnd, shape);
                assertThat(x).isGreaterThanOrEqualTo(0.0);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double variance = sumSq / n - mean * mean;
            assertThat(mean).isCloseTo(shape, within(0.03 * shape));
            assertThat(variance).isCloseTo(shape, within(0.06 * shape));
        }

        @Test
        void standard_normal_has_mean_zero_and_variance_one() {
            var rnd = new java.util.SplittableRandom(12);
            int n = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = RandomVariates.standardNormal(rnd);
                sum += x;
                sumSq += x * x;
            }
            assertThat(sum / n).isCloseTo(0.0, within(0.02));
            assertThat(sumSq / n).isCloseTo(1.0, within(0.02));
        }
    }
}
