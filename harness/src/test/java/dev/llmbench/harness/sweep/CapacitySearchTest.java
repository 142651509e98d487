package dev.llmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The step and bisection logic of {@link CapacitySearch}, against fake endpoints. */
class CapacitySearchTest {

    /** A fake endpoint: 100 tokens/s per user up to {@code batch} users, flat beyond; TTFT grows once users queue. */
    private static class FakeEndpoint implements StepEvaluator {
        final int batch;
        final IntPredicate passes;
        final List<Integer> asked = new ArrayList<>();
        double errorRate;

        FakeEndpoint(int batch, IntPredicate passes) {
            this.batch = batch;
            this.passes = passes;
        }

        @Override
        public SweepPoint measure(int c) {
            asked.add(c);
            double tokensPerSecond = 100.0 * Math.min(c, batch);
            double ttftMicros = c <= batch ? 10_000 : 10_000 + 50_000.0 * (c - batch);
            return new SweepPoint(c, tokensPerSecond, tokensPerSecond / 40, ttftMicros / 2, ttftMicros, 10_000,
                    errorRate, passes.test(c));
        }
    }

    @Test
    void monotone_pass_fail_gives_the_exact_boundary_by_doubling_then_bisecting() {
        FakeEndpoint endpoint = new FakeEndpoint(1000, c -> c <= 37);

        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1000)).run(endpoint);

        assertThat(outcome.maxConcurrencyMeetingSlo()).isEqualTo(37);
        assertThat(outcome.firstFailingConcurrency()).isEqualTo(38);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BOUNDARY_FOUND);
        assertThat(endpoint.asked).containsExactly(1, 2, 4, 8, 16, 32, 64, 48, 40, 36, 38, 37);
        assertThat(outcome.curve()).extracting(SweepPoint::concurrency).isSorted().hasSize(12);
    }

    @Test
    void an_interrupt_during_a_step_judges_nothing_and_starts_no_further_step() {
        // Ctrl-C reaches a run as an interrupt (ShutdownGuard), and Benchmark keeps the flag set for its caller.
        FakeEndpoint endpoint = new FakeEndpoint(1000, c -> c <= 37) {
            @Override
            public SweepPoint measure(int c) {
                SweepPoint p = super.measure(c);
                if (c == 8) Thread.currentThread().interrupt();
                return p;
            }
        };
        try {
            CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1000)).run(endpoint);

            assertThat(outcome.stopReason()).isEqualTo(StopReason.INTERRUPTED);
            assertThat(endpoint.asked).containsExactly(1, 2, 4, 8);
            assertThat(outcome.maxConcurrencyMeetingSlo()).as("the cut-short step 8 counts for nothing").isEqualTo(4);
            assertThat(Thread.currentThread().isInterrupted()).as("the flag stays set for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void a_coarser_resolution_stops_once_the_gap_is_within_it() {
        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1000).withResolution(4))
                .run(new FakeEndpoint(1000, c -> c <= 37));

        assertThat(outcome.firstFailingConcurrency() - outcome.maxConcurrencyMeetingSlo()).isLessThanOrEqualTo(4);
        assertThat(outcome.maxConcurrencyMeetingSlo()).isBetween(34, 37);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.BOUNDARY_FOUND);
    }

    @Test
    void every_step_passing_ends_at_the_maximum_which_is_tried_even_off_the_doubling() {
        FakeEndpoint endpoint = new FakeEndpoint(1000, c -> true);

        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(20)).run(endpoint);

        assertThat(endpoint.asked).containsExactly(1, 2, 4, 8, 16, 20);
        assertThat(outcome.maxConcurrencyMeetingSlo()).isEqualTo(20);
        assertThat(outcome.firstFailingConcurrency()).isZero();
        assertThat(outcome.stopReason()).isEqualTo(StopReason.MAX_CONCURRENCY_REACHED);
        assertThat(outcome.kneeConcurrency()).as("throughput rises in proportion throughout").isZero();
    }

    @Test
    void failing_at_one_user_reports_no_capacity() {
        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(64)).run(new FakeEndpoint(8, c -> false));

        assertThat(outcome.maxConcurrencyMeetingSlo()).isZero();
        assertThat(outcome.firstFailingConcurrency()).isEqualTo(1);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.FAILED_AT_LOWEST);
    }

    @Test
    void the_time_budget_stops_the_search_before_the_next_step() {
        long[] nowNanos = {0};
        FakeEndpoint endpoint = new FakeEndpoint(1000, c -> c <= 37) {
            @Override
            public SweepPoint measure(int c) {
                nowNanos[0] += Duration.ofSeconds(10).toNanos(); // every step takes 10 s
                return super.measure(c);
            }
        };

        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1000).withTimeBudget(Duration.ofSeconds(35)),
                () -> nowNanos[0]).run(endpoint);

        assertThat(endpoint.asked).containsExactly(1, 2, 4, 8);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.TIME_BUDGET);
        assertThat(outcome.maxConcurrencyMeetingSlo()).isEqualTo(8);
        assertThat(outcome.elapsed()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void over_saturation_stops_the_ascent_while_the_slos_still_pass() {
        FakeEndpoint endpoint = new FakeEndpoint(8, c -> true); // a lax SLO: queueing never fails it

        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1024)).run(endpoint);

        assertThat(endpoint.asked).containsExactly(1, 2, 4, 8, 16);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.OVER_SATURATED);
        assertThat(outcome.maxConcurrencyMeetingSlo()).isEqualTo(16);
        assertThat(outcome.kneeConcurrency()).isEqualTo(8);
    }

    @Test
    void an_error_rate_over_the_bound_fails_the_step_and_stops_the_search() {
        FakeEndpoint endpoint = new FakeEndpoint(1000, c -> true) {
            @Override
            public SweepPoint measure(int c) {
                errorRate = c >= 16 ? 0.2 : 0.0;
                return super.measure(c);
            }
        };

        CapacityOutcome outcome = new CapacitySearch(SearchOptions.upTo(1000)).run(endpoint);

        assertThat(endpoint.asked).containsExactly(1, 2, 4, 8, 16);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.ERROR_RATE);
        assertThat(outcome.maxConcurrencyMeetingSlo()).isEqualTo(8);
        assertThat(outcome.firstFailingConcurrency()).isEqualTo(16);
        assertThat(outcome.summary()).contains("capacity 8 users (16 failed)", "error rate");
    }

    @Test
    void the_knee_is_where_an_added_user_brings_less_than_half_the_first_users_throughput() {
        List<SweepPoint> curve = new ArrayList<>();
        for (int c : new int[] {1, 2, 4, 5, 6, 7, 8}) curve.add(new FakeEndpoint(6, x -> true).measure(c));

        assertThat(Knee.of(curve)).isEqualTo(6);
        assertThat(Knee.of(curve.subList(0, 3))).isZero();
    }
}
