package dev.llmbench.harness.compare;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenTotals;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.RunMetadata;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made results with exact figures (latencies below 2048 µs are exact in a 3-digit HdrHistogram). */
public final class TestResults {

    public static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    private final String name;
    private String model = "model-a";
    private String url = "http://127.0.0.1:8000/v1/chat/completions";
    private String protocol;
    private long requests = 100;
    private long errors = 0;
    private long ttftUs = 1000;
    private long tpotUs = 500;
    private double outputTokensPerSecond = 100.0;
    private String runId = "run1";
    private List<String> slos = List.of();
    private Map<FailureKind, List<String>> failureExamples = new EnumMap<>(FailureKind.class);
    private RateLimits rateLimits = new RateLimits(0, 0, 0, List.of(), Map.of());

    private TestResults(String name) {
        this.name = name;
    }

    public static TestResults named(String name) {
        return new TestResults(name);
    }

    public TestResults model(String m) { this.model = m; return this; }
    public TestResults url(String u) { this.url = u; return this; }
    /** The endpoint's protocol name as a result records it (absent by default, as in old files). */
    public TestResults protocol(String p) { this.protocol = p; return this; }
    public TestResults requests(long n) { this.requests = n; return this; }
    public TestResults errors(long n) { this.errors = n; return this; }
    public TestResults ttftUs(long us) { this.ttftUs = us; return this; }
    public TestResults tpotUs(long us) { this.tpotUs = us; return this; }
    public TestResults throughput(double tokPerSecond) { this.outputTokensPerSecond = tokPerSecond; return this; }
    public TestResults runId(String id) { this.runId = id; return this; }
    public TestResults slos(String... expressions) { this.slos = List.of(expressions); return this; }
    public TestResults rateLimits(RateLimits r) { this.rateLimits = r; return this; }
    public TestResults failureExample(FailureKind k, String message) {
        failureExamples.computeIfAbsent(k, x -> new ArrayList<>()).add(message);
        return this;
    }

    public BenchmarkResult build() {
        long ok = requests - errors;
        Map<String, Summary> metrics = new LinkedHashMap<>();
        metrics.put("ttft", summary(ok, ttftUs, errors, Summary.MICROSECONDS));
        metrics.put("tpot", summary(ok, tpotUs, errors, Summary.MICROSECONDS));
        metrics.put("itl", summary(ok * 10, tpotUs, 0, Summary.MICROSECONDS));
        metrics.put("e2e", summary(ok, ttftUs + 10 * tpotUs, errors, Summary.MICROSECONDS));
        metrics.put("output_speed", summary(ok, 1_000_000_000L / Math.max(1, tpotUs), 0, Summary.MILLITOKENS_PER_SECOND));
        EnumMap<FailureKind, Long> failed = new EnumMap<>(FailureKind.class);
        failed.put(FailureKind.HTTP_STATUS, errors);
        Counts counts = new Counts(ok, failed, 2);
        TokenTotals tokens = new TokenTotals(ok * 10, ok * 11, 0, Map.of(), Map.of(), 0);
        SystemThroughput tp = new SystemThroughput(START, START.plusSeconds(10), outputTokensPerSecond, 10.0, ok / 10.0, null);
        List<TimeSeries.Point> points = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            points.add(new TimeSeries.Point(s, ok / 10, s == 9 ? errors : 0, (long) outputTokensPerSecond, 4 - s % 3,
                    ok / 10, ttftUs + 10L * s));
        }
        Measurements m = new Measurements(counts, tokens, metrics, tp, new TimeSeries(START, points),
                new Fidelity(ok * 11, 0, 0.01, 1000L), failureExamples, rateLimits, List.of());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("model", model);
        config.put("endpoint", protocol == null ? Map.of("url", url) : Map.of("url", url, "protocol", protocol));
        config.put("load", Map.of("type", "concurrency", "users", 4));
        config.put("prompt_shape", Map.of("name", "custom", "input_tokens", 10, "output_tokens", 11));
        config.put("run_id", runId);
        if (!slos.isEmpty()) config.put("slos", slos);
        RunMetadata md = new RunMetadata(name, START, START.plusSeconds(11), "dev", null, "17", "Test", "host-1",
                "Linux", "6", "amd64", 4, false, null);
        BenchmarkResult r = BenchmarkResult.of(md, dev.llmbench.harness.result.BenchmarkConfiguration.fromPlainValues(config), m);
        if (!slos.isEmpty()) r = r.withSloVerdicts(dev.llmbench.harness.slo.SloSet.parse(slos).evaluate(r));
        return r;
    }

    private static Summary summary(long n, long value, long failed, String unit) {
        Histogram h = new Histogram(3);
        if (n > 0) h.recordValueWithCount(value, n);
        return Summary.of(h, failed, unit);
    }
}
