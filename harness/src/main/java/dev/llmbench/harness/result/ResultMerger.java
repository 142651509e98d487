package dev.llmbench.harness.result;

import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenTotals;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges two results of the same benchmark, e.g. from several load-generating machines or repeated runs.
 *
 * <ul>
 *   <li>Same benchmark name and equal configurations are required; otherwise an {@link IllegalArgumentException}
 *       names the names, or the first differing configuration key (dotted path).</li>
 *   <li>Histograms are added exactly and every summary is recomputed from the merged histogram; failed counts add.</li>
 *   <li>Counts, tokens, fidelity chunk counts and rate-limit counts add; client I/O busy is the larger of the two
 *       (the busier load generator); failure examples and Retry-After values are concatenated up to their limits;
 *       the last rate-limit headers are those of the result that ended later.</li>
 *   <li>System throughput is recomputed over the union window (earliest window start to latest window end); good
 *       requests (goodput's count) add when both results have them, else goodput is not measured.</li>
 *   <li>Time series are aligned by wall-clock second: the merged series starts at the earlier start, and the other
 *       series is shifted by its start offset rounded to the nearest whole second (exact when both started on the
 *       same sub-second phase, else off by less than half a second). Counts add; where both had TTFT samples in a
 *       second, the merged {@code ttft_p50_us} is the count-weighted mean of the two medians — an approximation
 *       (the run-wide TTFT percentiles, from the merged histogram, are exact).</li>
 *   <li>Metadata: earliest start, latest end, partial if either was (reasons joined); other fields that differ
 *       (host, versions, commit) are joined with ", "; available processors add up when the hosts differ.</li>
 *   <li>Warnings: both, without duplicates. SLO verdicts and cost are dropped (empty / null): they must be
 *       evaluated again on the merged result.</li>
 * </ul>
 */
public final class ResultMerger {

    private ResultMerger() {
    }

    /** Merges {@code a} and {@code b}; see the class comment. */
    public static BenchmarkResult merge(BenchmarkResult a, BenchmarkResult b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!a.name().equals(b.name())) {
            throw new IllegalArgumentException("cannot merge results of different benchmarks: '" + a.name() + "' and '" + b.name() + "'");
        }
        String diff = BenchmarkConfiguration.firstDifference(a.configuration(), b.configuration());
        if (diff != null) {
            throw new IllegalArgumentException("cannot merge results of benchmark '" + a.name()
                    + "': their configurations differ at key '" + diff + "'");
        }
        Measurements ma = a.measurements();
        Measurements mb = b.measurements();

        Counts counts = ma.counts().plus(mb.counts());
        TokenTotals tokens = ma.tokens().plus(mb.tokens());
        Map<String, Summary> metrics = new LinkedHashMap<>();
        LinkedHashSet<String> names = new LinkedHashSet<>(ma.metrics().keySet());
        names.addAll(mb.metrics().keySet());
        for (String name : names) {
            metrics.put(name, merge(name, ma.metrics().get(name), mb.metrics().get(name)));
        }
        Long goodA = ma.throughput().goodRequests();
        Long goodB = mb.throughput().goodRequests();
        SystemThroughput tp = SystemThroughput.of(
                earliest(ma.throughput().windowStart(), mb.throughput().windowStart()),
                latest(ma.throughput().windowEnd(), mb.throughput().windowEnd()), counts, tokens)
                .withGoodRequests(goodA != null && goodB != null ? Long.valueOf(goodA + goodB) : null);
        TimeSeries series = merge(ma.timeSeries(), mb.timeSeries());
        Fidelity fa = ma.fidelity();
        Fidelity fb = mb.fidelity();
        Double busy;
        if (fa.clientIoBusy() == null) busy = fb.clientIoBusy();
        else if (fb.clientIoBusy() == null) busy = fa.clientIoBusy();
        else busy = Math.max(fa.clientIoBusy(), fb.clientIoBusy());
        Long cpu;
        if (fa.clientCpuNanos() == null) cpu = fb.clientCpuNanos();
        else if (fb.clientCpuNanos() == null) cpu = fa.clientCpuNanos();
        else cpu = Long.valueOf(fa.clientCpuNanos() + fb.clientCpuNanos());
        Fidelity fidelity = new Fidelity(fa.outputChunks() + fb.outputChunks(), fa.coalescedChunks() + fb.coalescedChunks(), busy, cpu);

        EnumMap<FailureKind, List<String>> examples = new EnumMap<>(FailureKind.class);
        for (Map<FailureKind, List<String>> src : List.of(ma.failureExamples(), mb.failureExamples())) {
            src.forEach((k, v) -> {
                List<String> l = examples.computeIfAbsent(k, x -> new ArrayList<>());
                for (String s : v) if (l.size() < MetricsRecorder.EXAMPLES_PER_KIND && !l.contains(s)) l.add(s);
            });
        }
        RateLimits ra = ma.rateLimits();
        RateLimits rb = mb.rateLimits();
        List<Long> retry = new ArrayList<>(ra.retryAfterMillis());
        for (Long x : rb.retryAfterMillis()) if (retry.size() < MetricsRecorder.MAX_RETRY_AFTER_VALUES) retry.add(x);
        boolean bLater = !b.metadata().endTime().isBefore(a.metadata().endTime());
        Map<String, String> headers = bLater
                ? (rb.lastRateLimitHeaders().isEmpty() ? ra.lastRateLimitHeaders() : rb.lastRateLimitHeaders())
                : (ra.lastRateLimitHeaders().isEmpty() ? rb.lastRateLimitHeaders() : ra.lastRateLimitHeaders());
        RateLimits rateLimits = new RateLimits(ra.status429() + rb.status429(), ra.status503() + rb.status503(),
                ra.retryAfterCount() + rb.retryAfterCount(), retry, headers,
                ra.backoff() == null ? rb.backoff() : ra.backoff().plus(rb.backoff()));
        LinkedHashSet<String> warnings = new LinkedHashSet<>(ma.warnings());
        warnings.addAll(mb.warnings());

        Measurements m = new Measurements(counts, tokens, metrics, tp, series, fidelity, examples, rateLimits, new ArrayList<>(warnings));
        return new BenchmarkResult(merge(a.metadata(), b.metadata()), a.configuration(), m, List.of(), null);
    }

    private static Summary merge(String name, Summary a, Summary b) {
        if (a == null) return b;
        if (b == null) return a;
        if (!a.unit().equals(b.unit())) {
            throw new IllegalArgumentException("cannot merge metric '" + name + "': units differ (" + a.unit() + " vs " + b.unit() + ")");
        }
        Histogram h = new Histogram(Math.max(a.histogram().getNumberOfSignificantValueDigits(),
                b.histogram().getNumberOfSignificantValueDigits()));
        h.add(a.histogram());
        h.add(b.histogram());
        return Summary.of(h, a.failedCount() + b.failedCount(), a.unit());
    }

    static TimeSeries merge(TimeSeries a, TimeSeries b) {
        Instant start = earliest(a.start(), b.start());
        TreeMap<Long, long[]> bins = new TreeMap<>(); // completions, failures, tokens, inFlight, ttftCount, p50 weighted sum
        TreeMap<Long, Boolean> hasP50 = new TreeMap<>();
        for (TimeSeries ts : List.of(a, b)) {
            long offset = Math.round(Duration.between(start, ts.start()).toNanos() / 1e9);
            for (TimeSeries.Point p : ts.points()) {
                long s = p.second() + offset;
                long[] x = bins.computeIfAbsent(s, k -> new long[6]);
                x[0] += p.completions();
                x[1] += p.failures();
                x[2] += p.outputTokens();
                x[3] += p.inFlight();
                if (p.ttftP50Micros() != null) {
                    x[4] += p.ttftCount();
                    x[5] += p.ttftP50Micros() * Math.max(1, p.ttftCount());
                    hasP50.put(s, true);
                } else {
                    x[4] += p.ttftCount();
                }
            }
        }
        List<TimeSeries.Point> points = new ArrayList<>();
        long last = bins.isEmpty() ? -1 : bins.lastKey();
        for (long s = 0; s <= last; s++) {
            long[] x = bins.get(s);
            if (x == null) {
                points.add(new TimeSeries.Point(s, 0, 0, 0, 0, 0, null));
            } else {
                Long p50 = hasP50.containsKey(s) ? Math.round((double) x[5] / Math.max(1, x[4])) : null;
                points.add(new TimeSeries.Point(s, x[0], x[1], x[2], x[3], x[4], p50));
            }
        }
        return new TimeSeries(start, points);
    }

    private static RunMetadata merge(RunMetadata a, RunMetadata b) {
        boolean sameHost = Objects.equals(a.hostName(), b.hostName());
        String ra = a.partial() ? a.partialReason() : null;
        String rb = b.partial() ? b.partialReason() : null;
        String reason = ra == null ? rb : rb == null || ra.equals(rb) ? ra : ra + "; " + rb;
        return new RunMetadata(a.benchmarkName(), earliest(a.startTime(), b.startTime()), latest(a.endTime(), b.endTime()),
                join(a.harnessVersion(), b.harnessVersion()), join(a.gitCommit(), b.gitCommit()),
                join(a.javaVersion(), b.javaVersion()), join(a.javaVendor(), b.javaVendor()),
                join(a.hostName(), b.hostName()), join(a.osName(), b.osName()), join(a.osVersion(), b.osVersion()),
                join(a.osArch(), b.osArch()),
                sameHost ? Math.max(a.availableProcessors(), b.availableProcessors()) : a.availableProcessors() + b.availableProcessors(),
                a.partial() || b.partial(), reason);
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        if (b == null || a.equals(b)) return a;
        return a + ", " + b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
