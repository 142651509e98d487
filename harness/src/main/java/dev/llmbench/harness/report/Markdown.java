package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.compare.MetricComparison;
import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.compare.Verdict;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.SloReport;

import java.util.List;

/** The Markdown summary: compact enough for a pull-request comment or a GitHub step summary. */
final class Markdown {

    private Markdown() {
    }

    /**
     * Text from a server or a user made safe inside a Markdown table cell: {@code | `} escaped with a backslash,
     * {@code &} and {@code <} as entities (GitHub renders inline HTML), line breaks as spaces.
     */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|': sb.append("\\|"); break;
                case '`': sb.append("\\`"); break;
                case '\\': sb.append("\\\\"); break;
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '\n': case '\r': case '\t': sb.append(' '); break;
                default:
                    if (c >= 0x20 && c != 0x7f) sb.append(c);
            }
        }
        return sb.toString();
    }

    static String render(ResultSet set, ComparisonReport comparison) {
        List<BenchmarkResult> results = set.results();
        List<String> labels = ResultIdentity.labels(results);
        StringBuilder md = new StringBuilder();
        md.append("## llmbench report\n\n");
        int verdicts = 0;
        int failed = 0;
        for (BenchmarkResult r : results) {
            for (SloVerdict v : r.sloVerdicts()) {
                verdicts++;
                if (!v.passed()) failed++;
            }
        }
        md.append(results.size()).append(results.size() == 1 ? " benchmark" : " benchmarks").append(" · ");
        if (verdicts == 0) md.append("no SLOs");
        else if (failed == 0) md.append("✅ all ").append(verdicts).append(" SLOs passed");
        else md.append("❌ ").append(failed).append(" of ").append(verdicts).append(" SLOs failed");
        if (comparison != null) {
            int reg = comparison.regressions().size();
            md.append(" · ").append(reg == 0 ? "✅ no regressions" : "❌ " + reg + (reg == 1 ? " regression" : " regressions"))
                    .append(" against the baseline");
        }
        md.append("\n\n");
        if (results.isEmpty()) {
            md.append("_No results found._\n");
        } else {
            md.append("| Benchmark | Model | Load | Shape | Requests | Errors | TTFT p50 | TTFT p90 | TPOT p50 | Output speed | Throughput | SLOs |\n");
            md.append("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|:-:|\n");
            for (int i = 0; i < results.size(); i++) {
                Headline h = Headline.of(results.get(i), labels.get(i));
                md.append("| ").append(escape(h.label())).append(h.partial() ? " ⚠️ partial" : "")
                        .append(" | ").append(escape(h.model()))
                        .append(" | ").append(escape(h.load()))
                        .append(" | ").append(escape(h.shape()))
                        .append(" | ").append(h.requests())
                        .append(" | ").append(h.errors()).append(h.errors() > 0 ? " (" + Fmt.pct(h.errorRate()) + ")" : "")
                        .append(" | ").append(ms(h.ttftP50())).append(delta(comparison, h.label(), "p50(ttft)"))
                        .append(" | ").append(ms(h.ttftP90())).append(delta(comparison, h.label(), "p90(ttft)"))
                        .append(" | ").append(ms(h.tpotP50())).append(delta(comparison, h.label(), "p50(tpot)"))
                        .append(" | ").append(h.outputSpeedP50() == null ? "–" : Fmt.num(h.outputSpeedP50()) + " tok/s")
                        .append(" | ").append(Fmt.num(h.outputThroughput())).append(" tok/s")
                        .append(delta(comparison, h.label(), "output_throughput"))
                        .append(" | ").append(sloCell(h.slos())).append(" |\n");
            }
            md.append('\n');
        }
        // Leaderboards: the same workload against several models or endpoints, ranked by TTFT p50.
        List<Headline> headlines = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) headlines.add(Headline.of(results.get(i), labels.get(i)));
        for (java.util.Map.Entry<String, List<Integer>> board : Leaderboard.of(headlines).entrySet()) {
            md.append("### Leaderboard: ").append(escape(board.getKey())).append("\n\n")
                    .append("| # | Model | Endpoint | Protocol | TTFT p50 | TTFT p90 | Output speed | Throughput | Errors | $ / 1M output tokens | SLOs |\n")
                    .append("|--:|---|---|---|--:|--:|--:|--:|--:|--:|:-:|\n");
            int rank = 1;
            for (int i : board.getValue()) {
                Headline h = headlines.get(i);
                md.append("| ").append(rank++).append(" | ").append(escape(h.model())).append(" | ").append(escape(h.endpoint()))
                        .append(" | ").append(escape(h.protocol()))
                        .append(" | ").append(ms(h.ttftP50())).append(" | ").append(ms(h.ttftP90()))
                        .append(" | ").append(h.outputSpeedP50() == null ? "–" : Fmt.num(h.outputSpeedP50()) + " tok/s")
                        .append(" | ").append(Fmt.num(h.outputThroughput())).append(" tok/s")
                        .append(" | ").append(Fmt.pct(h.errorRate()))
                        .append(" | ").append(Fmt.usd(h.usdPerMillionOutputTokens()))
                        .append(" | ").append(sloCell(h.slos())).append(" |\n");
            }
            md.append('\n');
        }
        // The cost floor from first principles beside each measured GPU cost.
        if (results.stream().anyMatch(r -> r.cost() != null && r.cost().floor() != null)) {
            md.append("### Cost floor\n\n| Benchmark | GPUs | Batch | Measured $ / 1M output tokens | Floor $ / 1M output tokens | Efficiency |\n")
                    .append("|---|---|--:|--:|--:|--:|\n");
            for (int i = 0; i < results.size(); i++) {
                dev.llmbench.harness.cost.CostFloor f = results.get(i).cost() == null ? null : results.get(i).cost().floor();
                if (f == null) continue;
                md.append("| ").append(escape(labels.get(i))).append(" | ").append(f.gpuCount()).append(" × ").append(escape(f.gpu()))
                        .append(" | ").append(Fmt.num(f.batch()))
                        .append(" | ").append(Fmt.usd(f.measuredUsdPer1kOutputTokens() == null ? null : f.measuredUsdPer1kOutputTokens() * 1000))
                        .append(" | ").append(Fmt.usd(f.usdPer1kOutputTokens() * 1000))
                        .append(" | ").append(f.efficiency() == null ? "–" : Fmt.pct(f.efficiency() * 100)).append(" |\n");
            }
            md.append('\n');
        }
        rateLimits(results, labels, md);
        // SLO verdicts per benchmark.
        boolean any = results.stream().anyMatch(r -> !r.sloVerdicts().isEmpty());
        if (any) {
            md.append("### SLOs\n\n| Benchmark | SLO | Measured | Limit | |\n|---|---|--:|--:|:-:|\n");
            for (int i = 0; i < results.size(); i++) {
                for (SloVerdict v : results.get(i).sloVerdicts()) {
                    md.append("| ").append(escape(labels.get(i))).append(" | `").append(code(v.expression())).append("` | ")
                            .append(escape(SloReport.measured(v))).append(" | ").append(escape(SloReport.limit(v)))
                            .append(" | ").append(v.passed() ? "✅" : "❌").append(" |\n");
                }
            }
            md.append('\n');
        }
        if (comparison != null) {
            List<MetricComparison> reg = comparison.regressions();
            md.append("### Baseline comparison\n\n").append(escape(comparison.verdictSummary())).append(" (tolerance ")
                    .append(MetricComparison.formatPercent(comparison.options().tolerance())).append(", at least ")
                    .append(comparison.options().minSamples()).append(" samples)\n\n");
            if (!reg.isEmpty()) {
                md.append("**Regressions**\n\n");
                for (MetricComparison c : reg) md.append("- ❌ ").append(escape(c.describe())).append('\n');
                md.append('\n');
            }
            List<MetricComparison> better = comparison.withVerdict(Verdict.BETTER);
            if (!better.isEmpty()) {
                md.append("<details><summary>Improvements (").append(better.size()).append(")</summary>\n\n");
                for (MetricComparison c : better) md.append("- ").append(escape(c.describe())).append('\n');
                md.append("\n</details>\n\n");
            }
            List<MetricComparison> missing = comparison.withVerdict(Verdict.MISSING);
            if (!missing.isEmpty()) {
                md.append("Missing now (in the baseline): ")
                        .append(escape(String.join(", ", missing.stream().map(MetricComparison::benchmark).distinct().toList())))
                        .append("\n\n");
            }
        }
        if (!set.warnings().isEmpty()) {
            md.append("<details><summary>Warnings (").append(set.warnings().size()).append(")</summary>\n\n");
            for (String w : set.warnings()) md.append("- ").append(escape(w)).append('\n');
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /** Per benchmark that was refused, backed off or sent {@code x-ratelimit-*} headers: those (server text, escaped). */
    private static void rateLimits(List<BenchmarkResult> results, List<String> labels, StringBuilder md) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkSection.RateLimitView r = BenchmarkSection.RateLimitView.of(results.get(i).rateLimits());
            if (r == null) continue;
            StringBuilder headers = new StringBuilder();
            r.headers().forEach((k, v) -> headers.append(headers.length() == 0 ? "" : "<br>").append(escape(k)).append(": ").append(escape(v)));
            rows.append("| ").append(escape(labels.get(i))).append(" | ").append(r.status429()).append(" | ").append(r.status503())
                    .append(" | ").append(r.backoff() == null ? "–" : escape(r.backoff()))
                    .append(" | ").append(headers.length() == 0 ? "–" : headers).append(" |\n");
        }
        if (rows.length() == 0) return;
        md.append("### Rate limits\n\n| Benchmark | 429 | 503 | Backoff | Last x-ratelimit-* headers |\n|---|--:|--:|---|---|\n")
                .append(rows).append('\n');
    }

    /** An SLO expression inside a code span: backticks cannot be escaped there, so they become quotes. */
    private static String code(String s) {
        return s.replace('`', '\'').replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    private static String ms(Double v) {
        return v == null ? "–" : Fmt.num(v) + " ms";
    }

    private static String sloCell(List<SloVerdict> slos) {
        if (slos.isEmpty()) return "–";
        long failed = slos.stream().filter(v -> !v.passed()).count();
        return failed == 0 ? "✅ " + slos.size() : "❌ " + failed + "/" + slos.size();
    }

    private static String delta(ComparisonReport comparison, String label, String metric) {
        if (comparison == null) return "";
        MetricComparison c = comparison.find(label, metric);
        if (c == null) return "";
        switch (c.verdict()) {
            case WORSE: return " ❌ " + arrow(c) + MetricComparison.formatChange(c.change());
            case BETTER: return " 🟢 " + arrow(c) + MetricComparison.formatChange(c.change());
            case SAME: return " " + MetricComparison.formatChange(c.change());
            case NEW: return " (new)";
            default: return "";
        }
    }

    private static String arrow(MetricComparison c) {
        return c.change() > 0 ? "▲" : c.change() < 0 ? "▼" : "";
    }
}
