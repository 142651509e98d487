package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.MetricComparison;
import dev.llmbench.harness.compare.Verdict;
import dev.llmbench.harness.report.ReportView.Delta;
import dev.llmbench.harness.report.ReportView.SloView;

import java.util.List;

/** Table cells and small pieces of markup the report's tables share. Every text argument is escaped here. */
final class HtmlCells {

    private HtmlCells() {
    }

    /** A header cell that sorts its column when clicked; numeric columns sort by their cells' {@code data-v}. */
    static String th(String text, boolean numeric) {
        return "<th" + (numeric ? " class=\"n\" data-type=\"n\"" : "") + " title=\"click to sort\">" + Html.escape(text) + "</th>";
    }

    static String td(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    /** A right-aligned number cell showing {@code text} and sorting by {@code sortKey}. */
    static String num(Double sortKey, String text) {
        return "<td class=\"n\" data-v=\"" + Fmt.key(sortKey) + "\">" + Html.escape(text) + "</td>";
    }

    /** A link to a benchmark's section. */
    static String benchmarkLink(int anchor, String label) {
        return "<a href=\"#b" + anchor + "\">" + Html.escape(label) + "</a>";
    }

    /** One pill: ✓ n passed or ✗ k of n failed, the verdicts in its tooltip. */
    static String sloSummary(List<SloView> slos) {
        if (slos.isEmpty()) return "<span class=\"muted\">–</span>";
        long failed = slos.stream().filter(v -> !v.passed()).count();
        StringBuilder title = new StringBuilder();
        for (SloView v : slos) {
            if (title.length() > 0) title.append('\n');
            title.append(v.passed() ? "✓ " : "✗ ").append(v.expression()).append(": ").append(v.measured());
        }
        return "<span class=\"pill " + (failed == 0 ? "ok" : "bad") + "\" title=\"" + Html.escape(title.toString()) + "\">"
                + (failed == 0 ? "✓ " + slos.size() + " passed" : "✗ " + failed + " of " + slos.size() + " failed") + "</span>";
    }

    /** A pill per SLO, measured value and limit in its tooltip. */
    static String sloPills(List<SloView> slos) {
        if (slos.isEmpty()) return "<span class=\"muted\">–</span>";
        StringBuilder sb = new StringBuilder();
        for (SloView v : slos) {
            sb.append("<span class=\"pill ").append(v.passed() ? "ok" : "bad").append("\" title=\"")
                    .append(Html.escape("measured " + v.measured() + ", limit " + v.limit()
                            + (v.detail().isEmpty() ? "" : " — " + v.detail()))).append("\">")
                    .append(v.passed() ? "✓ " : "✗ ").append(Html.escape(v.expression())).append("</span>");
        }
        return sb.toString();
    }

    /** A baseline delta: ▲/▼ with the change, coloured by verdict; empty when there is nothing to show. */
    static String delta(Delta d) {
        if (d == null || d.verdict() == Verdict.MISSING) return "";
        String title = Html.escape(d.description());
        if (d.verdict() == Verdict.NEW) return " <span class=\"delta same\" title=\"" + title + "\">new</span>";
        String arrow = d.change() > 0 ? "▲" : d.change() < 0 ? "▼" : "=";
        String cls = d.verdict() == Verdict.WORSE ? "worse" : d.verdict() == Verdict.BETTER ? "better" : "same";
        String text = d.verdict() == Verdict.SAME && Math.abs(d.change()) < 0.0005 ? "= same"
                : arrow + " " + MetricComparison.formatChange(d.change()).replace("%", " %");
        if (d.verdict() == Verdict.NOT_ENOUGH_SAMPLES) text += "?";
        return " <span class=\"delta " + cls + "\" title=\"" + title + "\">" + Html.escape(text) + "</span>";
    }

    /** The verdict column of a baseline comparison: the arrow points the way the figure moved. */
    static String verdict(Verdict verdict, boolean higherIsBetter) {
        return switch (verdict) {
            case WORSE -> "<span class=\"delta worse\">" + (higherIsBetter ? "▼" : "▲") + " worse</span>";
            case BETTER -> "<span class=\"delta better\">" + (higherIsBetter ? "▲" : "▼") + " better</span>";
            case SAME -> "<span class=\"delta same\">same</span>";
            case NOT_ENOUGH_SAMPLES -> "<span class=\"delta same\" title=\"fewer than the minimum samples\">not enough samples</span>";
            case NEW -> "<span class=\"delta same\">new</span>";
            case MISSING -> "<span class=\"delta same\">missing</span>";
        };
    }
}
