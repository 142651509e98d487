package dev.llmbench.harness.compare;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckTest {

    @Test
    void passesWithoutViolationsAndWithoutBaseline() {
        CheckOutcome o = Check.run(List.of(TestResults.named("ok").slos("p90(ttft) < 800ms").build()), null, null);
        assertThat(o.passed()).isTrue();
        assertThat(o.comparison()).isNull();
        assertThat(o.summary()).isEqualTo("llmbench check passed: 1 benchmark, 1 SLO verdict (0 violated), no baseline");
    }

    @Test
    void failsOnSloViolationsAndRegressionsListingEach() {
        BenchmarkResult slow = TestResults.named("chat-small").ttftUs(1500).slos("p90(ttft) < 1ms", "error_rate < 1%").build();
        BenchmarkResult base = TestResults.named("chat-small").ttftUs(1000).build();
        CheckOutcome o = Check.run(List.of(slow), List.of(base), CompareOptions.defaults());
        assertThat(o.failed()).isTrue();
        assertThat(o.sloViolations()).hasSize(1);
        assertThat(o.regressions()).isNotEmpty();
        assertThat(o.summary()).startsWith("llmbench check FAILED: 1 benchmark, 2 SLO verdicts (1 violated), baseline: ")
                .contains("\nSLO violations:\n  chat-small: p90(ttft) < 1ms violated: measured 1.5")
                .contains("\n  chat-small: p90(ttft) 1.00 ms -> 1.50 ms (+50.0%, tolerance 10%)");
    }

    private static BenchmarkResult allFailed(String name, String... slos) {
        return TestResults.named(name).requests(20).errors(20)
                .failureExample(FailureKind.HTTP_STATUS, "HTTP 503: <html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")
                .slos(slos).build();
    }

    @Test
    void aRunWhoseEveryRequestFailedFailsTheCheckEvenWithoutSlos() {
        CheckOutcome o = Check.run(List.of(allFailed("chat-small"), TestResults.named("chat-medium").build()), null, null);
        assertThat(o.failed()).isTrue();
        assertThat(o.sloViolations()).isEmpty();
        assertThat(o.allFailed()).containsExactly(
                "chat-small: all 20 requests failed: 20 × http_status (\"HTTP 503: <html><body><h1>503 Service Temporarily Unavailable</h1></body></html>\")");
        assertThat(o.summary()).startsWith("llmbench check FAILED: 2 benchmarks, 0 SLO verdicts (0 violated), no baseline\n"
                + "Every measured request failed, so nothing was measured (set llmbench.allowAllFailed=true to accept):\n"
                + "  chat-small: all 20 requests failed: 20 × http_status");
    }

    @Test
    void aRunWhoseEveryRequestFailedAlsoFailsBesideItsSloVerdicts() {
        CheckOutcome o = Check.run(List.of(allFailed("chat", "error_rate < 1%")), null, null);
        assertThat(o.sloViolations()).singleElement().satisfies(v -> assertThat(v.describe())
                .isEqualTo("chat: error_rate < 1% violated: measured 100.00 %, limit 1 % (20 errors in 20 measured requests)"));
        assertThat(o.allFailed()).hasSize(1);
        assertThat(o.summary()).contains("\nEvery measured request failed", "\nSLO violations:");
    }

    @Test
    void allowAllFailedListsSuchRunsWithoutFailingTheCheck() {
        CheckOutcome o = Check.run(List.of(allFailed("chat")), null, null, true);
        assertThat(o.passed()).isTrue();
        assertThat(o.allFailed()).isEmpty();
        assertThat(o.summary()).isEqualTo("llmbench check passed: 1 benchmark, 0 SLO verdicts (0 violated), no baseline\n"
                + "Every measured request failed (allowed: llmbench.allowAllFailed is true):\n"
                + "  chat: all 20 requests failed: 20 × http_status (\"HTTP 503: <html><body><h1>503 Service Temporarily Unavailable</h1></body></html>\")");
    }

    @Test
    void someFailedRequestsAreNoVerdictOfTheirOwn() {
        CheckOutcome o = Check.run(List.of(TestResults.named("chat").requests(20).errors(19).build()), null, null);
        assertThat(o.passed()).isTrue();
        assertThat(o.allFailed()).isEmpty();
    }

    @Test
    void noResultsIsSaidOutLoud() {
        assertThat(Check.run(List.of(), List.of(), null).summary()).contains("no results found");
    }
}
