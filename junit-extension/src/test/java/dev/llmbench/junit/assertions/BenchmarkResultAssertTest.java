package dev.llmbench.junit.assertions;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;
import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThatThrownBy;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

class BenchmarkResultAssertTest {

    /** 100 successful requests, TTFT 1…100 ms, 10 tokens each at 10 ms TPOT. */
    private static final BenchmarkResult CLEAN = Results.run().ttftOneToN(100).build();

    /** 97 successful (TTFT 1…97 ms), 2 HTTP 500s and 1 protocol error. */
    private static final BenchmarkResult THREE_FAILED = Results.run().ttftOneToN(97)
            .failures(FailureKind.HTTP_STATUS, 2).failures(FailureKind.PROTOCOL_ERROR, 1).build();

    @Nested
    class Percentiles {

        @Test
        void p90_within_the_limit_passes() {
            assertThat(CLEAN).ttft().p90().isLessThan(ofMillis(91)).isGreaterThan(ofMillis(89));
            assertThat(CLEAN).ttft().percentile(50).isBetween(ofMillis(49), ofMillis(51));
        }

        @Test
        void p90_over_the_limit_names_metric_percentile_value_limit_and_samples() {
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().p90().isLessThan(ofMillis(80)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected p90(ttft) < 80 ms but was 90.05 ms (100 samples)");
        }

        @Test
        void failures_count_as_infinity_by_default() {
            // rank 90 of 100 is still a successful sample …
            assertThat(THREE_FAILED).ttft().p90().isLessThan(ofMillis(91));
            assertThatThrownBy(() -> assertThat(THREE_FAILED).ttft().p90().isLessThan(ofMillis(80)))
                    .hasMessageContaining("Expected p90(ttft) < 80 ms but was 90.05 ms (100 samples, 3 failed counted as +∞)");
            // … rank 99 falls among the 3 failures
            assertThatThrownBy(() -> assertThat(THREE_FAILED).ttft().p99().isLessThan(ofSeconds(10)))
                    .hasMessageContaining("Expected p99(ttft) < 10 s but was +∞ (100 samples, 3 failed counted as +∞)")
                    .hasMessageContaining("successfulOnly()");
        }

        @Test
        void successfulOnly_leaves_failures_out() {
            assertThat(THREE_FAILED).ttft().successfulOnly().p99().isLessThan(ofMillis(98));
            assertThatThrownBy(() -> assertThat(THREE_FAILED).ttft().successfulOnly().p99().isLessThan(ofMillis(90)))
                    .hasMessageContaining("Expected p99(ttft) < 90 ms but was 97.02 ms "
                            + "(97 samples, successful requests only: 3 failed left out)");
        }

        @Test
        void fractional_percentiles_are_named_as_the_slo_grammar_writes_them() {
            assertThat(CLEAN).ttft().p999().isLessThanOrEqualTo(ofMillis(101));
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().percentile(99.9).isLessThanOrEqualTo(ofMillis(99)))
                    .hasMessageContaining("Expected p99.9(ttft) <= 99 ms but was 100 ms (100 samples)");
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().p95().isLessThan(ofMillis(90)))
                    .hasMessageContaining("p95(ttft) < 90 ms but was 95.");
        }

