package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.report.ReportView.CurveFamily;
import dev.llmbench.harness.report.ReportView.LeaderboardRow;
import dev.llmbench.harness.report.ReportView.LeaderboardTable;
import dev.llmbench.harness.report.ReportView.OverviewRow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.llmbench.harness.report.HtmlCells.delta;
import static dev.llmbench.harness.report.HtmlCells.num;
import static dev.llmbench.harness.report.HtmlCells.td;
import static dev.llmbench.harness.report.HtmlCells.th;

/**
 * The self-contained HTML report. The page's skeleton ({@code report.html}), styles ({@code report.css}) and the few
 * lines of script that sort tables ({@code report.js}) are resources next to this class, inlined into the one file at
 * write time; this class fills the skeleton's placeholders with markup drawn from a {@link ReportView}: header,
 * overview, leaderboards and percentile curves here, each benchmark's section in {@link HtmlBenchmarkSection}.
 */
final class HtmlReport {

    private static final PageTemplate PAGE = PageTemplate.load("report.html");
    private static final String CSS = PageTemplate.resource("report.css");
    private static final String SCRIPT = PageTemplate.resource("report.js");

    private final ReportView view;

    private HtmlReport(ReportView view) {
        this.view = view;
    }

    static String render(ResultSet set, ComparisonReport comparison, Instant generated) {
        return render(ReportViewBuilder.build(set, comparison, generated));
    }

    static String render(ReportView view) {
        HtmlReport page = new HtmlReport(view);
        StringBuilder benchmarks = new StringBuilder(32 * 1024);
        for (BenchmarkSection b : view.benchmarks()) HtmlBenchmarkSection.render(b, benchmarks);
        Map<String, String> markup = new LinkedHashMap<>();
        markup.put("css", CSS);
        markup.put("header", page.header());
        markup.put("overview", page.overview());
        markup.put("leaderboards", page.leaderboards());
        markup.put("curves", page.curves());
        markup.put("benchmarks", benchmarks.toString());
        markup.put("warnings", page.warnings());
        markup.put("script", SCRIPT);
        return PAGE.fill(markup, Map.of("version", view.harnessVersions()));
    }

    // ------------------------------------------------------------------ header

    private String header() {
        StringBuilder out = new StringBuilder();
        int n = view.overview().size();
        out.append("<header><h1>llmbench report</h1><p class=\"meta\">").append(n).append(n == 1 ? " benchmark" : " benchmarks")
                .append(" · generated ").append(Html.escape(view.generated()));
        if (!view.hosts().isEmpty()) out.append(" · host ").append(Html.escape(String.join(", ", view.hosts())));
        if (!view.commits().isEmpty()) out.append(" · commit ").append(Html.escape(String.join(", ", view.commits())));
        out.append("</p><p class=\"badges\">");
        ReportView.SloTally slos = view.slos();
        if (slos.verdicts() == 0) out.append("<span class=\"badge grey\">no SLOs</span>");
        else if (slos.failed() == 0) out.append("<span class=\"badge ok\">✓ all ").append(slos.verdicts()).append(" SLOs passed</span>");
        else out.append("<span class=\"badge bad\">✗ ").append(slos.failed()).append(" of ").append(slos.verdicts()).append(" SLOs failed</span>");
        ReportView.Baseline baseline = view.baseline();
        if (baseline != null) {
            int reg = baseline.regressions().size();
            out.append(reg == 0 ? "<span class=\"badge ok\">✓ no regressions against the baseline</span>"
                    : "<span class=\"badge bad\">✗ " + reg + (reg == 1 ? " regression" : " regressions") + " against the baseline</span>");
        }
        if (view.partial() > 0) out.append("<span class=\"badge warn\">⚠ ").append(view.partial()).append(" partial</span>");
        int warnings = view.warnings().size();
        if (warnings > 0) {
            out.append("<a class=\"badge warn\" href=\"#warnings\">").append(warnings)
                    .append(warnings == 1 ? " warning" : " warnings").append("</a>");
        }
        out.append("</p></header>\n");
        if (baseline != null && !baseline.regressions().isEmpty()) {
            out.append("<section class=\"box bad\"><h2>Regressions</h2><ul>");
            for (String r : baseline.regressions()) out.append("<li>").append(Html.escape(r)).append("</li>");
            out.append("</ul></section>\n");
        }
        if (n == 0) out.append("<p class=\"empty\">No results found.</p>\n");
        return out.toString();
    }

    // ------------------------------------------------------------------ overview

