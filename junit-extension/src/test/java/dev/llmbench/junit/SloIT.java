package dev.llmbench.junit;

import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** SLOs from the class and the method: a met SLO passes, a violated one fails the invocation with the table. */
class SloIT {

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    @Slo("error_rate < 1%")
    static class Met {
        @BenchmarkTest
        @Slo("p99(e2e) < 30s")
        void chat(BenchmarkResult result) {
            assertThat(result.sloVerdicts()).hasSize(2).allMatch(v -> v.passed());
        }
    }

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    @Slo("error_rate < 1%")
    static class Violated {
        @BenchmarkTest
        @Slo("p90(e2e) < 1ms")
        void chat() {
            // the body passes; the SLO fails the invocation after it
        }
    }

    @Test
    void metSlosPassAndAreReported() {
        EngineExecutionResults results = Kit.run(Met.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Map<String, String> entries = Kit.reportEntries(results).get(0);
        assertThat(entries).containsEntry("llmbench.slo", "2 of 2 passed");
        assertThat(entries.get("llmbench.slo.1")).startsWith("error_rate < 1% -> passed (measured 0.00 %, limit 1 %)");
        assertThat(entries.get("llmbench.slo.2")).startsWith("p99(e2e) < 30s -> passed");
    }

    @Test
    void aViolatedSloFailsTheInvocationWithTheTable() {
        EngineExecutionResults results = Kit.run(Violated.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("chat"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("llmbench: 1 of 2 SLOs violated in chat [small: 2 concurrent, 8→4 tokens]")))));
        String message = Kit.failureMessages(results).get(0);
        List<String> lines = message.lines().toList();
        assertThat(lines.get(1)).matches("SLO\\s+measured\\s+limit\\s+verdict\\s+detail");
        assertThat(lines.get(2)).startsWith("error_rate < 1%").contains("0.00 %", "1 %", "passed");
        assertThat(lines.get(3)).startsWith("p90(e2e) < 1ms").contains(" ms ", "1 ms", "FAILED");
        assertThat(lines.get(4)).startsWith("result: ").endsWith(".json");
    }
}