        @Test
        void out_of_range_percentile_is_a_usage_error() {
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().percentile(101))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 100]");
        }
    }

    @Nested
    class Statistics {

        @Test
        void mean_max_min_pass_and_fail() {
            assertThat(CLEAN).ttft().mean().isBetween(ofMillis(50), ofMillis(51));
            assertThat(CLEAN).ttft().max().isLessThanOrEqualTo(ofMillis(101)).isGreaterThan(ofMillis(99));
            assertThat(CLEAN).ttft().min().isGreaterThanOrEqualTo(ofMillis(1)).isLessThan(ofMillis(2));
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().mean().isLessThan(ofMillis(50)))
                    .hasMessageContaining("Expected mean(ttft) < 50 ms but was 50.5")
                    .hasMessageContaining("(100 samples)");
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().max().isLessThan(ofMillis(100)))
                    .hasMessageContaining("Expected max(ttft) < 100 ms but was 100.03 ms (100 samples)");
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().min().isGreaterThan(ofMillis(2)))
                    .hasMessageContaining("Expected min(ttft) > 2 ms but was 1 ms (100 samples)");
        }

        @Test
        void error_adjusted_max_is_infinite_once_a_request_failed_while_the_mean_leaves_failures_out() {
            assertThatThrownBy(() -> assertThat(THREE_FAILED).e2e().max().isLessThan(ofSeconds(60)))
                    .hasMessageContaining("Expected max(e2e) < 60 s but was +∞ (100 samples, 3 failed counted as +∞)");
            // the mean has no +∞ to take (as the SLO grammar's mean): it says what it leaves out
            assertThat(THREE_FAILED).ttft().mean().isLessThan(ofMillis(50));
            assertThatThrownBy(() -> assertThat(THREE_FAILED).ttft().mean().isLessThan(ofMillis(40)))
                    .hasMessageContaining("Expected mean(ttft) < 40 ms but was 49 ms")
                    .hasMessageContaining("(97 samples, successful requests only: 3 failed left out)");
            assertThat(THREE_FAILED).e2e().successfulOnly().max().isLessThan(ofMillis(200));
        }

        @Test
        void isBetween_failure_shows_both_bounds() {
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().p50().isBetween(ofMillis(60), ofMillis(80)))
                    .hasMessageContaining("Expected p50(ttft) between 60 ms and 80 ms (inclusive) but was 50.02 ms (100 samples)");
            assertThatThrownBy(() -> assertThat(CLEAN).ttft().p50().isBetween(ofMillis(80), ofMillis(60)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void chaining_back_with_and() {
            assertThat(CLEAN)
                    .ttft().p50().isLessThan(ofMillis(60)).and().p99().isLessThan(ofMillis(101)).and().and()
                    .tpot().mean().isLessThan(ofMillis(11)).and().and()
                    .hasNoFailures();
        }

        @Test
        void values_are_readable_as_durations() {
            LatencyStatistic p50 = assertThat(CLEAN).ttft().p50().actual();
            org.assertj.core.api.Assertions.assertThat(p50.toDuration()).isBetween(ofMillis(50), ofMillis(51));
            org.assertj.core.api.Assertions.assertThat(p50.label()).isEqualTo("p50(ttft)");
            LatencyStatistic inf = assertThat(THREE_FAILED).ttft().max().actual();
            org.assertj.core.api.Assertions.assertThat(inf.isInfinite()).isTrue();
            assertThatThrownBy(inf::toDuration).isInstanceOf(IllegalStateException.class).hasMessageContaining("+∞");
        }
    }

    @Nested
    class EveryLatencyMetric {

        // 20 requests: TTFT 200 ms, 50 tokens at 20 ms TPOT → E2E 1180 ms; sent 5 ms late
        private final BenchmarkResult result = many(20);

        private BenchmarkResult many(int n) {
            Results r = Results.run();
            for (int i = 0; i < n; i++) r.success(200, 20, 50, 5);
            return r.build();
        }

        @Test
        void each_metric_passes_and_fails_under_its_own_name() {
            assertThat(result).ttft().p50().isBetween(ofMillis(199), ofMillis(201));
            assertThat(result).ttfo().p50().isBetween(ofMillis(199), ofMillis(201));
            assertThat(result).tpot().p50().isBetween(ofMillis(19), ofMillis(21));
            assertThat(result).itl().p99().isBetween(ofMillis(19), ofMillis(21));
            assertThat(result).e2e().p90().isBetween(ofMillis(1179), ofMillis(1181));
            assertThat(result).queueDelay().max().isBetween(ofMillis(4), ofMillis(6));

            assertThatThrownBy(() -> assertThat(result).ttfo().p50().isLessThan(ofMillis(100)))
                    .hasMessageContaining("Expected p50(ttfo) < 100 ms but was 200.1 ms (20 samples)");
            assertThatThrownBy(() -> assertThat(result).tpot().mean().isLessThanOrEqualTo(ofMillis(10)))
                    .hasMessageContaining("Expected mean(tpot) <= 10 ms but was 20.")
                    .hasMessageContaining("(20 samples)");
            // ITL: one sample per token after the first: 20 × 49
            assertThatThrownBy(() -> assertThat(result).itl().p90().isLessThan(ofMillis(10)))
                    .hasMessageContaining("Expected p90(itl) < 10 ms but was 20.")
                    .hasMessageContaining("(980 samples)");
            // the unit follows the limit: seconds here
            assertThatThrownBy(() -> assertThat(result).e2e().p90().isLessThan(ofSeconds(1)))
                    .hasMessageContaining("Expected p90(e2e) < 1 s but was 1.18 s (20 samples)");
            assertThatThrownBy(() -> assertThat(result).queueDelay().p50().isLessThan(Duration.ofNanos(1_000)))
                    .hasMessageContaining("Expected p50(queue_delay) < 1 µs but was 5003 µs (20 samples)");
            assertThat(assertThat(result).latency("queue_delay").p50().actual().metric()).isEqualTo("queue_delay");
        }

        @Test
        void unknown_metric_is_a_usage_error() {
            assertThatThrownBy(() -> assertThat(result).latency("ttfb"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'ttfb'").hasMessageContaining("ttft, ttfo, e2e, tpot, itl, queue_delay");
        }

        @Test
        void no_samples_fails_every_comparison() {
            BenchmarkResult empty = Results.run().build();
            assertThatThrownBy(() -> assertThat(empty).ttft().p90().isLessThan(ofSeconds(1)))
                    .hasMessageContaining("Expected p90(ttft) < 1 s but there were no samples (0 samples)");
            assertThatThrownBy(() -> assertThat(empty).tpot().successfulOnly().mean().isGreaterThan(Duration.ZERO))
                    .hasMessageContaining("there were no samples");
        }

        @Test
        void description_is_carried_into_the_message() {
            assertThatThrownBy(() -> assertThat(result).as("tier %s", "medium").ttft().p90().isLessThan(ofMillis(1)))
                    .hasMessageStartingWith("[tier medium] Expected p90(ttft) < 1 ms");
        }
    }

    @Nested
    class Ratios {

        @Test
        void error_rate_passes_and_fails_with_breakdown() {
            assertThat(CLEAN).errorRate().isZero().isLessThan(0.01);
            assertThat(THREE_FAILED).errorRate().isLessThan(0.05).isAtMost(0.03);
            assertThatThrownBy(() -> assertThat(THREE_FAILED).errorRate().isLessThan(0.01))
                    .hasMessageContaining("Expected error_rate < 1% but was 3% "
                            + "(3 errors of 100 measured requests: HTTP_STATUS 2, PROTOCOL_ERROR 1)");
            assertThatThrownBy(() -> assertThat(THREE_FAILED).errorRate().isZero())
                    .hasMessageContaining("Expected error_rate = 0% but was 3%");
            assertThatThrownBy(() -> assertThat(THREE_FAILED).errorRate().isAtMost(0.025))
                    .hasMessageContaining("Expected error_rate <= 2.5% but was 3%");
        }

        @Test
        void rate_limited_requests_are_errors_and_are_also_counted_apart() {
            BenchmarkResult limited = Results.run().ttftOneToN(8).failures(FailureKind.RATE_LIMITED, 2).build();
            assertThat(limited).errorRate().isAtMost(0.2);
            assertThatThrownBy(() -> assertThat(limited).errorRate().isZero())
                    .hasMessageContaining("Expected error_rate = 0% but was 20%").hasMessageContaining("RATE_LIMITED 2");
            assertThat(limited).rateLimitedRate().isAtMost(0.2);
            assertThatThrownBy(() -> assertThat(limited).rateLimitedRate().isZero())
                    .hasMessageContaining("Expected rate_limited_rate = 0% but was 20% "
                            + "(2 rate-limited requests of 10 measured requests: HTTP 429 2, HTTP 503 0, with Retry-After 2)");
            assertThatThrownBy(() -> assertThat(limited).rateLimitedRate().isLessThan(0.1))
                    .hasMessageContaining("Expected rate_limited_rate < 10% but was 20%");
        }

        @Test
        void limits_are_fractions() {
            assertThatThrownBy(() -> assertThat(CLEAN).errorRate().isLessThan(5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.01 = 1%");
        }

        @Test
        void nothing_measured_vouches_for_nothing() {
            assertThatThrownBy(() -> assertThat(Results.run().build()).errorRate().isZero())
                    .hasMessageContaining("Expected error_rate = 0% but no requests were measured");
        }
    }

    @Nested
    class Throughput {

        // 10 requests in parallel, each 100 tokens: TTFT 100 ms + 99 × 9 ms = 991 ms → 1000 tokens in 0.991 s
        private final BenchmarkResult result = parallel();

        private BenchmarkResult parallel() {
            Results r = Results.run();
            for (int i = 0; i < 10; i++) r.success(100, 9, 100);
            return r.build();
        }

        @Test
        void output_throughput_passes_and_fails() {
            assertThat(result).outputThroughput().isGreaterThan(1000).isAtLeast(1009).isLessThan(1010);
            assertThatThrownBy(() -> assertThat(result).outputThroughput().isAtLeast(2000))
                    .hasMessageContaining("Expected output_throughput >= 2000 tok/s but was 1009.1 tok/s "
                            + "(1000 output tokens of 10 successful requests over 0.991 s)");
            assertThat(result).inputThroughput().isGreaterThan(100);
        }

        @Test
        void request_rate_passes_and_fails() {
            assertThat(result).requestRate().isGreaterThan(10).isAtLeast(10.09);
            assertThatThrownBy(() -> assertThat(result).requestRate().isGreaterThan(20))
                    .hasMessageContaining("Expected request_rate > 20 req/s but was 10.09 req/s "
                            + "(10 successful requests over 0.991 s)");
        }
    }

    @Nested
    class Counts {

        @Test
        void hasSucceeded_and_hasNoFailures_pass() {
            assertThat(CLEAN).hasSucceeded(100).hasNoFailures().isComplete();
        }

        @Test
        void hasSucceeded_fails_with_the_failures_by_kind() {
            assertThatThrownBy(() -> assertThat(THREE_FAILED).hasSucceeded(100))
                    .hasMessageContaining("Expected 100 successful requests but 97 of 100 measured succeeded: "
                            + "HTTP_STATUS 2, PROTOCOL_ERROR 1; e.g. HTTP_STATUS: http_status #0");
        }

        @Test
        void hasNoFailures_fails_with_the_failures_by_kind() {
            assertThatThrownBy(() -> assertThat(THREE_FAILED).hasNoFailures())
                    .hasMessageContaining("Expected no failed requests but 3 of 100 measured requests failed: "
                            + "HTTP_STATUS 2, PROTOCOL_ERROR 1");
        }

        @Test
        void partial_run_is_not_complete() {
            assertThatThrownBy(() -> assertThat(CLEAN.withPartial("interrupted after 3 s")).isComplete())
                    .hasMessageContaining("is partial: interrupted after 3 s");
        }

        @Test
        void null_result_fails_clearly() {
            assertThatThrownBy(() -> assertThat((BenchmarkResult) null).ttft())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
        }

        @Test
        void plain_assertj_through_the_same_entry_point() {
            assertThat(CLEAN.name()).isEqualTo("AssertionsTest#run");
        }
    }

    @Nested
    class Slos {

        @Test
        void satisfiesSlo_passes() {
            assertThat(CLEAN).satisfiesSlo("p90(ttft) < 91ms")
                    .satisfiesSlo("error_rate < 1%")
                    .satisfiesSlo("mean(tpot) <= 11ms")
                    .satisfiesSlo("output_throughput >= 1tok/s");
        }

        @Test
        void satisfiesSlo_failure_shows_slo_measured_and_limit() {
            assertThatThrownBy(() -> assertThat(CLEAN).satisfiesSlo("p90(ttft) < 80ms"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("SLO violated: p90(ttft) < 80ms — measured 90.05 ms, limit 80 ms")
                    .hasMessageContaining("p90 over 100 requests");
            assertThatThrownBy(() -> assertThat(THREE_FAILED).satisfiesSlo("p99(ttft) < 10s"))
                    .hasMessageContaining("SLO violated: p99(ttft) < 10s — measured +∞ s, limit 10 s")
                    .hasMessageContaining("incl. 3 failed as +∞");
            assertThatThrownBy(() -> assertThat(THREE_FAILED).satisfiesSlo("error_rate < 1%"))
                    .hasMessageContaining("SLO violated: error_rate < 1% — measured 3.00 %, limit 1 %")
                    .hasMessageContaining("3 errors in 100 measured requests");
        }

        @Test
        void a_cost_slo_without_pricing_fails_never_passes() {
            assertThatThrownBy(() -> assertThat(CLEAN).satisfiesSlo("cost_per_1k_output_tokens <= 0.002"))
                    .hasMessageContaining("no pricing configured");
        }

        @Test
        void a_malformed_slo_is_a_usage_error_not_a_failed_assertion() {
            assertThatThrownBy(() -> assertThat(CLEAN).satisfiesSlo("p90(ttfb) < 800ms"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .isNotInstanceOf(AssertionError.class)
                    .hasMessageContaining("ttfb");
        }

        @Test
        void satisfiesSlos_shows_the_verdict_table_of_all() {
            assertThat(CLEAN).satisfiesSlos("p90(ttft) < 91ms", "error_rate < 1%");
            assertThatThrownBy(() -> assertThat(THREE_FAILED).satisfiesSlos("p90(ttft) < 91ms", "error_rate < 1%",
                    "p99(e2e) < 30s"))
                    .hasMessageContaining("2 of 3 SLOs violated:")
                    .hasMessageContaining("SLO")
                    .hasMessageContaining("measured")
                    .hasMessageContaining("p90(ttft) < 91ms")
                    .hasMessageContaining("passed")
                    .hasMessageContaining("FAILED");
        }

        /** The fluent statistics and the SLO grammar must never disagree about what a statistic is. */
        @Test
        void fluent_statistics_agree_with_the_slo_grammar() {
            String[][] cases = {
                    {"p50(ttft)", "ttft", "p50"}, {"p90(ttft)", "ttft", "p90"}, {"p99(ttft)", "ttft", "p99"},
                    {"p99.9(e2e)", "e2e", "p99.9"}, {"mean(ttft)", "ttft", "mean"}, {"max(e2e)", "e2e", "max"},
                    {"min(ttft)", "ttft", "min"}, {"mean(tpot)", "tpot", "mean"}, {"p90(itl)", "itl", "p90"},
                    {"p50(queue_delay)", "queue_delay", "p50"}, {"max(ttfo)", "ttfo", "max"}};
            for (BenchmarkResult r : new BenchmarkResult[]{CLEAN, THREE_FAILED}) {
                for (String[] c : cases) {
                    double sloMicros = dev.llmbench.harness.slo.Objective.parse(c[0] + " < 1ms").evaluate(r).measured() * 1000;
                    LatencyAssert latency = assertThat(r).latency(c[1]);
                    LatencyStatistic fluent = (c[2].startsWith("p") ? latency.percentile(Double.parseDouble(c[2].substring(1)))
                            : c[2].equals("mean") ? latency.mean() : c[2].equals("max") ? latency.max() : latency.min()).actual();
                    assertThat(fluent.micros()).as(c[0] + " of " + r.counts()).isCloseTo(sloMicros,
                            org.assertj.core.data.Offset.offset(1e-6));
                    assertThat(fluent.label()).isEqualTo(c[0]);
                }
            }
        }
    }
}
