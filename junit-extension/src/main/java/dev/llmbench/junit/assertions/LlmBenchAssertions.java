package dev.llmbench.junit.assertions;

import dev.llmbench.harness.result.BenchmarkResult;
import org.assertj.core.api.Assertions;

/**
 * The AssertJ entry point for benchmark results. It extends {@link Assertions}, so one static import serves both:
 * <pre>{@code
 * import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;
 *
 * assertThat(result).ttft().p90().isLessThan(Duration.ofMillis(800));   // llmbench
 * assertThat(result.name()).contains("medium");                          // plain AssertJ
 * }</pre>
 */
public class LlmBenchAssertions extends Assertions {

    protected LlmBenchAssertions() {
    }

    /** Assertions on one benchmark invocation's result. */
    public static BenchmarkResultAssert assertThat(BenchmarkResult actual) {
        return new BenchmarkResultAssert(actual);
    }
}
