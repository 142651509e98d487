package dev.llmbench.harness.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.OutputLength;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenReconciliation;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.metrics.TokenTotals;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link BenchmarkResult} as one pretty-printed UTF-8 JSON file, and reads it back:
 * {@code read(write(r, f)).equals(r)} for every result, histograms included.
 *
 * <p>Layout (schema {@value BenchmarkResult#SCHEMA_VERSION}; snake-case names; enum values in lower case):
 * {@code schema_version, metadata, configuration, counts, tokens, metrics, throughput, time_series, fidelity,
 * failures, warnings, slo_verdicts, cost}. Each metric holds its summary (values in its {@code unit}), its
 * {@code failed_count}, and its histogram in HdrHistogram's compressed encoding, base64 ({@code hdr_histogram}).
 * {@code tokens} holds, besides the totals and their sources, {@code reconciliation} ({@code usage_requests, usage,
 * tokenizer_requests, tokenizer, chunks, compared_requests, compared_usage, compared_difference, mismatch_ratio}: see
 * {@link TokenReconciliation}) and {@code output_length} ({@code requests, requested, actual, short_requests,
 * actual_to_requested, short_share}: see {@link OutputLength}); files without them read as empty.
 * Fields derived from others (e.g. {@code counts.error_rate}, {@code fidelity.coalesced_chunk_ratio}) are written for
 * readers of the file and ignored when reading. Each of {@code slo_verdicts} holds {@code expression, metric, passed,
 * measured, limit, unit, sample_count, detail}; a non-finite {@code measured} or {@code limit} is written as the
 * string {@code "Infinity"}, {@code "-Infinity"} or {@code "NaN"} and read back exactly.
 *
 * <p>Writing goes to a temporary file in the target directory, which is then moved over the target atomically
 * (where the file system allows), so a crash never leaves half a file. Reading a file of a newer schema fails with a
 * message naming its version; a malformed file fails with a {@link ResultFormatException} naming the file and field.
 */
public final class ResultFiles {

    /** Where results go by default, relative to the project's base directory. */
    public static final String DEFAULT_DIRECTORY = "target/llmbench";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
            try (OutputStream out = Files.newOutputStream(tmp)) {
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

    /** A double as a JSON number, or, when not finite, as the string "Infinity", "-Infinity" or "NaN" (read back exactly). */
    private static void putDouble(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) o.put(name, v);
        else o.put(name, Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }

    /** The JSON text of a result (pretty-printed). */
    public static String toJson(BenchmarkResult r) {
        ObjectNode root = NODES.objectNode();
        root.put("schema_version", BenchmarkResult.SCHEMA_VERSION);
        root.set("metadata", metadata(r.metadata()));
        root.set("configuration", plain(r.configuration()));
        Measurements m = r.measurements();
        root.set("counts", counts(m.counts()));
        root.set("tokens", tokens(m.tokens()));
        ObjectNode metrics = root.putObject("metrics");
        m.metrics().forEach((name, s) -> metrics.set(name, summary(s)));
        root.set("throughput", throughput(m.throughput()));
        root.set("time_series", timeSeries(m.timeSeries()));
        root.set("fidelity", fidelity(m.fidelity()));
        ObjectNode failures = root.putObject("failures");
        ObjectNode examples = failures.putObject("examples");
        m.failureExamples().forEach((k, v) -> {
            ArrayNode a = examples.putArray(lower(k));
            v.forEach(a::add);
        });
        failures.set("rate_limits", rateLimits(m.rateLimits()));
        ArrayNode warnings = root.putArray("warnings");
        m.warnings().forEach(warnings::add);
        ArrayNode slos = root.putArray("slo_verdicts");
        for (SloVerdict v : r.sloVerdicts()) {
            ObjectNode o = slos.addObject();
            o.put("expression", v.expression());
            o.put("metric", v.metric());
            o.put("passed", v.passed());
            putDouble(o, "measured", v.measured());
            putDouble(o, "limit", v.limit());
            o.put("unit", v.unit());
            o.put("sample_count", v.sampleCount());
            o.put("detail", v.detail());
        }
        root.set("cost", r.cost() == null ? NODES.nullNode() : plain(r.cost()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result " + r.name(), e);
        }
    }

    /** Parses the JSON text of a result; {@code source} names it in error messages (usually the file). */
    public static BenchmarkResult fromJson(String json, String source) throws ResultFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ResultFormatException(source, null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) throw new ResultFormatException(source, null, "expected a JSON object");
        return new Reader(source).result(root);
    }

    // ------------------------------------------------------------------ writing helpers

    private static ObjectNode metadata(RunMetadata md) {
        ObjectNode o = NODES.objectNode();
        o.put("benchmark_name", md.benchmarkName());
        o.put("start_time", md.startTime().toString());
        o.put("end_time", md.endTime().toString());
        o.put("harness_version", md.harnessVersion());
        o.put("git_commit", md.gitCommit());
        o.put("java_version", md.javaVersion());
        o.put("java_vendor", md.javaVendor());
        o.put("host_name", md.hostName());
        o.put("os_name", md.osName());
        o.put("os_version", md.osVersion());
        o.put("os_arch", md.osArch());
        o.put("available_processors", md.availableProcessors());
        o.put("partial", md.partial());
        o.put("partial_reason", md.partialReason());
        return o;
    }

    private static ObjectNode counts(Counts c) {
        ObjectNode o = NODES.objectNode();
        o.put("measured", c.measured());
        o.put("succeeded", c.succeeded());
        o.put("failed", c.failed());
        o.put("errors", c.errors());
        o.put("rate_limited", c.rateLimited());
        o.put("cancelled", c.cancelled());
        o.put("warmup", c.warmup());
        o.put("error_rate", c.errorRate());
        ObjectNode byKind = o.putObject("failed_by_kind");
        c.failedByKind().forEach((k, v) -> byKind.put(lower(k), v));
        return o;
    }

    private static ObjectNode tokens(TokenTotals t) {
        ObjectNode o = NODES.objectNode();
        o.put("input", t.input());
        o.put("output", t.output());
        o.put("cached", t.cached());
        ObjectNode out = o.putObject("output_sources");
        t.outputSources().forEach((k, v) -> out.put(lower(k), v));
        ObjectNode in = o.putObject("input_sources");
        t.inputSources().forEach((k, v) -> in.put(lower(k), v));
        o.put("input_unknown_requests", t.inputUnknownRequests());
        TokenReconciliation r = t.reconciliation();
        ObjectNode rec = o.putObject("reconciliation");
        rec.put("usage_requests", r.usageRequests());
        rec.put("usage", r.usage());
        rec.put("tokenizer_requests", r.tokenizerRequests());
        rec.put("tokenizer", r.tokenizer());
        rec.put("chunks", r.chunks());
        rec.put("compared_requests", r.comparedRequests());
        rec.put("compared_usage", r.comparedUsage());
        rec.put("compared_difference", r.comparedDifference());
        putDouble(rec, "mismatch_ratio", r.mismatchRatio());
        OutputLength l = t.outputLength();
        ObjectNode len = o.putObject("output_length");
        len.put("requests", l.requests());
        len.put("requested", l.requested());
        len.put("actual", l.actual());
        len.put("short_requests", l.shortRequests());
        putDouble(len, "actual_to_requested", l.actualToRequested());
        putDouble(len, "short_share", l.shortShare());
        return o;
    }

    private static ObjectNode summary(Summary s) {
        ObjectNode o = NODES.objectNode();
        o.put("unit", s.unit());
        o.put("count", s.count());
        o.put("mean", s.mean());
        o.put("stddev", s.stddev());
        o.put("min", s.min());
        o.put("max", s.max());
        o.put("p50", s.p50());
        o.put("p90", s.p90());
        o.put("p95", s.p95());
        o.put("p99", s.p99());
        o.put("p999", s.p999());
        o.put("failed_count", s.failedCount());
        o.put("hdr_histogram", encode(s.histogram()));
        return o;
    }

    private static ObjectNode throughput(SystemThroughput t) {
        ObjectNode o = NODES.objectNode();
        o.put("window_start", t.windowStart() == null ? null : t.windowStart().toString());
        o.put("window_end", t.windowEnd() == null ? null : t.windowEnd().toString());
        o.put("window_seconds", t.windowSeconds());
        o.put("output_tokens_per_second", t.outputTokensPerSecond());
        o.put("input_tokens_per_second", t.inputTokensPerSecond());
        o.put("requests_per_second", t.requestsPerSecond());
        o.put("goodput_requests_per_second", t.goodputRequestsPerSecond());
        return o;
    }

    private static ObjectNode timeSeries(TimeSeries ts) {
        ObjectNode o = NODES.objectNode();
        o.put("start", ts.start().toString());
        ArrayNode points = o.putArray("points");
        for (TimeSeries.Point p : ts.points()) {
            ObjectNode x = points.addObject();
            x.put("second", p.second());
            x.put("completions", p.completions());
            x.put("failures", p.failures());
            x.put("output_tokens", p.outputTokens());
            x.put("in_flight", p.inFlight());
            x.put("ttft_count", p.ttftCount());
            x.put("ttft_p50_us", p.ttftP50Micros());
        }
        return o;
    }

    private static ObjectNode fidelity(Fidelity f) {
        ObjectNode o = NODES.objectNode();
        o.put("output_chunks", f.outputChunks());
        o.put("coalesced_chunks", f.coalescedChunks());
        o.put("coalesced_chunk_ratio", f.coalescedChunkRatio());
        o.put("client_io_busy", f.clientIoBusy());
        o.put("client_cpu_ns", f.clientCpuNanos());
        double perChunk = f.clientCpuMicrosPerChunk();
        if (!Double.isNaN(perChunk)) o.put("client_cpu_us_per_chunk", perChunk);
        return o;
    }

    private static ObjectNode rateLimits(RateLimits rl) {
        ObjectNode o = NODES.objectNode();
        o.put("status_429", rl.status429());
        o.put("status_503", rl.status503());
        o.put("retry_after_count", rl.retryAfterCount());
        ArrayNode a = o.putArray("retry_after_ms");
        rl.retryAfterMillis().forEach(a::add);
        ObjectNode h = o.putObject("last_ratelimit_headers");
        rl.lastRateLimitHeaders().forEach(h::put);
        return o;
    }

    private static JsonNode plain(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof String s) return NODES.textNode(s);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(x -> a.add(plain(x)));
            return a;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, x) -> o.set((String) k, plain(x)));
            return o;
        }
        throw new IllegalStateException("not a plain value: " + v.getClass()); // normalised on construction
    }

    /** HdrHistogram's compressed encoding of {@code h}, base64. */
    public static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[len];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes {@link #encode}'s text into an auto-resizing histogram. */
    public static Histogram decode(String base64) throws java.util.zip.DataFormatException {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        Histogram resizable = new Histogram(h.getNumberOfSignificantValueDigits());
        resizable.add(h);
        return resizable;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ reading

    /** Reads fields with their path, so every error names the file and the field. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        BenchmarkResult result(JsonNode root) throws ResultFormatException {
            JsonNode version = root.get("schema_version");
            if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
                throw fail("schema_version", version == null ? "missing" : "expected an integer, found " + version);
            }
            int v = version.intValue();
            if (v > BenchmarkResult.SCHEMA_VERSION) {
                throw fail("schema_version", "schema version " + v + " is newer than this harness reads (up to "
                        + BenchmarkResult.SCHEMA_VERSION + "): upgrade llmbench to read it");
            }
            if (v < 1) throw fail("schema_version", "unknown schema version " + v);
            RunMetadata md = metadata(obj(root, "metadata", "metadata"));
            Map<String, Object> config = plainMap(obj(root, "configuration", "configuration"), "configuration");
            Counts counts = counts(obj(root, "counts", "counts"));
            TokenTotals tokens = tokens(obj(root, "tokens", "tokens"));
            Map<String, Summary> metrics = new LinkedHashMap<>();
            JsonNode ms = obj(root, "metrics", "metrics");
            for (Iterator<Map.Entry<String, JsonNode>> it = ms.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                metrics.put(e.getKey(), summary(e.getValue(), "metrics." + e.getKey()));
            }
            SystemThroughput throughput = throughput(obj(root, "throughput", "throughput"));
            TimeSeries series = timeSeries(obj(root, "time_series", "time_series"));
            Fidelity fidelity = fidelity(obj(root, "fidelity", "fidelity"));
            JsonNode failures = obj(root, "failures", "failures");
            EnumMap<FailureKind, List<String>> examples = new EnumMap<>(FailureKind.class);
            JsonNode ex = obj(failures, "examples", "failures.examples");
            for (Iterator<Map.Entry<String, JsonNode>> it = ex.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "failures.examples." + e.getKey();
                examples.put(enumValue(FailureKind.class, e.getKey(), p), strings(e.getValue(), p));
            }
            RateLimits rateLimits = rateLimits(obj(failures, "rate_limits", "failures.rate_limits"));
            List<String> warnings = strings(req(root, "warnings", "warnings"), "warnings");
            List<SloVerdict> slos = new ArrayList<>();
            JsonNode sv = array(root, "slo_verdicts", "slo_verdicts");
            for (int i = 0; i < sv.size(); i++) {
                String p = "slo_verdicts[" + i + "]";
                JsonNode o = sv.get(i);
                if (!o.isObject()) throw fail(p, "expected an object");
                JsonNode sc = o.get("sample_count");
                slos.add(new SloVerdict(str(o, "expression", p + ".expression"), optStr(o, "metric", p + ".metric"),
                        bool(o, "passed", p + ".passed"), optDouble(o, "measured", p + ".measured"),
                        optDouble(o, "limit", p + ".limit"), optStr(o, "unit", p + ".unit"),
                        sc == null || sc.isNull() ? 0 : lng(o, "sample_count", p + ".sample_count"),
                        optStr(o, "detail", p + ".detail")));
            }
            JsonNode costNode = root.get("cost");
            Map<String, Object> cost = costNode == null || costNode.isNull() ? null : plainMap(objNode(costNode, "cost"), "cost");
            Measurements m = new Measurements(counts, tokens, metrics, throughput, series, fidelity, examples, rateLimits, warnings);
            try {
                return new BenchmarkResult(md, config, m, slos, cost);
            } catch (IllegalArgumentException e) {
                throw new ResultFormatException(source, null, e.getMessage(), e);
            }
        }

        RunMetadata metadata(JsonNode o) throws ResultFormatException {
            String p = "metadata.";
            boolean partial = bool(o, "partial", p + "partial");
            String reason = optStr(o, "partial_reason", p + "partial_reason");
            if (!partial && reason != null) throw fail(p + "partial_reason", "given for a run that is not partial");
            return new RunMetadata(str(o, "benchmark_name", p + "benchmark_name"), instant(o, "start_time", p + "start_time"),
                    instant(o, "end_time", p + "end_time"), optStr(o, "harness_version", p + "harness_version"),
                    optStr(o, "git_commit", p + "git_commit"), optStr(o, "java_version", p + "java_version"),
                    optStr(o, "java_vendor", p + "java_vendor"), optStr(o, "host_name", p + "host_name"),
                    optStr(o, "os_name", p + "os_name"), optStr(o, "os_version", p + "os_version"),
                    optStr(o, "os_arch", p + "os_arch"), (int) lng(o, "available_processors", p + "available_processors"),
                    partial, reason);
        }

        Counts counts(JsonNode o) throws ResultFormatException {
            return new Counts(lng(o, "succeeded", "counts.succeeded"),
                    enumLongs(FailureKind.class, obj(o, "failed_by_kind", "counts.failed_by_kind"), "counts.failed_by_kind"),
                    lng(o, "warmup", "counts.warmup"));
        }

        TokenTotals tokens(JsonNode o) throws ResultFormatException {
            String p = "tokens.";
            TokenReconciliation rec = null;
            JsonNode r = o.get("reconciliation");
            if (r != null && !r.isNull()) {
                String q = p + "reconciliation.";
                objNode(r, p + "reconciliation");
                rec = new TokenReconciliation(lng(r, "usage_requests", q + "usage_requests"), lng(r, "usage", q + "usage"),
                        lng(r, "tokenizer_requests", q + "tokenizer_requests"), lng(r, "tokenizer", q + "tokenizer"),
                        lng(r, "chunks", q + "chunks"), lng(r, "compared_requests", q + "compared_requests"),
                        lng(r, "compared_usage", q + "compared_usage"), lng(r, "compared_difference", q + "compared_difference"));
            }
            OutputLength len = null;
            JsonNode l = o.get("output_length");
            if (l != null && !l.isNull()) {
                String q = p + "output_length.";
                objNode(l, p + "output_length");
                len = new OutputLength(lng(l, "requests", q + "requests"), lng(l, "requested", q + "requested"),
                        lng(l, "actual", q + "actual"), lng(l, "short_requests", q + "short_requests"));
            }
            return new TokenTotals(lng(o, "input", p + "input"), lng(o, "output", p + "output"), lng(o, "cached", p + "cached"),
                    enumLongs(TokenSource.class, obj(o, "output_sources", p + "output_sources"), p + "output_sources"),
                    enumLongs(TokenSource.class, obj(o, "input_sources", p + "input_sources"), p + "input_sources"),
                    lng(o, "input_unknown_requests", p + "input_unknown_requests"), rec, len);
        }

        Summary summary(JsonNode o, String p) throws ResultFormatException {
            objNode(o, p);
            String hp = p + ".hdr_histogram";
            Histogram h;
            try {
                h = decode(str(o, "hdr_histogram", hp));
            } catch (IllegalArgumentException | java.util.zip.DataFormatException | java.nio.BufferUnderflowException e) {
                throw fail(hp, "not a base64 HdrHistogram compressed encoding: " + e.getMessage());
            }
            long count = lng(o, "count", p + ".count");
            if (count != h.getTotalCount()) {
                throw fail(p + ".count", count + " does not match the histogram's " + h.getTotalCount() + " samples");
            }
            return new Summary(count, dbl(o, "mean", p + ".mean"), dbl(o, "stddev", p + ".stddev"),
                    lng(o, "min", p + ".min"), lng(o, "max", p + ".max"), lng(o, "p50", p + ".p50"),
                    lng(o, "p90", p + ".p90"), lng(o, "p95", p + ".p95"), lng(o, "p99", p + ".p99"),
                    lng(o, "p999", p + ".p999"), lng(o, "failed_count", p + ".failed_count"),
                    str(o, "unit", p + ".unit"), h);
        }

        SystemThroughput throughput(JsonNode o) throws ResultFormatException {
            String p = "throughput.";
            JsonNode g = o.get("goodput_requests_per_second");
            return new SystemThroughput(optInstant(o, "window_start", p + "window_start"),
                    optInstant(o, "window_end", p + "window_end"),
                    dbl(o, "output_tokens_per_second", p + "output_tokens_per_second"),
                    dbl(o, "input_tokens_per_second", p + "input_tokens_per_second"),
                    dbl(o, "requests_per_second", p + "requests_per_second"),
                    g == null || g.isNull() ? null : dbl(o, "goodput_requests_per_second", p + "goodput_requests_per_second"));
        }

        TimeSeries timeSeries(JsonNode o) throws ResultFormatException {
            Instant start = instant(o, "start", "time_series.start");
            JsonNode a = array(o, "points", "time_series.points");
            List<TimeSeries.Point> points = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                String p = "time_series.points[" + i + "].";
                JsonNode x = objNode(a.get(i), "time_series.points[" + i + "]");
                JsonNode p50 = x.get("ttft_p50_us");
                points.add(new TimeSeries.Point(lng(x, "second", p + "second"), lng(x, "completions", p + "completions"),
                        lng(x, "failures", p + "failures"), lng(x, "output_tokens", p + "output_tokens"),
                        lng(x, "in_flight", p + "in_flight"), lng(x, "ttft_count", p + "ttft_count"),
                        p50 == null || p50.isNull() ? null : lng(x, "ttft_p50_us", p + "ttft_p50_us")));
            }
            return new TimeSeries(start, points);
        }

        Fidelity fidelity(JsonNode o) throws ResultFormatException {
            JsonNode busy = o.get("client_io_busy");
            JsonNode cpu = o.get("client_cpu_ns");
            return new Fidelity(lng(o, "output_chunks", "fidelity.output_chunks"),
                    lng(o, "coalesced_chunks", "fidelity.coalesced_chunks"),
                    busy == null || busy.isNull() ? null : dbl(o, "client_io_busy", "fidelity.client_io_busy"),
                    cpu == null || cpu.isNull() ? null : lng(o, "client_cpu_ns", "fidelity.client_cpu_ns"));
        }

        RateLimits rateLimits(JsonNode o) throws ResultFormatException {
            String p = "failures.rate_limits.";
            JsonNode a = array(o, "retry_after_ms", p + "retry_after_ms");
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                JsonNode x = a.get(i);
                if (!x.isIntegralNumber() || !x.canConvertToLong()) throw fail(p + "retry_after_ms[" + i + "]", "expected an integer");
                values.add(x.longValue());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            JsonNode h = obj(o, "last_ratelimit_headers", p + "last_ratelimit_headers");
            for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) throw fail(p + "last_ratelimit_headers." + e.getKey(), "expected a string");
                headers.put(e.getKey(), e.getValue().textValue());
            }
            return new RateLimits(lng(o, "status_429", p + "status_429"), lng(o, "status_503", p + "status_503"),
                    lng(o, "retry_after_count", p + "retry_after_count"), values, headers);
        }

        // ---- primitives

        private <E extends Enum<E>> Map<E, Long> enumLongs(Class<E> type, JsonNode o, String p) throws ResultFormatException {
            EnumMap<E, Long> m = new EnumMap<>(type);
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(enumValue(type, e.getKey(), p + "." + e.getKey()), lng(o, e.getKey(), p + "." + e.getKey()));
            }
            return m;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String name, String p) throws ResultFormatException {
            try {
                return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(p, "unknown " + type.getSimpleName() + " '" + name + "'");
            }
        }

        private List<String> strings(JsonNode a, String p) throws ResultFormatException {
            if (!a.isArray()) throw fail(p, "expected an array of strings");
            List<String> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isTextual()) throw fail(p + "[" + i + "]", "expected a string");
                out.add(a.get(i).textValue());
            }
            return out;
        }

        private Map<String, Object> plainMap(JsonNode o, String p) throws ResultFormatException {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), plainValue(e.getValue(), p + "." + e.getKey()));
            }
            return m;
        }

        private Object plainValue(JsonNode n, String p) throws ResultFormatException {
            if (n.isNull()) return null;
            if (n.isTextual()) return n.textValue();
            if (n.isBoolean()) return n.booleanValue();
            if (n.isIntegralNumber()) {
                if (!n.canConvertToLong()) throw fail(p, "integer too large: " + n);
                return n.longValue();
            }
            if (n.isNumber()) return n.doubleValue();
            if (n.isArray()) {
                List<Object> l = new ArrayList<>(n.size());
                for (int i = 0; i < n.size(); i++) l.add(plainValue(n.get(i), p + "[" + i + "]"));
                return l;
            }
            if (n.isObject()) return plainMap(n, p);
            throw fail(p, "unsupported value " + n);
        }

        private JsonNode req(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = o.get(name);
            if (n == null) throw fail(p, "missing");
            return n;
        }

        private JsonNode obj(JsonNode o, String name, String p) throws ResultFormatException {
            return objNode(req(o, name, p), p);
        }

        private JsonNode objNode(JsonNode n, String p) throws ResultFormatException {
            if (!n.isObject()) throw fail(p, "expected an object, found " + n.getNodeType().name().toLowerCase(Locale.ROOT));
            return n;
        }

        private JsonNode array(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = req(o, name, p);
            if (!n.isArray()) throw fail(p, "expected an array");
            return n;
        }

        private long lng(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = req(o, name, p);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) throw fail(p, "expected an integer, found " + n);
            return n.longValue();
        }

        private double dbl(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = req(o, name, p);
            if (!n.isNumber()) throw fail(p, "expected a number, found " + n);
            return n.doubleValue();
        }

        /** A number, or one of the strings "Infinity", "-Infinity", "NaN" (how non-finite doubles are written); NaN when absent. */
        private double optDouble(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = o.get(name);
            if (n == null || n.isNull()) return Double.NaN;
            if (n.isNumber()) return n.doubleValue();
            if (n.isTextual()) {
                switch (n.textValue()) {
                    case "Infinity": return Double.POSITIVE_INFINITY;
                    case "-Infinity": return Double.NEGATIVE_INFINITY;
                    case "NaN": return Double.NaN;
                    default:
                }
            }
            throw fail(p, "expected a number, \"Infinity\", \"-Infinity\" or \"NaN\", found " + n);
        }

        private boolean bool(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = req(o, name, p);
            if (!n.isBoolean()) throw fail(p, "expected true or false, found " + n);
            return n.booleanValue();
        }

        private String str(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = req(o, name, p);
            if (!n.isTextual()) throw fail(p, "expected a string, found " + n);
            return n.textValue();
        }

        private String optStr(JsonNode o, String name, String p) throws ResultFormatException {
            JsonNode n = o.get(name);
            if (n == null || n.isNull()) return null;
            if (!n.isTextual()) throw fail(p, "expected a string or null, found " + n);
            return n.textValue();
        }

        private Instant instant(JsonNode o, String name, String p) throws ResultFormatException {
            Instant i = optInstant(o, name, p);
            if (i == null) throw fail(p, "missing");
            return i;
        }

        private Instant optInstant(JsonNode o, String name, String p) throws ResultFormatException {
            String s = optStr(o, name, p);
            if (s == null) return null;
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw fail(p, "expected an ISO-8601 instant, found '" + s + "'");
            }
        }

        private ResultFormatException fail(String field, String problem) {
            return new ResultFormatException(source, field, problem);
        }
    }
}
