package dev.llmbench.harness.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitProbeTest {

    @Test
    void no_step_starts_once_the_time_budget_is_spent() {
        AtomicLong now = new AtomicLong();
        ProbeOptions options = ProbeOptions.between(1, 10).withTimeBudget(Duration.ofSeconds(1));
        ProbeOutcome outcome = new RateLimitProbe(options, () -> now.getAndAdd(2_000_000_000L))
                .run(rate -> { throw new AssertionError("no step may run"); });

        assertThat(outcome.stopReason()).isEqualTo(ProbeStopReason.TIME_BUDGET);
        assertThat(outcome.steps()).isEmpty();
        assertThat(outcome.limitedFromStep()).isEqualTo(-1);
    }

    @Test
    void an_interrupted_thread_starts_no_step_and_keeps_its_flag() {
        Thread.currentThread().interrupt();   // what Ctrl-C does to a run (ShutdownGuard)
        try {
            ProbeOutcome outcome = new RateLimitProbe(ProbeOptions.between(1, 10))
                    .run(rate -> { throw new AssertionError("no step may run"); });

            assertThat(outcome.stopReason()).isEqualTo(ProbeStopReason.INTERRUPTED);
            assertThat(outcome.steps()).isEmpty();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void a_step_reports_per_minute_rates_over_its_offered_span() {
        // 20 sent at 2/s span 10 s: 15 admitted = 90 per minute; 30 tokens each
        ProbeStep s = new ProbeStep(2, 20, 15, 5, 30, Map.of("x-ratelimit-remaining-requests", "0"));
        assertThat(s.offeredRequestsPerMinute()).isEqualTo(120);
        assertThat(s.admittedRequestsPerMinute()).isEqualTo(90);
        assertThat(s.offeredTokensPerMinute()).isEqualTo(3600);
        assertThat(s.admittedTokensPerMinute()).isEqualTo(2700);
        assertThat(s.limitedShare()).isEqualTo(0.25);
    }

    @Test
    void options_name_the_field_that_is_out_of_range() {
        assertThatThrownBy(() -> new ProbeOptions(1, 1.0, 10, Duration.ofSeconds(1), 0.05, Duration.ofMinutes(1)))
                .hasMessageContaining("growthFactor");
        assertThatThrownBy(() -> ProbeOptions.between(1, 10).withMaxLimitedShare(1))
                .hasMessageContaining("maxLimitedShare");
    }
}
