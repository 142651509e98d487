package dev.llmbench.harness.result;

import dev.llmbench.harness.cost.CostFigures;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenTotals;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one benchmark invocation: immutable, and what a result file holds (schema version
 * {@value #SCHEMA_VERSION}; see {@link ResultFiles}).
 *
 * <p>Build one from a {@link dev.llmbench.harness.metrics.MetricsRecorder}'s snapshot:
 * <pre>{@code
 * BenchmarkResult r = BenchmarkResult.of(
 *         RunMetadata.capture("ChatBenchmark#chat[medium]", start, Instant.now()),   // .withPartial(reason) if cut short
 *         configuration,                                                        // a BenchmarkConfiguration
 *         recorder.snapshot());                                                 // after recorder.clientIoBusy(x)
 * }</pre>
 *
 * <p>The configuration is redacted on construction (see {@link BenchmarkConfiguration}): URLs lose their credentials
 * and values under secret-like keys (Authorization, api-key, x-api-key, token, …) are replaced by
 * {@link Redaction#REDACTED}, so no secret can reach a file.
 *
 * @param metadata      who ran what, where and when; the partial flag
 * @param configuration the run's configuration, credentials stripped
 * @param measurements  everything measured
 * @param sloVerdicts   SLO verdicts (empty until SLO evaluation fills them)
 * @param cost          cost figures (US dollars), or null when not computed
 */
public record BenchmarkResult(RunMetadata metadata, BenchmarkConfiguration configuration, Measurements measurements,
                              List<SloVerdict> sloVerdicts, CostFigures cost) {

    /** The major schema version this harness writes and the newest it reads; a newer major version is refused. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The minor schema version this harness writes: additions older readers may ignore (see {@link ResultFiles}).
     * 1.1: {@code throughput.good_requests}. 1.2: the derived {@code counts.errors} and {@code counts.error_rate}
     * include rate-limited requests (every failure but cancellation; re-derived when an older file is read), {@code rate_limits.backoff} and
     * {@code counts.missing_done}. 1.3: {@code cost.floor} (the cost floor from first principles beside the measured GPU
     * cost) and {@code configuration.pricing.gpu} / {@code .model} (what it was computed from). 1.4:
     * {@code throughput.max_concurrency_meeting_slo} (on the result a capacity search writes).
     */
    public static final int SCHEMA_MINOR_VERSION = 4;

    public BenchmarkResult {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(measurements, "measurements");
        configuration = configuration == null ? BenchmarkConfiguration.empty() : configuration;
        sloVerdicts = sloVerdicts == null ? List.of() : List.copyOf(sloVerdicts);
    }

    /** A result without SLO verdicts and cost. */
    public static BenchmarkResult of(RunMetadata metadata, BenchmarkConfiguration configuration, Measurements measurements) {
        return new BenchmarkResult(metadata, configuration, measurements, List.of(), null);
    }

    /** This result with another configuration (e.g. merged run ids). */
    public BenchmarkResult withConfiguration(BenchmarkConfiguration c) {
        return new BenchmarkResult(metadata, c, measurements, sloVerdicts, cost);
    }

    /** {@value #SCHEMA_VERSION}. */
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }

    /** The benchmark's name. */
    public String name() {
        return metadata.benchmarkName();
    }

    /** True when the run was cut short. */
    public boolean partial() {
        return metadata.partial();
    }

    public Counts counts() {
        return measurements.counts();
    }

    public TokenTotals tokens() {
        return measurements.tokens();
    }

    /** Summaries by metric name (ttft, ttfo, e2e, tpot, itl, queue_delay, output_speed, request_throughput). */
    public Map<String, Summary> metrics() {
        return measurements.metrics();
    }

    /** The summary of one metric, e.g. {@code summary("ttft").p90()} (microseconds). */
    public Summary summary(String metric) {
        Summary s = measurements.metrics().get(metric);
        if (s == null) {
            throw new IllegalArgumentException("no metric '" + metric + "'; known: " + measurements.metrics().keySet());
        }
        return s;
    }

    /** A copy of one metric's histogram (successful samples, in the summary's unit). */
    public Histogram histogram(String metric) {
        return summary(metric).histogram();
    }

    public SystemThroughput throughput() {
        return measurements.throughput();
    }

    public TimeSeries timeSeries() {
        return measurements.timeSeries();
    }

    public Fidelity fidelity() {
        return measurements.fidelity();
    }

    public Map<FailureKind, List<String>> failureExamples() {
        return measurements.failureExamples();
    }

    public RateLimits rateLimits() {
        return measurements.rateLimits();
    }

    public List<String> warnings() {
        return measurements.warnings();
    }

    /** This result with the run marked partial. */
    public BenchmarkResult withPartial(String reason) {
        return new BenchmarkResult(metadata.withPartial(reason), configuration, measurements, sloVerdicts, cost);
    }

    /** This result with these SLO verdicts. */
    public BenchmarkResult withSloVerdicts(List<SloVerdict> verdicts) {
        return new BenchmarkResult(metadata, configuration, measurements, verdicts, cost);
    }

    /** This result with these cost figures (null: none). */
    public BenchmarkResult withCost(CostFigures costFigures) {
        return new BenchmarkResult(metadata, configuration, measurements, sloVerdicts, costFigures);
    }

    /** This result with the capacity a sweep found: {@code throughput.max_concurrency_meeting_slo}. */
    public BenchmarkResult withMaxConcurrencyMeetingSlo(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        Measurements m = measurements;
        return new BenchmarkResult(metadata, configuration, new Measurements(m.counts(), m.tokens(), m.metrics(),
                m.throughput().withMaxConcurrencyMeetingSlo(capacity), m.timeSeries(), m.fidelity(), m.failureExamples(),
                m.rateLimits(), m.warnings()), sloVerdicts, cost);
    }

    /** This result with one more warning. */
    public BenchmarkResult withWarning(String warning) {
        List<String> w = new ArrayList<>(measurements.warnings());
        w.add(Objects.requireNonNull(warning, "warning"));
        Measurements m = measurements;
        return new BenchmarkResult(metadata, configuration, new Measurements(m.counts(), m.tokens(), m.metrics(),
                m.throughput(), m.timeSeries(), m.fidelity(), m.failureExamples(), m.rateLimits(), w), sloVerdicts, cost);
    }
}
