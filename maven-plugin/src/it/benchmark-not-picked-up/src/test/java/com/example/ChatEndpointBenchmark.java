package com.example;

import dev.llmbench.junit.BenchmarkTest;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.Measurement;

/** Named as a new user names it: Surefire's default includes (*Test, Test*, *Tests, *TestCase) do not match. */
@LlmBenchmark
@Measurement(requests = 4)
class ChatEndpointBenchmark {
    @BenchmarkTest
    void chat() {
    }
}
