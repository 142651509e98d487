package dev.llmbench.harness.slo;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.Timelines;
import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.llmbench.harness.slo.SloEvaluationTest.ok;
import static dev.llmbench.harness.slo.SloEvaluationTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GoodputTest {

    private final SloSet slos = SloSet.parse("p90(ttft) < 500ms", "mean(tpot) <= 40ms", "error_rate < 1%");

    @Test
    void admitsASuccessfulRequestThatMeetsEveryLatencySloOnItsOwn() {
        assertThat(slos.admits(ok(0, 300, 11, 30))).isTrue();
    }

    @Test
    void rejectsARequestThatMissesAnyLatencySlo() {
        assertThat(slos.admits(ok(0, 600, 11, 30))).as("TTFT 600 ms").isFalse();
        assertThat(slos.admits(ok(0, 300, 11, 50))).as("TPOT 50 ms").isFalse();
    }

    @Test
    void rejectsFailedRequests() {
        RequestTimeline failed = Timelines.request(0).content(100, "x").failed(200, FailureKind.IDLE_TIMEOUT, "stall");
        assertThat(slos.admits(failed)).isFalse();
        assertThat(SloSet.parse("goodput >= 1rps").admits(failed)).isFalse();
    }

    @Test
    void doesNotHoldAnUndefinedValueAgainstARequest() {
        assertThat(slos.admits(ok(0, 300, 1, 10))).as("one token: no TPOT").isTrue();
    }

    @Test
    void comparesTheComparatorsDirectionForOutputSpeed() {
        SloSet speed = SloSet.parse("p10(output_speed) >= 30tok/s");
        assertThat(speed.admits(ok(0, 100, 11, 20))).as("50 tok/s").isTrue();
        assertThat(speed.admits(ok(0, 100, 11, 50))).as("20 tok/s").isFalse();
    }

    @Test
    void appliesAnItlSlosStatisticOverTheRequestsOwnTokenGaps() {
        // 10 gaps: nine of 10 ms and one of 200 ms
        RequestTimeline stall = Timelines.request(0).contents(100, 10, 10).content(390, "x").done(390);
        assertThat(SloSet.parse("max(itl) < 100ms").admits(stall)).isFalse();
        assertThat(SloSet.parse("p90(itl) < 100ms").admits(stall)).isTrue();
        assertThat(SloSet.parse("p99(itl) < 100ms").admits(stall)).isFalse();
        assertThat(SloSet.parse("mean(itl) < 100ms").admits(stall)).as("mean 29 ms").isTrue();
    }

    @Test
    void admitsEverySuccessfulRequestWhenNoLatencySloIsSet() {
        SloSet onlyGoodput = SloSet.parse("goodput >= 2rps", "error_rate < 1%");
        assertThat(onlyGoodput.admits(ok(0, 5000, 11, 500))).isTrue();
    }

    @Test
    void countsGoodMeasuredRequestsOverTheMeasuredWindow() {
        GoodputCounter counter = slos.goodputCounter();
        List<RequestTimeline> timelines = List.of(
                ok(0, 300, 11, 30),      // good
                ok(1000, 600, 11, 30),   // TTFT too slow
                ok(2000, 300, 11, 30),   // good; window ends at 2000 + 300 + 300 = 2600 ms
                Timelines.request(2100).failed(2200, FailureKind.HTTP_STATUS, "500"));
        RequestTimeline warmup = Timelines.warmup(0).contents(10, 10, 3).done(30);
        counter.accept(warmup);
        timelines.forEach(counter);
        assertThat(counter.goodRequests()).isEqualTo(2);

        BenchmarkResult r = counter.applyTo(result(timelines));
        assertThat(r.throughput().goodputRequestsPerSecond()).isCloseTo(2 / 2.6, within(1e-9));
        assertThat(Objective.parse("goodput >= 0.7rps").evaluate(r).passed()).isTrue();
        assertThat(Objective.parse("goodput >= 1rps").evaluate(r).passed()).isFalse();
    }

    @Test
    void reportsZeroGoodputForAnEmptyWindow() {
        BenchmarkResult r = slos.goodputCounter().applyTo(result(List.of()));
        assertThat(r.throughput().goodputRequestsPerSecond()).isZero();
        assertThat(Objective.parse("goodput >= 1rps").evaluate(r).detail()).startsWith("no samples");
    }
}
