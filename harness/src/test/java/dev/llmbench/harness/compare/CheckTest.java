package dev.llmbench.harness.compare;

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

    @Test
    void noResultsIsSaidOutLoud() {
        assertThat(Check.run(List.of(), List.of(), null).summary()).contains("no results found");
    }
}