    private String overview() {
        if (view.overview().isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        out.append("<section><h2>Overview</h2><div class=\"scroll\"><table class=\"sortable\" id=\"overview\"><thead><tr>")
                .append(th("Benchmark", false)).append(th("Model", false)).append(th("Load", false)).append(th("Shape", false))
                .append(th("Requests", true)).append(th("Errors", true)).append(th("TTFT p50 (ms)", true))
                .append(th("TTFT p90 (ms)", true)).append(th("TPOT p50 (ms)", true)).append(th("Output speed p50 (tok/s)", true))
                .append(th("Throughput (tok/s)", true)).append(th("Requests/s", true)).append(th("SLOs", false))
                .append("</tr></thead><tbody>\n");
        for (OverviewRow row : view.overview()) {
            Headline h = row.headline();
            out.append("<tr><td>").append(HtmlCells.benchmarkLink(row.anchor(), h.label()))
                    .append(h.partial() ? " <span class=\"tag warn\">partial</span>" : "").append("</td>")
                    .append(td(h.model())).append(td(h.load())).append(td(h.shape()))
                    .append(num((double) h.requests(), String.valueOf(h.requests())))
                    .append(errors(h))
                    .append(numDelta(h.ttftP50(), row.ttftP50(), true))
                    .append(numDelta(h.ttftP90(), row.ttftP90(), true))
                    .append(numDelta(h.tpotP50(), row.tpotP50(), true))
                    .append(numDelta(h.outputSpeedP50(), null, false))
                    .append(numDelta(h.outputThroughput(), row.outputThroughput(), true))
                    .append(numDelta(h.requestRate(), null, false))
                    .append("<td>").append(HtmlCells.sloSummary(row.slos())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div>");
        ReportView.Baseline baseline = view.baseline();
        if (baseline != null) {
            out.append("<p class=\"small\">Under each figure: its change against the baseline. <span class=\"delta worse\">red</span>")
                    .append(" = worse beyond the tolerance (").append(Html.escape(baseline.tolerance()))
                    .append("), <span class=\"delta better\">green</span> = better, grey = within the tolerance; ")
                    .append("? = fewer than ").append(baseline.minSamples()).append(" samples, no verdict.</p>");
        }
        return out.append("</section>\n").toString();
    }

    private static String errors(Headline h) {
        String text = h.errors() + (h.errors() > 0 ? " (" + Fmt.pct(h.errorRate()) + ")" : "");
        if (h.rateLimited() > 0) text += ", " + h.rateLimited() + " of them rate-limited";
        return "<td class=\"n" + (h.errors() > 0 ? " badtext" : "") + "\" data-v=\"" + Fmt.key(h.errorRate()) + "\">"
                + Html.escape(text) + "</td>";
    }

    /** A figure; with a baseline and a {@code compared} figure, its delta on a second line (which may be empty). */
    private String numDelta(Double v, ReportView.Delta d, boolean compared) {
        StringBuilder sb = new StringBuilder("<td class=\"n\" data-v=\"").append(Fmt.key(v)).append("\">").append(Fmt.num(v));
        if (view.baseline() != null && compared) sb.append("<br>").append(delta(d));
        return sb.append("</td>").toString();
    }

    // ------------------------------------------------------------------ leaderboard

    private String leaderboards() {
        if (view.leaderboards().isEmpty()) return "";
        StringBuilder out = new StringBuilder("<section><h2>Leaderboard</h2><p class=\"muted\">Endpoints and models that ran the same ")
                .append("workload. Click a column to sort.</p>\n");
        for (LeaderboardTable table : view.leaderboards()) {
            out.append("<h3>").append(Html.escape(table.heading())).append("</h3>")
                    .append("<table class=\"sortable leaderboard\"><thead><tr>").append(th("#", true))
                    .append(th("Model", false)).append(th("Endpoint", false)).append(th("Protocol", false)).append(th("Benchmark", false))
                    .append(th("TTFT p50 (ms)", true)).append(th("TTFT p90 (ms)", true))
                    .append(th("Output speed p50 (tok/s)", true)).append(th("Throughput (tok/s)", true))
                    .append(th("Error rate", true)).append(th("Rate-limited", true))
                    .append(th("Cost ($ / 1M output tokens)", true)).append(th("SLOs", false)).append("</tr></thead><tbody>\n");
            for (LeaderboardRow row : table.rows()) {
                Headline h = row.headline();
                out.append("<tr>").append(num((double) row.rank(), String.valueOf(row.rank()))).append(td(h.model()))
                        .append(td(h.endpoint())).append(td(h.protocol())).append("<td>").append(HtmlCells.benchmarkLink(row.anchor(), h.label())).append("</td>")
                        .append(num(h.ttftP50(), Fmt.num(h.ttftP50()))).append(num(h.ttftP90(), Fmt.num(h.ttftP90())))
                        .append(num(h.outputSpeedP50(), Fmt.num(h.outputSpeedP50())))
                        .append(num(h.outputThroughput(), Fmt.num(h.outputThroughput())))
                        .append(num(h.errorRate(), Fmt.pct(h.errorRate())))
                        .append(num((double) h.rateLimited(), String.valueOf(h.rateLimited())))
                        .append(num(h.usdPerMillionOutputTokens(), Fmt.usd(h.usdPerMillionOutputTokens())))
                        .append("<td>").append(HtmlCells.sloPills(row.slos())).append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        return out.append("</section>\n").toString();
    }

    // ------------------------------------------------------------------ percentile curves

    private String curves() {
        if (view.curves().isEmpty()) return "";
        StringBuilder out = new StringBuilder("<section><h2>Latency percentiles</h2><p class=\"muted\">Successful requests, from the histograms; ")
                .append("the x axis stretches the tail (0 %, 90 %, 99 %, 99.9 % equally spaced). One line per tier or model.</p>\n");
        for (CurveFamily f : view.curves()) {
            if (f.heading() != null) out.append("<h3>").append(Html.escape(f.heading())).append("</h3>");
            out.append("<div class=\"charts\">");
            for (ReportView.Chart c : f.charts()) {
                out.append(Svg.lineChart(c.title(), c.yLabel(), c.series(), 0, Svg.percentileX(99.9), Svg.percentileTicks(),
                        "percentile", 420, 250));
            }
            out.append("</div>\n");
        }
        return out.append("</section>\n").toString();
    }

    private String warnings() {
        List<String> warnings = view.warnings();
        if (warnings.isEmpty()) return "";
        StringBuilder out = new StringBuilder("<section id=\"warnings\"><h2>Warnings</h2><ul class=\"warnings\">");
        for (String w : warnings) out.append("<li>⚠ ").append(Html.escape(w)).append("</li>");
        return out.append("</ul></section>\n").toString();
    }
}
