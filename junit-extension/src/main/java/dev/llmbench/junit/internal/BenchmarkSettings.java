package dev.llmbench.junit.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The resolved scalar settings of one benchmark test (see {@link SettingsResolver} for the precedence).
 *
 * @param endpoint         base URL, or null for the embedded simulator
 * @param endpointSource   where the endpoint came from, or null
 * @param model            model name, or null (then the simulator profile's model; required for a real endpoint)
 * @param protocol         {@code chat} or {@code completions}
 * @param apiKeyEnv        the environment variable holding the API key
 * @param simulatorProfile simulator profile name
 * @param profileSource    where the profile came from
 * @param requests         measured requests, 0 = no count bound
 * @param seconds          measured seconds, 0 = no time bound
 * @param warmupRequests   warmup requests
 * @param warmupSeconds    warmup seconds
 * @param outputDirectory  where result files go
 * @param progressSeconds  period of progress lines, 0 = none
 * @param sources          every set key and the layer it came from (for diagnostics)
 * @param tokenizer        the configured tokenizer, loaded, or null when none is configured
 * @param pricing          the configured prices, or null when none is set (the simulator then prices by its profile)
 */
public record BenchmarkSettings(String endpoint, String endpointSource, String model, String protocol, String apiKeyEnv,
                                String simulatorProfile, String profileSource, long requests, double seconds,
                                long warmupRequests, double warmupSeconds, Path outputDirectory, double progressSeconds,
                                Map<String, String> sources, dev.llmbench.harness.workload.tokenizer.Tokenizer tokenizer,
                                dev.llmbench.harness.cost.Pricing pricing) {

    public BenchmarkSettings {
        sources = Map.copyOf(sources);
    }

    /** True when no endpoint is configured: the embedded simulator serves the benchmark. */
    public boolean simulated() {
        return endpoint == null;
    }
}
