package com.example;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

@LoadTier(concurrency = {2, 4})
@PromptShape(inputTokens = 64, outputTokens = 16)
@Measurement(requests = 40, seconds = 20)
@Slo("p90(ttft) < 2s")
@Slo("error_rate < 1%")
class ChatLatencyIT {

    @BenchmarkTest
    void chat(BenchmarkResult result) {
        assertEquals(0, result.counts().errors());
    }
}
