package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.FailureKind;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link MetricsRecorder} measured, at one moment: immutable.
 *
 * @param counts          requests by outcome
 * @param tokens          token totals and their sources
 * @param metrics         summaries by metric name ({@link MetricsRecorder#METRIC_NAMES}, in that order)
 * @param throughput      system throughput over the measured window
 * @param timeSeries      per-second activity
 * @param fidelity        measurement fidelity
 * @param failureExamples the first {@link MetricsRecorder#EXAMPLES_PER_KIND} distinct messages per failure kind
 * @param rateLimits      rate-limit information
 * @param warnings        human-readable warnings about the measurement
 */
public record Measurements(Counts counts, TokenTotals tokens, Map<String, Summary> metrics,
                           SystemThroughput throughput, TimeSeries timeSeries, Fidelity fidelity,
                           Map<FailureKind, List<String>> failureExamples, RateLimits rateLimits,
                           List<String> warnings) {

    public Measurements {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        EnumMap<FailureKind, List<String>> ex = new EnumMap<>(FailureKind.class);
        failureExamples.forEach((k, v) -> ex.put(k, List.copyOf(v)));
        failureExamples = Collections.unmodifiableMap(ex);
        warnings = List.copyOf(warnings);
    }
}
