package dev.llmbench.harness.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The probe against a simulator with an RPM or a TPM limit. The simulator's limit window is shortened to 1 s (the
 * limits scale with it: 600 RPM admits 10 requests in any 1 s), so 2 s steps see the steady rate, not a minute's quota.
 * The ramp 2.5, 3.75, 5.6, 8.4, 12.7 requests/s keeps every step clear of the 10/s limit: 8.4/s puts 9 requests in any
 * 1 s, 12.7/s has at least a fifth of its 25 refused (any 2 s admit at most 20). The 10 % bound lets a busy machine's
 * late send (two requests landing together) cost one refusal at 8.4/s without ending the ramp there.
 */
class RateLimitProbeIT {

    private static final String MODEL = "limited";
    private static final double GROWTH = 1.5;
    private static final ProbeOptions RAMP = new ProbeOptions(2.5, GROWTH, 40, Duration.ofSeconds(2), 0.10, Duration.ofSeconds(30));

    @Test
    void the_ceiling_under_an_rpm_limit_is_within_one_ramp_step_of_it() {
        int rpm = 600;
        ProbeOutcome outcome;
        try (Simulator sim = Simulator.start(limited().requestsPerMinute(rpm).build())) {
            outcome = new RateLimitProbe(RAMP).run(rate -> step(sim, rate));
        }

        assertThat(outcome.stopReason()).as(outcome.summary()).isEqualTo(ProbeStopReason.CEILING_FOUND);
        assertThat(outcome.ceilingRequestsPerMinute()).as(outcome.summary()).isBetween(rpm / GROWTH, rpm * 1.02);
        ProbeStep limited = outcome.steps().get(outcome.limitedFromStep());
        assertThat(limited.offeredRequestsPerMinute()).isBetween((double) rpm, rpm * GROWTH);
        assertThat(limited.admittedRequestsPerMinute()).as("the limited step is admitted at about the limit").isBetween(rpm / GROWTH, rpm * 1.1);
        assertThat(limited.lastRateLimitHeaders()).as("the server's x-ratelimit-* headers").isNotEmpty();
        assertThat(outcome.steps().subList(0, outcome.limitedFromStep())).allSatisfy(s -> assertThat(s.limitedShare()).isLessThanOrEqualTo(0.10));
        assertThat(limited.limitedShare()).isGreaterThan(0.15);
    }

    @Test
    void the_ceiling_under_a_tpm_limit_is_within_one_ramp_step_of_it() {
        long tokensPerRequest = tokensPerRequest();
        long tpm = 600 * tokensPerRequest; // the same 10 requests/s, now bound by tokens
        ProbeOutcome outcome;
        try (Simulator sim = Simulator.start(limited().tokensPerMinute(tpm).build())) {
            outcome = new RateLimitProbe(RAMP).run(rate -> step(sim, rate));
        }

        assertThat(outcome.stopReason()).as(outcome.summary()).isEqualTo(ProbeStopReason.CEILING_FOUND);
        assertThat(outcome.ceilingTokensPerMinute()).as(outcome.summary()).isBetween(tpm / GROWTH, tpm * 1.02);
        assertThat(outcome.steps()).allSatisfy(s -> assertThat(s.tokensPerRequest()).isEqualTo((double) tokensPerRequest));
    }

    @Test
    void without_a_limit_the_probe_stops_at_the_maximum_rate() {
        ProbeOptions ramp = new ProbeOptions(5, 2, 10, Duration.ofMillis(500), 0.05, Duration.ofSeconds(30));
        ProbeOutcome outcome;
        try (Simulator sim = Simulator.start(limited().build())) {
            outcome = new RateLimitProbe(ramp).run(rate -> step(sim, rate));
        }

        assertThat(outcome.stopReason()).isEqualTo(ProbeStopReason.MAX_RATE_REACHED);
        assertThat(outcome.limitedFromStep()).isEqualTo(-1);
        assertThat(outcome.steps()).extracting(ProbeStep::offeredRequestsPerSecond).containsExactly(5.0, 10.0);
    }

    /** Prompt + output tokens of one request of the test's shape, as the simulator counts them (its TPM limit's unit). */
    private static long tokensPerRequest() {
        try (Simulator sim = Simulator.start(limited().build())) {
            var r = step(sim, 1).maxRequests(1).warmupRequests(0).build().run();
            assertThat(r.counts().succeeded()).isEqualTo(1);
            return r.tokens().input() + r.tokens().output();
        }
    }

    private static SimulatorConfig.Builder limited() {
        return SimulatorConfig.builder(Profile.fixedStep(MODEL, 1_000)).rateLimitWindow(Duration.ofSeconds(1));
    }

    private static Benchmark.Builder step(Simulator sim, double rate) {
        return Benchmark.builder("probe-" + rate)
                .endpoint(sim.baseUri().toString())
                .model(MODEL)
                .promptShape(RequestShape.of(20, 8));
    }
}
