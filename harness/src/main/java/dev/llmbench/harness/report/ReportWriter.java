package dev.llmbench.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.compare.MetricComparison;
import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes the report of a {@link ResultSet}: {@value #HTML} (one self-contained page: inline CSS and SVG, no network),
 * {@value #MARKDOWN} (a summary fit for a pull-request comment or GitHub step summary) and {@value #SUMMARY}
 * (machine-readable headline numbers and verdicts).
 */
public final class ReportWriter {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "report.md";
    public static final String SUMMARY = ResultSet.SUMMARY_FILE;
    /** The {@code schema} field of {@value #SUMMARY}. */
    public static final String SUMMARY_SCHEMA = "llmbench-summary/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The files written. */
    public record ReportFiles(Path html, Path markdown, Path summary) {
    }

    private ReportWriter() {
    }

    /** Writes the three files into {@code outDir} (created when missing); {@code comparison} may be null. */
    public static ReportFiles write(ResultSet results, ComparisonReport comparison, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Instant now = Instant.now();
        Path html = write(outDir.resolve(HTML), html(results, comparison, now));
        Path md = write(outDir.resolve(MARKDOWN), markdown(results, comparison));
        Path json = write(outDir.resolve(SUMMARY), summaryJson(results, comparison));
        return new ReportFiles(html, md, json);
    }

    /** The HTML page. */
    public static String html(ResultSet results, ComparisonReport comparison) {
        return html(results, comparison, Instant.now());
    }

    static String html(ResultSet results, ComparisonReport comparison, Instant generated) {
        return HtmlReport.render(results, comparison, generated);
    }

    /** The Markdown summary. */
    public static String markdown(ResultSet results, ComparisonReport comparison) {
        return Markdown.render(results, comparison);
    }

    /**
     * The machine-readable summary: {@code schema}, {@code slos_passed}, {@code slo_violations},
     * {@code regressions} (when compared), {@code warnings}, and per benchmark its label, name, model, endpoint,
     * load, shape, partial flag, counts, latencies (ms: {@code ttft}, {@code tpot}, {@code itl}, {@code e2e} with
     * p50/p90/p99), speeds (tok/s), cost figures (null when not priced), SLO verdicts and baseline comparisons.
     */
    public static String summaryJson(ResultSet set, ComparisonReport comparison) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ObjectNode root = n.objectNode();
        root.put("schema", SUMMARY_SCHEMA);
        List<BenchmarkResult> results = set.results();
        List<String> labels = ResultIdentity.labels(results);
        int violations = 0;
        ArrayNode benches = n.arrayNode();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult r = results.get(i);
            Headline h = Headline.of(r, labels.get(i));
            ObjectNode b = benches.addObject();
            b.put("label", h.label());
            b.put("name", h.name());
            b.put("model", h.model());
            b.put("endpoint", h.endpoint());
            b.put("load", h.load());
            b.put("shape", h.shape());
            b.put("partial", h.partial());
            b.put("start_time", r.metadata().startTime().toString());
            b.put("host", r.metadata().hostName());
            ObjectNode c = b.putObject("requests");
            c.put("measured", h.requests());
            c.put("succeeded", r.counts().succeeded());
            c.put("errors", h.errors());
            c.put("rate_limited", h.rateLimited());
            c.put("cancelled", h.cancelled());
            putNumber(b, "error_rate_percent", h.errorRate());
            ObjectNode lat = b.putObject("latency_ms");
            for (MetricName m : List.of(MetricName.TTFT, MetricName.TPOT, MetricName.ITL, MetricName.E2E)) {
                ObjectNode o = lat.putObject(m.id());
                putNumber(o, "p50", Headline.pct(r, m, 50));
                putNumber(o, "p90", Headline.pct(r, m, 90));
                putNumber(o, "p99", Headline.pct(r, m, 99));
            }
            putNumber(b, "output_speed_p50_tok_s", h.outputSpeedP50());
            putNumber(b, "output_throughput_tok_s", h.outputThroughput());
            putNumber(b, "requests_per_second", h.requestRate());
            putNumber(b, "goodput_requests_per_second", h.goodput());
            if (r.cost() == null) {
                b.putNull("cost");
            } else {
                ObjectNode cost = b.putObject("cost");
                r.cost().byName().forEach((k, v) -> {
                    if (v instanceof Number num) putNumber(cost, k, num.doubleValue());
                    else cost.put(k, String.valueOf(v));
                });
            }
            b.put("slos_passed", h.slosPassed());
            ArrayNode slos = b.putArray("slos");
            for (SloVerdict v : r.sloVerdicts()) {
                if (!v.passed()) violations++;
                ObjectNode o = slos.addObject();
                o.put("expression", v.expression());
                o.put("passed", v.passed());
                putNumber(o, "measured", v.measured());
                putNumber(o, "limit", v.limit());
                o.put("unit", v.unit());
                o.put("detail", v.detail());
            }
            if (comparison != null) {
                ArrayNode cmp = b.putArray("baseline");
                for (MetricComparison mc : comparison.forBenchmark(h.label())) cmp.add(comparisonNode(mc));
            }
        }
        root.put("benchmarks_count", results.size());
        root.put("slos_passed", violations == 0);
        root.put("slo_violations", violations);
        if (comparison != null) {
            root.put("regressions_count", comparison.regressions().size());
            ArrayNode reg = root.putArray("regressions");
            for (MetricComparison mc : comparison.regressions()) reg.add(comparisonNode(mc));
        }
        ArrayNode w = root.putArray("warnings");
        set.warnings().forEach(w::add);
        root.set("benchmarks", benches);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary", e);
        }
    }

    private static ObjectNode comparisonNode(MetricComparison mc) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("benchmark", mc.benchmark());
        o.put("metric", mc.metric().id());
        o.put("unit", mc.metric().unit());
        putNumber(o, "old", mc.oldValue());
        putNumber(o, "new", mc.newValue());
        putNumber(o, "change", mc.change());
        o.put("tolerance", mc.tolerance());
        o.put("verdict", mc.verdict().name());
        o.put("message", mc.describe());
        return o;
    }

    /** A number, or null when absent or NaN, or "Infinity"/"-Infinity" as strings (JSON has no infinities). */
    private static void putNumber(ObjectNode o, String name, Double v) {
        if (v == null || v.isNaN()) o.putNull(name);
        else if (v.isInfinite()) o.put(name, v > 0 ? "Infinity" : "-Infinity");
        else o.put(name, v);
    }

    private static Path write(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            // Not Files.writeString: its interruptible FileChannel would refuse to write after an interrupted run.
            try (java.io.OutputStream out = new java.io.FileOutputStream(tmp.toFile())) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
