package dev.llmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.io.IOException;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link BenchmarkResult} as one pretty-printed UTF-8 JSON file, and reads it back:
 * {@code read(write(r, f)).equals(r)} for every result, histograms included. The mapping is Jackson databind's, with
 * one mapper configured once ({@link ResultJson}); the layout is described by the JSON Schema
 * {@code dev/llmbench/harness/result/result.schema.json} on the class path.
 *
 * <p>Layout (snake_case names; enum values in lower case): {@code schema_version, schema_minor_version, metadata,
 * configuration, counts, tokens, metrics, throughput, time_series, fidelity, failures, warnings, slo_verdicts, cost}.
 * Each metric holds its summary (values in its {@code unit}), its {@code failed_count}, and its histogram in
 * HdrHistogram's compressed encoding, base64 ({@code hdr_histogram}). Fields derived from others (e.g.
 * {@code counts.error_rate}, {@code throughput.goodput_requests_per_second}, {@code fidelity.coalesced_chunk_ratio})
 * are written for readers of the file and ignored when reading: counts are stored, rates derived. A non-finite
 * double is written as the string {@code "Infinity"}, {@code "-Infinity"} or {@code "NaN"} and read back exactly.
 *
 * <p>Versions: {@code schema_version} is the major version ({@value BenchmarkResult#SCHEMA_VERSION}); a file of a
 * newer major version is refused with a message naming both. {@code schema_minor_version}
 * ({@value BenchmarkResult#SCHEMA_MINOR_VERSION}; absent = 0) grows with additions that older readers may ignore:
 * 1 added {@code throughput.good_requests}, the count goodput is derived from (a file without it had its goodput
 * rate only, and the count is recovered once, on reading, as rate × window rounded); 2 added
 * {@code counts.missing_done} (absent = 0).
 *
 * <p>Writing goes to a temporary file in the target directory, which is then moved over the target atomically
 * (where the file system allows), so a crash never leaves half a file. A malformed file fails with a
 * {@link ResultFormatException} naming the file and field.
 */
public final class ResultFiles {

    /** Where results go by default, relative to the project's base directory. */
    public static final String DEFAULT_DIRECTORY = "target/llmbench";

    private ResultFiles() {
    }

    // ------------------------------------------------------------------ files

    /** Writes {@code result} to {@code file} (parent directories created) atomically; returns {@code file}. */
    public static Path write(BenchmarkResult result, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        byte[] bytes = toJson(result).getBytes(StandardCharsets.UTF_8);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            // A FileOutputStream, not Files.newOutputStream: an interruptible FileChannel would refuse to write the
            // partial result of an interrupted run (the thread's interrupt flag is still set).
            try (OutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(bytes);
                out.flush();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** Writes {@code result} into {@code directory} under {@link #fileName}; returns the file. */
    public static Path writeToDirectory(BenchmarkResult result, Path directory) throws IOException {
        return write(result, directory.resolve(fileName(result)));
    }

    /** The file name for a result: its benchmark name with characters other than {@code [A-Za-z0-9._-]} replaced by '_', plus ".json". */
    public static String fileName(BenchmarkResult result) {
        return result.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    /** Reads a result file. */
    public static BenchmarkResult read(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ResultFormatException(file.toString(), null, "not UTF-8 text", e);
        }
        return fromJson(json, file.toString());
    }

    // ------------------------------------------------------------------ JSON

    /** The file's layout: a result's parts where the file puts them. */
    @JsonPropertyOrder({"schema_version", "schema_minor_version", "metadata", "configuration", "counts", "tokens",
            "metrics", "throughput", "time_series", "fidelity", "failures", "warnings", "slo_verdicts", "cost"})
    record FileLayout(int schemaVersion, Integer schemaMinorVersion, RunMetadata metadata,
                      BenchmarkConfiguration configuration, Counts counts, TokenTotals tokens,
                      Map<String, Summary> metrics, SystemThroughput throughput, TimeSeries timeSeries,
                      Fidelity fidelity, Failures failures, List<String> warnings, List<SloVerdict> sloVerdicts,
                      CostFigures cost) {
    }

    /**
     * @param examples   the first distinct messages per failure kind
     * @param rateLimits rate-limit information
     */
    record Failures(Map<FailureKind, List<String>> examples, RateLimits rateLimits) {
    }

    /** Sections a result file must have; each is checked by name before binding so the message names it. */
    private static final List<String> REQUIRED = List.of("metadata", "counts", "tokens", "metrics", "throughput",
            "time_series", "fidelity", "failures", "warnings", "slo_verdicts");

    /** The JSON text of a result (pretty-printed). */
    public static String toJson(BenchmarkResult r) {
        Measurements m = r.measurements();
        FileLayout f = new FileLayout(BenchmarkResult.SCHEMA_VERSION, BenchmarkResult.SCHEMA_MINOR_VERSION, r.metadata(),
                r.configuration(), m.counts(), m.tokens(), m.metrics(), m.throughput(), m.timeSeries(), m.fidelity(),
                new Failures(m.failureExamples(), m.rateLimits()), m.warnings(), r.sloVerdicts(), r.cost());
        try {
            return ResultJson.MAPPER.writeValueAsString(f) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result " + r.name(), e);
        }
    }

    /** Parses the JSON text of a result; {@code source} names it in error messages (usually the file). */
    public static BenchmarkResult fromJson(String json, String source) throws ResultFormatException {
        JsonNode root;
        try {
            root = ResultJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(source, null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new ResultFormatException(source, null, "expected a JSON object");
        checkVersion(root, source);
        if (root.get("metadata") instanceof ObjectNode md) {
            for (String field : List.of("benchmark_name", "start_time", "end_time")) {
                if (!md.hasNonNull(field)) throw new ResultFormatException(source, "metadata." + field, "missing");
            }
        }
        for (String section : REQUIRED) {
            if (!root.has(section) || root.get(section).isNull()) throw new ResultFormatException(source, section, "missing");
        }
        upgradeGoodput(root);
        FileLayout f;
        try {
            f = ResultJson.MAPPER.treeToValue(root, FileLayout.class);
        } catch (JsonMappingException e) {
            throw formatException(source, e);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(source, null, e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ResultFormatException(source, null, e.getMessage(), e);
        }
        Failures failures = f.failures() == null ? new Failures(Map.of(), null) : f.failures();
        try {
            Measurements m = new Measurements(f.counts(), f.tokens(), f.metrics() == null ? Map.of() : f.metrics(),
                    f.throughput(), f.timeSeries(), f.fidelity(),
                    failures.examples() == null ? Map.of() : failures.examples(), failures.rateLimits(),
                    f.warnings() == null ? List.of() : f.warnings());
            return new BenchmarkResult(f.metadata(), f.configuration(), m, f.sloVerdicts(), f.cost());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResultFormatException(source, null, String.valueOf(e.getMessage()), e);
        }
    }

    private static void checkVersion(JsonNode root, String source) throws ResultFormatException {
        JsonNode version = root.get("schema_version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new ResultFormatException(source, "schema_version",
                    version == null ? "missing" : "expected an integer, found " + version);
        }
        int v = version.intValue();
        if (v > BenchmarkResult.SCHEMA_VERSION) {
            JsonNode minor = root.get("schema_minor_version");
            throw new ResultFormatException(source, "schema_version", "schema version " + v
                    + (minor != null && minor.canConvertToInt() ? "." + minor.intValue() : "")
                    + " is newer than this harness reads (schema version " + BenchmarkResult.SCHEMA_VERSION + "."
                    + BenchmarkResult.SCHEMA_MINOR_VERSION + " and older of major version "
                    + BenchmarkResult.SCHEMA_VERSION + "): upgrade llmbench to read it");
        }
        if (v < 1) throw new ResultFormatException(source, "schema_version", "unknown schema version " + v);
    }

    /**
     * Files of schema 1.0 recorded goodput as a rate only: the count it came from is recovered once here, as the rate
     * × the window rounded (the writer computed the rate as count / window, so this gives the count back).
     */
    private static void upgradeGoodput(JsonNode root) {
        if (!(root.get("throughput") instanceof ObjectNode t) || t.has("good_requests")) return;
        JsonNode rate = t.get("goodput_requests_per_second");
        if (rate == null || !rate.isNumber()) return;
        SystemThroughput window;
        try {
            window = ResultJson.MAPPER.treeToValue(t, SystemThroughput.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return; // binding will name the problem
        }
        t.put("good_requests", Math.round(rate.doubleValue() * window.windowSeconds()));
    }

    /** Names the field by its path in the file, e.g. {@code metrics.ttft.p90}. */
    private static ResultFormatException formatException(String source, JsonMappingException e) {
        String path = ResultJson.path(e);
        return new ResultFormatException(source, path.isEmpty() ? null : path, ResultJson.problem(e), e);
    }

    /** HdrHistogram's compressed encoding of {@code h}, base64. */
    public static String encode(Histogram h) {
        return ResultJson.encode(h);
    }

    /** Decodes {@link #encode}'s text into an auto-resizing histogram. */
    public static Histogram decode(String base64) throws java.util.zip.DataFormatException {
        return ResultJson.decode(base64);
    }
}
