package dev.llmbench.samples;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;
import org.junit.jupiter.api.Disabled;

import java.time.Duration;

import static dev.llmbench.junit.assertions.LlmBenchAssertions.assertThat;

/*
 * Sample 04: what a violated SLO looks like. THIS TEST IS MEANT TO FAIL, so it is @Disabled.
 *
 * A 70B model on 4×A100 needs about 17 ms per decode step; no amount of wishing makes TPOT 5 ms. Both the AssertJ
 * assertion in the body and the second @Slo therefore fail. The report shows the body's failure, naming statistic,
 * metric, measured value, limit and sample count, with the table of every SLO of the invocation attached:
 *
 *     java.lang.AssertionError: Expected p90(tpot) < 5 ms but was 17.3 ms (4 samples)
 *         Suppressed: org.opentest4j.AssertionFailedError: llmbench: 1 of 2 SLOs violated in tooAmbitious [small: 2 concurrent, 100→16 tokens]
 *     SLO                measured   limit  verdict  detail
 *     p90(ttft) < 800ms  300.0 ms  800 ms  passed   p90 over 4 requests
 *     mean(tpot) <= 5ms  17.21 ms    5 ms  FAILED   mean over 4 successful requests
 *     result: target/llmbench/LlmBench04_FailingSlo.tooAmbitious-small-c2-100x16.json
 *
 * Without the body's assertion, the SLO table alone fails the invocation.
 *
 * SEE IT FAIL, without editing anything — JUnit can switch @Disabled off from the command line:
 *     mvn -B verify -pl samples -am -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
 *         -Dtest=LlmBench04_FailingSlo -Djunit.jupiter.conditions.deactivate='org.junit.*DisabledCondition'
 * (or delete the @Disabled line and run the same command without the last option). The result file is written
 * either way, verdicts included.
 */
@Disabled("meant to fail: shows a violated SLO; see the class comment for how to run it")
@LlmBenchmark(simulatorProfile = "llama-2-70b-4xa100")
@LoadTier(concurrency = 2)
@PromptShape(inputTokens = 100, outputTokens = 16)
@Measurement(requests = 4)
@Slo("p90(ttft) < 800ms")                    // passes
@Slo("mean(tpot) <= 5ms")                    // cannot pass: the simulated hardware needs ~17 ms per token
class LlmBench04_FailingSlo {

    @BenchmarkTest
    void tooAmbitious(BenchmarkResult result) {
        assertThat(result).tpot().p90().isLessThan(Duration.ofMillis(5));
    }
}
