package dev.llmbench.junit.internal;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.endpoint.EndpointConfig;

import java.util.List;

/**
 * Everything one invocation of a benchmark test needs, decided (and checked) before any invocation runs.
 *
 * @param name        the benchmark's name (result file name), e.g. {@code ChatBenchmark.chat-medium-c20-100x1000}
 * @param displayName e.g. {@code chat [medium: 20 concurrent, 100→1000 tokens]}
 * @param tier        the load tier
 * @param shape       the prompt shape
 * @param settings    the resolved settings
 * @param endpoint    where to send requests
 * @param displayUrl  the endpoint URL without credentials
 * @param model       the model name sent
 * @param slos        SLO expressions (class's then method's)
 * @param pricing     prices for the cost figures, or null
 */
record InvocationPlan(String name, String displayName, TierSpec tier, ShapeSpec shape, BenchmarkSettings settings,
                      EndpointConfig endpoint, String displayUrl, String model, List<String> slos,
                      dev.llmbench.harness.cost.Pricing pricing) {
}
