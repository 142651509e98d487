package dev.llmbench.junit;

import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** @Sweep: one invocation searches the capacity under the SLOs; its result carries max_concurrency_meeting_slo. */
class SweepIT {

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 6)
    @LoadTier(concurrency = {2, 8})
    @PromptShape(inputTokens = 8, outputTokens = 4)
    @Slo("error_rate < 50%")
    @Sweep(maxConcurrency = 4, budget = "2m", maxErrorRate = "50%")
    static class Capacity {
        @BenchmarkTest
        @Slo("max_concurrency_meeting_slo >= 1")
        void chat(BenchmarkResult result) {
            assertThat(result.throughput().maxConcurrencyMeetingSlo()).isBetween(1, 4);
        }
    }

    @TestKitOnly
    @LlmBenchmark
    @Sweep
    static class NoSlo {
        @BenchmarkTest
        void chat() {
        }
    }

    @Test
    void aSweepIsOneInvocationWhoseResultIsTheStepAtTheCapacity() {
        EngineExecutionResults results = Kit.run(Capacity.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        assertThat(Kit.startedTests(results)).containsExactly("chat [sweep: 8→4 tokens]");
        Map<String, String> entries = Kit.reportEntries(results).get(0);
        assertThat(entries).containsEntry("llmbench.load", "capacity search, concurrency 1..4");
        assertThat(entries.get("llmbench.maxConcurrencyMeetingSlo")).matches("[1-4]");
        assertThat(entries).containsEntry("llmbench.slo", "2 of 2 passed");
        assertThat(entries.get("llmbench.plan")).contains("sweep SweepIT$Capacity.chat-sweep-8x4: capacity under the SLOs, concurrency 1..4, resolution 1, budget 120 s, at most 50% errors");
    }

    @Test
    void aSweepWithoutAnSloFailsNamingLlmbenchSlo() {
        EngineExecutionResults results = Kit.run(NoSlo.class);

        assertThat(Kit.failureMessages(results)).anySatisfy(m -> assertThat(m)
                .contains("@Sweep on").contains("set llmbench.slo"));
    }
}
