package dev.llmbench.harness.report;

import dev.llmbench.harness.cost.CostFigures;
import dev.llmbench.harness.cost.CostFloor;
import dev.llmbench.harness.workload.RequestShape;

import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.compare.MetricComparison;
import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.compare.Verdict;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.SloReport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link ReportView} of a {@link ResultSet}. This is where the reports read results, SLO verdicts,
 * configuration and cost ({@link Headline#of} reads configuration and cost through here too); the renderers only see
 * the view, so a change in how results are stored is an edit here.
 */
final class ReportViewBuilder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Percentile charts: metric id and chart title. */
    private static final String[][] CURVES = {{"ttft", "TTFT"}, {"tpot", "TPOT"}, {"e2e", "End-to-end latency"}};

    private final ResultSet set;
    private final ComparisonReport comparison;
    private final List<BenchmarkResult> results;
    private final List<String> labels;
    private final List<Headline> headlines = new ArrayList<>();

    private ReportViewBuilder(ResultSet set, ComparisonReport comparison) {
        this.set = set;
        this.comparison = comparison;
        this.results = set.results();
        this.labels = ResultIdentity.labels(results);
        for (int i = 0; i < results.size(); i++) headlines.add(Headline.of(results.get(i), labels.get(i)));
    }

    /** The view of {@code set}; {@code comparison} (against a baseline) may be null. */
    static ReportView build(ResultSet set, ComparisonReport comparison, Instant generated) {
        return new ReportViewBuilder(set, comparison).view(generated);
    }

    private ReportView view(Instant generated) {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        LinkedHashSet<String> commits = new LinkedHashSet<>();
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        for (BenchmarkResult r : results) {
            hosts.add(r.metadata().hostName());
            if (r.metadata().gitCommit() != null) commits.add(r.metadata().gitCommit());
            versions.add(r.metadata().harnessVersion());
        }
        int verdicts = 0, failed = 0;
        for (Headline h : headlines) {
            verdicts += h.slos().size();
            failed += (int) h.slos().stream().filter(v -> !v.passed()).count();
        }
        ReportView.Baseline baseline = comparison == null ? null : new ReportView.Baseline(
                comparison.regressions().stream().map(MetricComparison::describe).toList(),
                MetricComparison.formatPercent(comparison.options().tolerance()), comparison.options().minSamples());
        List<ReportView.OverviewRow> overview = new ArrayList<>();
        List<BenchmarkSection> sections = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Headline h = headlines.get(i);
            overview.add(new ReportView.OverviewRow(i, h, slos(h.slos()), delta(h, "p50(ttft)"), delta(h, "p90(ttft)"),
                    delta(h, "p50(tpot)"), delta(h, "output_throughput")));
            sections.add(section(i));
        }
        return new ReportView(TIME.format(generated), List.copyOf(hosts), List.copyOf(commits),
                new ReportView.SloTally(verdicts, failed), baseline, headlines.stream().filter(Headline::partial).count(),
                set.warnings(), overview, leaderboards(), curves(), sections, String.join(", ", versions));
    }

    private ReportView.Delta delta(Headline h, String metric) {
        MetricComparison c = comparison == null ? null : comparison.find(h.label(), metric);
        if (c == null || c.verdict() == Verdict.MISSING) return null;
        return new ReportView.Delta(c.verdict(), c.change(), c.describe());
    }

    private static List<ReportView.SloView> slos(List<SloVerdict> verdicts) {
        return verdicts.stream().map(v -> new ReportView.SloView(v.expression(), v.passed(), SloReport.measured(v),
                SloReport.limit(v), v.detail())).toList();
    }

    private List<ReportView.LeaderboardTable> leaderboards() {
        List<ReportView.LeaderboardTable> tables = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> board : Leaderboard.of(headlines).entrySet()) {
            List<ReportView.LeaderboardRow> rows = new ArrayList<>();
            for (int i : board.getValue()) {
                rows.add(new ReportView.LeaderboardRow(rows.size() + 1, i, headlines.get(i), slos(headlines.get(i).slos())));
            }
            tables.add(new ReportView.LeaderboardTable(board.getKey(), rows));
        }
        return tables;
    }

    // ------------------------------------------------------------------ percentile curves

    /** Percentile curves of TTFT, TPOT and E2E, one group per benchmark family (tiers side by side). */
    private List<ReportView.CurveFamily> curves() {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) families.computeIfAbsent(family(results.get(i).name()), k -> new ArrayList<>()).add(i);
        List<ReportView.CurveFamily> groups = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> f : families.entrySet()) {
            List<ReportView.Chart> charts = new ArrayList<>();
            for (String[] m : CURVES) {
                List<Svg.Series> series = new ArrayList<>();
                int c = 0;
                for (int i : f.getValue()) {
                    Summary s = results.get(i).metrics().get(m[0]);
                    String color = Svg.PALETTE[c++ % Svg.PALETTE.length]; // a benchmark keeps its colour across charts
                    if (s == null || s.count() == 0) continue;
                    series.add(new Svg.Series(legendName(f.getKey(), labels.get(i)), color, percentilePoints(s.histogram()), false));
                }
                charts.add(new ReportView.Chart(m[1] + " by percentile", "ms", series));
            }
            String heading = families.size() == 1 ? null : f.getKey().isEmpty() ? "Other benchmarks" : f.getKey();
            groups.add(new ReportView.CurveFamily(heading, charts));
        }
        return groups;
    }

    /** The family of a benchmark name: the part before the last '.' or '#' (the test class), else the name itself. */
    static String family(String name) {
        int dash = name.indexOf('-');
        String head = dash >= 0 ? name.substring(0, dash) : name;
        int cut = Math.max(head.lastIndexOf('.'), head.lastIndexOf('#'));
        return cut > 0 ? name.substring(0, cut) : "";
    }

    private static String legendName(String family, String label) {
        return !family.isEmpty() && label.startsWith(family) && label.length() > family.length() + 1 ? label.substring(family.length() + 1) : label;
    }

    /** (x = percentile axis position, y = ms) points of a latency histogram in microseconds. */
    static List<double[]> percentilePoints(Histogram h) {
        List<double[]> pts = new ArrayList<>();
        if (h.getTotalCount() == 0) return pts;
        pts.add(new double[]{0, h.getMinValue() / 1000.0});
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo();
            pts.add(new double[]{Svg.percentileX(p), h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0});
            if (p >= 99.9) break;
        }
        return pts;
    }

    // ------------------------------------------------------------------ one benchmark

    private BenchmarkSection section(int i) {
        BenchmarkResult r = results.get(i);
        Headline h = headlines.get(i);
        List<BenchmarkSection.ComparisonRow> cmp = comparison == null ? List.of()
                : comparison.forBenchmark(h.label()).stream().map(c -> new BenchmarkSection.ComparisonRow(c.metric().id(),
                        MetricComparison.formatValue(c.oldValue(), c.metric().unit()),
                        MetricComparison.formatValue(c.newValue(), c.metric().unit()), MetricComparison.formatChange(c.change()),
                        c.verdict(), c.metric().higherIsBetter())).toList();
        List<BenchmarkSection.FailureExample> failures = new ArrayList<>();
        for (Map.Entry<FailureKind, List<String>> e : r.failureExamples().entrySet()) {
            for (String message : e.getValue()) {
                failures.add(new BenchmarkSection.FailureExample(e.getKey().name().toLowerCase(Locale.ROOT), message));
            }
        }
        return new BenchmarkSection(i, h, slos(r.sloVerdicts()), TIME.format(r.metadata().startTime()),
                seconds(Duration.between(r.metadata().startTime(), r.metadata().endTime())), r.metadata().hostName(),
                h.partial() ? r.metadata().partialReason() : null, figures(r),
                new BenchmarkSection.Counts(r.counts().succeeded(), r.counts().warmup(), r.tokens().input(), r.tokens().output()),
                r.cost() == null ? null : costLine(r.cost()), cmp, timeSeries(r.timeSeries()), failures, r.warnings(),
                BenchmarkSection.RateLimitView.of(r.rateLimits()));
    }

    private static List<BenchmarkSection.FigureRow> figures(BenchmarkResult r) {
        List<BenchmarkSection.FigureRow> rows = new ArrayList<>();
        for (Map.Entry<String, Summary> e : r.metrics().entrySet()) {
            Summary s = e.getValue();
            boolean rate = Summary.MILLITOKENS_PER_SECOND.equals(s.unit());
            boolean micros = Summary.MICROSECONDS.equals(s.unit());
            String unit = rate ? "tok/s" : micros ? "ms" : s.unit();
            double div = rate || micros ? 1000.0 : 1.0;
            List<Double> values = new ArrayList<>();
            if (s.count() > 0) {
                for (long v : new long[]{s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max()}) values.add(v / div);
                values.add(s.mean() / div);
            }
            rows.add(new BenchmarkSection.FigureRow(e.getKey(), unit, s.count(), values));
        }
        return rows;
    }

    private static BenchmarkSection.TimeSeriesView timeSeries(TimeSeries ts) {
        if (ts.points().isEmpty()) return null;
        List<double[]> tokens = new ArrayList<>(), done = new ArrayList<>(), inflight = new ArrayList<>(), ttft = new ArrayList<>();
        for (TimeSeries.Point p : ts.points()) {
            double x = p.second() + 0.5;
            tokens.add(new double[]{x, p.outputTokens()});
            done.add(new double[]{x, p.completions() + p.failures()});
            inflight.add(new double[]{x, p.inFlight()});
            if (p.ttftP50Micros() != null) ttft.add(new double[]{x, p.ttftP50Micros() / 1000.0});
        }
        return new BenchmarkSection.TimeSeriesView(tokens, inflight, done, ttft, Math.max(1, ts.points().size()));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    // ------------------------------------------------------------------ configuration and cost

    /** The load of a result in words, from its configuration. */
    static String load(BenchmarkResult r) {
        return r.configuration().load() == null ? "" : r.configuration().load().summary();
    }

    /** The prompt shape of a result in words, from its configuration. */
    static String shape(BenchmarkResult r) {
        RequestShape m = r.configuration().promptShape();
        if (m == null) return "";
        String tokens = m.inputTokens().describe() + "→" + m.outputTokens().describe() + " tok";
        String name = m.name();
        return name == null || RequestShape.CUSTOM.equals(name) ? tokens : name + " (" + tokens + ")";
    }

    /** What a million output tokens cost ({@code usd_per_1k_output_tokens} × 1000), null when not priced. */
    static Double usdPerMillionOutputTokens(BenchmarkResult r) {
        Double v = r.cost() == null ? null : r.cost().usdPer1kOutputTokens();
        return v == null ? null : v * 1000.0;
    }

    /** e.g. "cost: $0.0123 for the run, $0.000123 per request, $0.600 per 1M output tokens (api; configured)". */
    static String costLine(CostFigures cost) {
        StringBuilder sb = new StringBuilder("cost: ");
        sb.append(usdFigure(cost.usdPerRun())).append(" for the run");
        if (cost.usdPerRequest() != null) sb.append(", ").append(usdFigure(cost.usdPerRequest())).append(" per request");
        if (cost.usdPer1kOutputTokens() != null) {
            sb.append(", ").append(Fmt.usd(cost.usdPer1kOutputTokens() * 1000)).append(" per 1M output tokens");
        }
        if (cost.usdPerGoodRequest() != null) sb.append(", ").append(usdFigure(cost.usdPerGoodRequest())).append(" per good request");
        if (cost.modelFlopsUtilisation() != null) {
            sb.append(", model FLOPs utilisation ").append(Fmt.pct(cost.modelFlopsUtilisation() * 100));
        }
        sb.append(" (").append(cost.basis()).append("; ").append(cost.pricingSource()).append(')');
        if (cost.floor() != null) sb.append(". ").append(floorLine(cost.floor()));
        return sb.toString();
    }

    /**
     * e.g. "cost floor: $0.0150 per 1M output tokens on 2 × h100-sxm at batch 12.0 (fewest GPUs that hold the weights:
     * 2), measured $0.500: efficiency 3.00 %".
     */
    static String floorLine(CostFloor f) {
        StringBuilder sb = new StringBuilder("cost floor: ").append(Fmt.usd(f.usdPer1kOutputTokens() * 1000))
                .append(" per 1M output tokens on ").append(f.gpuCount()).append(" × ").append(f.gpu())
                .append(" at batch ").append(Fmt.num(f.batch()));
        if (f.fewestGpus() != null) sb.append(" (fewest GPUs that hold the weights: ").append(f.fewestGpus()).append(')');
        if (f.measuredUsdPer1kOutputTokens() != null) {
            sb.append(", measured ").append(Fmt.usd(f.measuredUsdPer1kOutputTokens() * 1000));
        }
        if (f.efficiency() != null) sb.append(": efficiency ").append(Fmt.pct(f.efficiency() * 100));
        return sb.toString();
    }

    private static String usdFigure(Object v) {
        if (!(v instanceof Number n)) return "–";
        double d = n.doubleValue();
        if (d == 0 || Math.abs(d) >= 1) return Fmt.usd(d);
        // Cents and less (a request at $0.10 per 1M tokens) keep 3 significant digits, without an exponent.
        return "$" + new BigDecimal(d).round(new MathContext(3)).toPlainString();
    }
}
