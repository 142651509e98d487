package dev.llmbench.harness.report;

import dev.llmbench.harness.report.BenchmarkSection.ComparisonRow;
import dev.llmbench.harness.report.BenchmarkSection.FailureExample;
import dev.llmbench.harness.report.BenchmarkSection.FigureRow;
import dev.llmbench.harness.report.BenchmarkSection.TimeSeriesView;
import dev.llmbench.harness.report.ReportView.SloView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark's section of the HTML page: title and metadata, the figures table, counts, cost, SLO verdicts and
 * baseline comparison side by side, the per-second charts, failure examples and warnings.
 */
final class HtmlBenchmarkSection {

    private static final int CHART_WIDTH = 420;
    private static final int CHART_HEIGHT = 220;

    private HtmlBenchmarkSection() {
    }

    static void render(BenchmarkSection b, StringBuilder out) {
        Headline h = b.headline();
        out.append("<section class=\"bench\" id=\"b").append(b.anchor()).append("\"><h2>").append(Html.escape(h.label()));
        if (h.partial()) out.append(" <span class=\"tag warn\">partial</span>");
        if (!b.slos().isEmpty()) {
            out.append(h.slosPassed() ? " <span class=\"tag ok\">SLOs passed</span>" : " <span class=\"tag bad\">SLOs failed</span>");
        }
        out.append("</h2><p class=\"meta\">").append(meta(b)).append("</p>\n");
        if (b.partialReason() != null) {
            out.append("<p class=\"box warn\">Partial run: ").append(Html.escape(b.partialReason())).append("</p>\n");
        }
        // key figures, SLOs, comparison side by side
        out.append("<div class=\"cols\"><div>");
        figures(b.figures(), out);
        out.append("</div><div>");
        counts(b, out);
        rateLimits(b.rateLimits(), out);
        if (b.costLine() != null) out.append("<p class=\"small\">").append(Html.escape(b.costLine())).append("</p>");
        slos(b.slos(), out);
        comparisons(b.comparisons(), out);
        out.append("</div></div>\n");
        if (b.timeSeries() != null) timeSeries(b.timeSeries(), out);
        failures(b.failures(), out);
        if (!b.warnings().isEmpty()) {
            out.append("<ul class=\"warnings\">");
            for (String w : b.warnings()) out.append("<li>⚠ ").append(Html.escape(w)).append("</li>");
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private static String meta(BenchmarkSection b) {
        Headline h = b.headline();
        List<String> meta = new ArrayList<>();
        if (!h.model().isEmpty()) meta.add("model <b>" + Html.escape(h.model()) + "</b>");
        if (!h.endpoint().isEmpty()) meta.add(Html.escape(h.endpoint()));
        if (!h.load().isEmpty()) meta.add(Html.escape(h.load()));
        if (!h.shape().isEmpty()) meta.add(Html.escape(h.shape()));
        meta.add(Html.escape(b.started()));
        meta.add(Html.escape(b.duration()));
        meta.add("host " + Html.escape(b.host()));
        return String.join(" · ", meta);
    }

    private static void figures(List<FigureRow> rows, StringBuilder out) {
        out.append("<table class=\"figures\"><thead><tr><th>Metric</th><th>p50</th><th>p90</th>")
                .append("<th>p95</th><th>p99</th><th>p99.9</th><th>max</th><th>mean</th><th>n</th></tr></thead><tbody>");
        for (FigureRow f : rows) {
            out.append("<tr><th>").append(Html.escape(f.metric())).append(" <span class=\"muted\">")
                    .append(Html.escape(f.unit())).append("</span></th>");
            if (f.count() == 0) {
                out.append("<td colspan=\"8\" class=\"muted\">no samples</td></tr>");
                continue;
            }
            for (Double v : f.values()) out.append("<td class=\"n\">").append(Fmt.num(v)).append("</td>");
            out.append("<td class=\"n\">").append(f.count()).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void counts(BenchmarkSection b, StringBuilder out) {
        Headline h = b.headline();
        BenchmarkSection.Counts c = b.counts();
        out.append("<p class=\"small\">").append(h.requests()).append(" requests measured (")
                .append(c.succeeded()).append(" succeeded, ").append(h.errors()).append(" errors (")
                .append(h.rateLimited()).append(" of them rate-limited), ").append(h.cancelled()).append(" cancelled; ")
                .append(c.warmup()).append(" warmup) · ").append(c.inputTokens()).append(" input / ")
                .append(c.outputTokens()).append(" output tokens · throughput ").append(Fmt.num(h.outputThroughput()))
                .append(" tok/s, ").append(Fmt.num(h.requestRate())).append(" req/s");
        if (h.goodput() != null) out.append(", goodput ").append(Fmt.num(h.goodput())).append(" req/s");
        out.append("</p>");
    }

    /** Refusals, backoff and the server's {@code x-ratelimit-*} headers (server text: escaped). */
    private static void rateLimits(BenchmarkSection.RateLimitView r, StringBuilder out) {
        if (r == null) return;
        out.append("<p class=\"small\">Rate limits: ").append(r.status429()).append(" × 429, ").append(r.status503()).append(" × 503");
        if (r.backoff() != null) out.append(" · backed off ").append(Html.escape(r.backoff()));
        out.append("</p>");
        if (r.headers().isEmpty()) return;
        out.append("<table class=\"ratelimits\"><thead><tr><th>last x-ratelimit-* header</th><th>value</th></tr></thead><tbody>");
        r.headers().forEach((k, v) -> out.append("<tr><td><code>").append(Html.escape(k)).append("</code></td><td>")
                .append(Html.escape(v)).append("</td></tr>"));
        out.append("</tbody></table>");
    }

    private static void slos(List<SloView> slos, StringBuilder out) {
        if (slos.isEmpty()) return;
        out.append("<table class=\"slos\"><thead><tr><th>SLO</th><th>measured</th><th>limit</th><th>verdict</th></tr></thead><tbody>");
        for (SloView v : slos) {
            out.append("<tr class=\"").append(v.passed() ? "ok" : "bad").append("\"><td><code>").append(Html.escape(v.expression()))
                    .append("</code></td><td class=\"n\">").append(Html.escape(v.measured()))
                    .append("</td><td class=\"n\">").append(Html.escape(v.limit())).append("</td><td title=\"")
                    .append(Html.escape(v.detail())).append("\">").append(v.passed() ? "✓ passed" : "✗ FAILED").append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void comparisons(List<ComparisonRow> rows, StringBuilder out) {
        if (rows.isEmpty()) return;
        out.append("<table class=\"cmp\"><thead><tr><th>vs baseline</th><th>baseline</th><th>now</th><th>change</th>")
                .append("<th>verdict</th></tr></thead><tbody>");
        for (ComparisonRow c : rows) {
            out.append("<tr class=\"v-").append(c.verdict().name().toLowerCase(Locale.ROOT)).append("\"><td>")
                    .append(Html.escape(c.metric())).append("</td><td class=\"n\">").append(Html.escape(c.baseline()))
                    .append("</td><td class=\"n\">").append(Html.escape(c.now()))
                    .append("</td><td class=\"n\">").append(Html.escape(c.change()))
                    .append("</td><td>").append(HtmlCells.verdict(c.verdict(), c.higherIsBetter())).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void timeSeries(TimeSeriesView ts, StringBuilder out) {
        out.append("<div class=\"charts\">")
                .append(chart("Output tokens per second", "tok/s", ts.seconds(),
                        new Svg.Series("output tokens/s", Svg.PALETTE[0], ts.outputTokens(), false)))
                .append(chart("Requests in flight and completed per second", "requests", ts.seconds(),
                        new Svg.Series("in flight (end of second)", Svg.PALETTE[3], ts.inFlight(), false),
                        new Svg.Series("completed per second", Svg.PALETTE[2], ts.completed(), true)))
                .append(chart("TTFT p50 per second", "ms", ts.seconds(),
                        new Svg.Series("TTFT p50", Svg.PALETTE[1], ts.ttftP50(), false)))
                .append("</div>\n");
    }

    private static String chart(String title, String yLabel, double seconds, Svg.Series... series) {
        return Svg.lineChart(title, yLabel, List.of(series), 0, seconds, null, "seconds since start", CHART_WIDTH, CHART_HEIGHT);
    }

    private static void failures(List<FailureExample> failures, StringBuilder out) {
        if (failures.isEmpty()) return;
        out.append("<details class=\"failures\"><summary>Failure examples</summary><ul>");
        for (FailureExample f : failures) {
            out.append("<li><b>").append(Html.escape(f.kind())).append("</b>: <code>").append(Html.escape(f.message()))
                    .append("</code></li>");
        }
        out.append("</ul></details>\n");
    }
}
