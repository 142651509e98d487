package dev.llmbench.harness.slo;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.Timelines;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.RunMetadata;
import dev.llmbench.harness.result.SloVerdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SloEvaluationTest {

    static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    /** A result recorded from these timelines, as a run would produce it. */
    static BenchmarkResult result(List<RequestTimeline> timelines) {
        MetricsRecorder m = new MetricsRecorder(Timelines.at(0), START);
        timelines.forEach(m::record);
        return BenchmarkResult.of(RunMetadata.capture("slo-test", START, START.plusSeconds(10)), dev.llmbench.harness.result.BenchmarkConfiguration.empty(), m.snapshot());
    }

    /** A successful request at t0 with its first token after {@code ttftMs} and {@code tokens} tokens every {@code gapMs}. */
    static RequestTimeline ok(double t0, double ttftMs, int tokens, double gapMs) {
        Timelines b = Timelines.request(t0).contents(t0 + ttftMs, gapMs, tokens);
        return b.done(t0 + ttftMs + (tokens - 1) * gapMs);
    }

    static RequestTimeline failed(double t0) {
        return Timelines.request(t0).failed(t0 + 50, FailureKind.HTTP_STATUS, "500");
    }

    /** Ten successful requests, one every second, TTFT 100, 200, … 1000 ms, 11 tokens 20 ms apart. */
    static List<RequestTimeline> tenRequests() {
        List<RequestTimeline> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) l.add(ok(i * 1000, (i + 1) * 100, 11, 20));
        return l;
    }

    @Test
    void aCapacitySloJudgesTheCapacityASweepFoundAndCannotBeMeasuredOnAnOrdinaryRun() {
        BenchmarkResult sweep = result(tenRequests()).withMaxConcurrencyMeetingSlo(48);
        SloVerdict v = Objective.parse("max_concurrency_meeting_slo >= 40").evaluate(sweep);
        assertThat(v.passed()).isTrue();
        assertThat(v.measured()).isEqualTo(48.0);
        assertThat(v.unit()).isEqualTo("users");
        assertThat(Objective.parse("max_concurrency_meeting_slo >= 50 users").evaluate(sweep).passed()).isFalse();

        SloVerdict ordinary = Objective.parse("max_concurrency_meeting_slo >= 40").evaluate(result(tenRequests()));
        assertThat(ordinary.passed()).isFalse();
        assertThat(ordinary.detail()).contains("only the result of a capacity search (llmbench.sweep) has it");
    }

    @Test
    void passesAPercentileSloThatTheRunMeetsAndReportsItInTheSlosUnit() {
        SloVerdict v = Objective.parse("p90(ttft) < 950ms").evaluate(result(tenRequests()));
        assertThat(v.passed()).isTrue();
        assertThat(v.expression()).isEqualTo("p90(ttft) < 950ms");
        assertThat(v.metric()).isEqualTo("ttft");
        assertThat(v.measured()).isCloseTo(900.0, within(0.5)); // HdrHistogram: 3 significant digits
        assertThat(v.limit()).isEqualTo(950.0);
        assertThat(v.unit()).isEqualTo("ms");
        assertThat(v.sampleCount()).isEqualTo(10);
        assertThat(v.detail()).isEqualTo("p90 over 10 requests");
    }

    @Test
    void failsAPercentileSloThatTheRunMisses() {
        SloVerdict v = Objective.parse("p90(ttft) < 0.85s").evaluate(result(tenRequests()));
        assertThat(v.passed()).isFalse();
        assertThat(v.measured()).isCloseTo(0.9, within(0.0005));
        assertThat(v.unit()).isEqualTo("s");
    }

    @Test
    void countsFailedRequestsAsInfinityInPercentiles() {
        List<RequestTimeline> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) l.add(ok(i * 100, 100, 5, 10));
        l.add(failed(900));
        l.add(failed(1000));
        BenchmarkResult r = result(l);

        SloVerdict p90 = Objective.parse("p90(ttft) < 800ms").evaluate(r);
        assertThat(p90.passed()).isFalse();
        assertThat(p90.measured()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(p90.sampleCount()).isEqualTo(10);
        assertThat(p90.detail()).isEqualTo("p90 over 10 requests incl. 2 failed as +∞");

        SloVerdict p80 = Objective.parse("p80(ttft) < 800ms").evaluate(r);
        assertThat(p80.passed()).isTrue();
        assertThat(p80.measured()).isCloseTo(100.0, within(0.1));

        SloVerdict max = Objective.parse("max(e2e) < 30s").evaluate(r);
        assertThat(max.passed()).isFalse();
        assertThat(max.measured()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(max.detail()).isEqualTo("max over 10 requests incl. 2 failed as +∞");

        SloVerdict mean = Objective.parse("mean(ttft) < 800ms").evaluate(r);
        assertThat(mean.passed()).isTrue();
        assertThat(mean.sampleCount()).isEqualTo(8);
        assertThat(mean.detail()).isEqualTo("mean over 8 successful requests (2 failed not included)");

        assertThat(Objective.parse("min(ttft) < 800ms").evaluate(r).passed()).isTrue();
    }

    @Test
    void countsFailedRequestsAsZeroOutputSpeed() {
        List<RequestTimeline> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) l.add(ok(i * 100, 100, 11, 20)); // TPOT 20 ms: 50 tok/s
        l.add(failed(900));
        l.add(failed(1000));
        BenchmarkResult r = result(l);

        SloVerdict p10 = Objective.parse("p10(output_speed) >= 20tok/s").evaluate(r);
        assertThat(p10.passed()).isFalse();
        assertThat(p10.measured()).isZero();
        assertThat(p10.unit()).isEqualTo("tok/s");
        assertThat(p10.detail()).isEqualTo("p10 over 10 requests incl. 2 failed as 0 tok/s");

        SloVerdict p50 = Objective.parse("p50(output_speed) >= 20tok/s").evaluate(r);
        assertThat(p50.passed()).isTrue();
        assertThat(p50.measured()).isCloseTo(50.0, within(0.05));

        SloVerdict mean = Objective.parse("output_speed >= 30tok/s").evaluate(r);
        assertThat(mean.passed()).isTrue();
        assertThat(mean.measured()).isCloseTo(50.0, within(0.05));
        assertThat(Objective.parse("min(output_speed) >= 1tok/s").evaluate(r).measured()).isZero();
    }

    @Test
    void evaluatesTokenLevelAndQueueDelayStatisticsOverSuccessfulRequests() {
        BenchmarkResult r = result(tenRequests());
        SloVerdict itl = Objective.parse("p99.9(itl) < 100ms").evaluate(r);
        assertThat(itl.passed()).isTrue();
        assertThat(itl.measured()).isCloseTo(20.0, within(0.05));
        assertThat(itl.sampleCount()).isEqualTo(100);
        assertThat(itl.detail()).isEqualTo("p99.9 over 100 inter-token gaps of successful requests");
        SloVerdict tpot = Objective.parse("mean(tpot) <= 40ms").evaluate(r);
        assertThat(tpot.passed()).isTrue();
        assertThat(tpot.measured()).isCloseTo(20.0, within(0.05));
        assertThat(Objective.parse("max(queue_delay) < 1us").evaluate(r).passed()).isTrue();
    }

    @Test
    void failsWithNoSamplesWhenTheMetricIsUndefinedForEveryRequest() {
        List<RequestTimeline> single = List.of(ok(0, 100, 1, 10), ok(100, 100, 1, 10)); // N = 1: no TPOT
        SloVerdict v = Objective.parse("mean(tpot) <= 40ms").evaluate(result(single));
        assertThat(v.passed()).isFalse();
        assertThat(v.measured()).isNaN();
        assertThat(v.detail()).startsWith("no samples");
        assertThat(Objective.parse("p90(tpot) <= 40ms").evaluate(result(single)).detail()).isEqualTo("no samples");

        BenchmarkResult empty = result(List.of());
        for (String e : List.of("p90(ttft) < 1s", "error_rate < 1%", "output_throughput >= 1tok/s", "request_rate >= 1rps")) {
            SloVerdict none = Objective.parse(e).evaluate(empty);
            assertThat(none.passed()).as(e).isFalse();
            assertThat(none.detail()).as(e).startsWith("no samples");
        }
    }

    @Test
    void measuresErrorAndRateLimitedRatesInPercentWithRateLimitedRequestsCountedAsErrors() {
        List<RequestTimeline> l = new ArrayList<>(tenRequests().subList(0, 8));
        l.add(failed(900));
        l.add(Timelines.request(950).failed(960, FailureKind.RATE_LIMITED, "429"));
        BenchmarkResult r = result(l);

        SloVerdict errors = Objective.parse("error_rate < 1%").evaluate(r);
        assertThat(errors.passed()).isFalse();
        assertThat(errors.measured()).isCloseTo(20.0, within(1e-9));
        assertThat(errors.limit()).isEqualTo(1.0);
        assertThat(errors.unit()).isEqualTo("%");
        assertThat(errors.sampleCount()).isEqualTo(10);
        assertThat(errors.detail()).isEqualTo("2 errors (1 rate-limited) in 10 measured requests");
        assertThat(Objective.parse("error_rate < 0.2").evaluate(r).passed()).isFalse();
        assertThat(Objective.parse("error_rate <= 0.2").evaluate(r).passed()).isTrue();

        SloVerdict limited = Objective.parse("rate_limited_rate <= 0.5%").evaluate(r);
        assertThat(limited.passed()).isFalse();
        assertThat(limited.measured()).isCloseTo(10.0, within(1e-9));
        assertThat(Objective.parse("rate_limited_rate <= 10%").evaluate(r).passed()).isTrue();
    }

    @Test
    void measuresSystemThroughputAndRequestRateOverTheMeasuredWindow() {
        BenchmarkResult r = result(tenRequests()); // window: 0 .. 9000 + 1000 + 200 ms = 10.2 s; 110 tokens
        SloVerdict tput = Objective.parse("output_throughput >= 10tok/s").evaluate(r);
        assertThat(tput.passed()).isTrue();
        assertThat(tput.measured()).isCloseTo(110 / 10.2, within(1e-9));
        SloVerdict rate = Objective.parse("request_rate >= 2rps").evaluate(r);
        assertThat(rate.passed()).isFalse();
        assertThat(rate.measured()).isCloseTo(10 / 10.2, within(1e-9));
        assertThat(rate.unit()).isEqualTo("rps");
    }

    @Test
    void failsACostSloWhileNoPricingIsConfigured() {
        BenchmarkResult r = result(tenRequests());
        SloVerdict v = Objective.parse("cost_per_1k_output_tokens <= 0.002").evaluate(r);
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).isEqualTo("no pricing configured");
        assertThat(v.measured()).isNaN();
        assertThat(v.limit()).isEqualTo(0.002);
        assertThat(v.unit()).isEqualTo("USD");

        BenchmarkResult priced = r.withCost(new dev.llmbench.harness.cost.CostFigures("api", null, null, 0.01, 0.0015, null, null, null, null, null));
        assertThat(Objective.parse("cost_per_1k_output_tokens <= 0.002").evaluate(priced).passed()).isTrue();
        assertThat(Objective.parse("cost_per_1k_output_tokens <= 0.001").evaluate(priced).passed()).isFalse();
        assertThat(Objective.parse("cost_per_request < 0.02").evaluate(priced).measured()).isEqualTo(0.01);
        SloVerdict missing = Objective.parse("cost_per_run < 5").evaluate(priced);
        assertThat(missing.passed()).isFalse();
        assertThat(missing.detail()).startsWith("no pricing configured for cost_per_run");
    }

    @Test
    void failsGoodputThatWasNotMeasuredAndPassesItOnceCounted() {
        BenchmarkResult r = result(tenRequests());
        SloVerdict v = Objective.parse("goodput >= 0.5rps").evaluate(r);
        assertThat(v.passed()).isFalse();
        assertThat(v.detail()).startsWith("goodput not measured");

        BenchmarkResult counted = GoodputCounter.withGoodput(r, 10);
        SloVerdict c = Objective.parse("goodput >= 0.5rps").evaluate(counted);
        assertThat(c.passed()).isTrue();
        assertThat(c.measured()).isCloseTo(10 / 10.2, within(1e-9));
    }

    @Test
    void evaluatesASetInOrder() {
        List<SloVerdict> v = SloSet.parse("p90(ttft) < 950ms", "error_rate < 1%", "cost_per_request <= 0.01")
                .evaluate(result(tenRequests()));
        assertThat(v).extracting(SloVerdict::passed).containsExactly(true, true, false);
        assertThat(SloSet.allPassed(v)).isFalse();
        assertThat(SloSet.allPassed(v.subList(0, 2))).isTrue();
    }

    @Test
    void takesAStddevOverTheSuccessfulRequestsAndLeavesItOutOfGoodput() {
        Objective slo = Objective.parse("stddev(ttft) < 400ms");
        SloVerdict v = slo.evaluate(result(tenRequests()));
        assertThat(v.measured()).isCloseTo(287.2, within(1.0)); // TTFT 100, 200, … 1000 ms: population stddev
        assertThat(v.passed()).isTrue();
        assertThat(v.detail()).isEqualTo("stddev over 10 successful requests");
        assertThat(slo.perRequest()).as("no single request has a spread").isFalse();
    }

    @Test
    void judgesRequestThroughputLikeOutputSpeedAndReadsItBareAsItsMean() {
        // 11 tokens over E2E = TTFT + 200 ms: from 11 / 0.3 s = 36.7 tok/s down to 11 / 1.2 s = 9.2 tok/s
        SloVerdict v = Objective.parse("min(request_throughput) >= 9tok/s").evaluate(result(tenRequests()));
        assertThat(v.passed()).isTrue();
        assertThat(v.unit()).isEqualTo("tok/s");
        assertThat(v.measured()).isCloseTo(9.17, within(0.05));
        assertThat(Objective.parse("request_throughput >= 9tok/s").statistic()).isEqualTo("mean");
        assertThat(Objective.parse("request_throughput >= 9tok/s").perRequest()).isTrue();
    }
}
