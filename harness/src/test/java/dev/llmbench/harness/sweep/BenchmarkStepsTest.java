package dev.llmbench.harness.sweep;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.slo.SloSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BenchmarkSteps} refuses a search it could not judge before any step runs. */
class BenchmarkStepsTest {

    private static final java.util.function.IntFunction<Benchmark.Builder> NEVER_CALLED = c -> {
        throw new AssertionError("no step may run");
    };

    @Test
    void a_search_without_slos_is_refused() {
        assertThatThrownBy(() -> new BenchmarkSteps(NEVER_CALLED, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one SLO");
    }

    @Test
    void a_malformed_slo_is_refused_before_any_step_runs() {
        assertThatThrownBy(() -> new BenchmarkSteps(NEVER_CALLED, List.of("p90(ttft) <")))
                .isInstanceOf(SloSyntaxException.class);
    }
}
