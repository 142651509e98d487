package com.example;

import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;

// The simulator's "fast" profile takes 2 ms per decode step: a 0.1 ms time per output token is out of reach.
@LoadTier(concurrency = 2)
@PromptShape(inputTokens = 32, outputTokens = 16)
@Measurement(requests = 30, seconds = 20)
@Slo("mean(tpot) < 0.1ms")
@Slo("error_rate < 1%")
class StreamingSpeedIT {

    @BenchmarkTest
    void stream() {
    }
}
