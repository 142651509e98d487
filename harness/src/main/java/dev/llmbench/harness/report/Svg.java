package dev.llmbench.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small inline SVG line charts, written by hand: no script, no network. */
final class Svg {

    static final String[] PALETTE = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04",
            "#db2777", "#4b5563", "#65a30d"};

    /** One line: a name for the legend, a colour and its points (x in axis units, y in data units). */
    record Series(String name, String color, List<double[]> points, boolean dashed) {
    }

    /** A tick on the x axis: its position in axis units and its label. */
    record Tick(double x, String label) {
    }

    private Svg() {
    }

    /** The percentile axis of HdrHistogram plots: x = log10(1 / (1 - p)), so 0 %, 90 %, 99 %, 99.9 % are equally spaced. */
    static double percentileX(double percentile) {
        double p = Math.min(percentile, 99.9) / 100.0;
        return Math.log10(1.0 / (1.0 - p));
    }

    static List<Tick> percentileTicks() {
        return List.of(new Tick(0, "0%"), new Tick(percentileX(50), "50%"), new Tick(percentileX(90), "90%"),
                new Tick(percentileX(99), "99%"), new Tick(percentileX(99.9), "99.9%"));
    }

    /**
     * A line chart of {@code series}: x from {@code xMin} to {@code xMax} (ticks given, or computed when null), y from 0
     * to a rounded maximum. {@code title} and {@code yLabel} are escaped here.
     */
    static String lineChart(String title, String yLabel, List<Series> series, double xMin, double xMax, List<Tick> xTicks,
                            String xLabel, int width, int height) {
        int left = 56, right = 22, top = 26, bottom = 38;
        int longest = series.stream().mapToInt(x -> Math.min(42, x.name().length())).max().orElse(0);
        int legendCols = longest > 24 ? 1 : 2;
        int legendRows = series.size() > 1 ? (series.size() + legendCols - 1) / legendCols : 0;
        int legendHeight = legendRows == 0 ? 0 : legendRows * 16 + 8;
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        double yMax = 0;
        for (Series s : series) for (double[] p : s.points()) if (Double.isFinite(p[1])) yMax = Math.max(yMax, p[1]);
        double step = niceStep(yMax <= 0 ? 1 : yMax / 4);
        int steps = Math.max(1, (int) Math.ceil(yMax * 1.02 / step - 1e-9));
        if (yMax <= 0) steps = 4;
        yMax = step * steps;
        if (xMax <= xMin) xMax = xMin + 1;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height + legendHeight).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height + legendHeight).append("\"><title>").append(Html.escape(title)).append("</title>");
        sb.append("<text x=\"").append(left).append("\" y=\"16\" class=\"ct\">").append(Html.escape(title)).append("</text>");
        // y grid and labels
        for (int i = 0; i <= steps; i++) {
            double v = step * i;
            double y = top + plotH - plotH * (v / yMax);
            sb.append("<line x1=\"").append(left).append("\" x2=\"").append(left + plotW).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" class=\"").append(i == 0 ? "axis" : "grid").append("\"/>");
            sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(f(y + 4)).append("\" class=\"yl\">")
                    .append(Html.escape(Fmt.num(v))).append("</text>");
        }
        sb.append("<text transform=\"translate(12,").append(top + plotH / 2).append(") rotate(-90)\" class=\"al\">")
                .append(Html.escape(yLabel)).append("</text>");
        // x ticks
        List<Tick> ticks = xTicks != null ? xTicks : linearTicks(xMin, xMax);
        for (Tick t : ticks) {
            double x = left + plotW * (t.x() - xMin) / (xMax - xMin);
            sb.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(top + plotH).append("\" class=\"grid\"/>");
            sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(top + plotH + 14).append("\" class=\"xl\">")
                    .append(Html.escape(t.label())).append("</text>");
        }
        sb.append("<text x=\"").append(left + plotW / 2).append("\" y=\"").append(top + plotH + 32).append("\" class=\"al\">")
                .append(Html.escape(xLabel)).append("</text>");
        // lines
        for (Series s : series) {
            if (s.points().isEmpty()) continue;
            StringBuilder pts = new StringBuilder();
            for (double[] p : s.points()) {
                if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
                double x = left + plotW * (Math.min(Math.max(p[0], xMin), xMax) - xMin) / (xMax - xMin);
                double y = top + plotH - plotH * (p[1] / yMax);
                if (pts.length() > 0) pts.append(' ');
                pts.append(f(x)).append(',').append(f(y));
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"2\"")
                    .append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "").append(" points=\"").append(pts)
                    .append("\"><title>").append(Html.escape(s.name())).append("</title></polyline>");
            if (s.points().size() == 1) {
                double[] p = s.points().get(0);
                double x = left + plotW * (p[0] - xMin) / (xMax - xMin);
                double y = top + plotH - plotH * (p[1] / yMax);
                sb.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
                        .append(s.color()).append("\"/>");
            }
        }
        // legend
        if (legendRows > 0) {
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                int col = i % legendCols;
                int row = i / legendCols;
                double x = left + col * (plotW / 2.0);
                double y = height + row * 16 + 10;
                sb.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x + 16)).append("\" y1=\"").append(f(y - 4))
                        .append("\" y2=\"").append(f(y - 4)).append("\" stroke=\"").append(s.color())
                        .append("\" stroke-width=\"3\"").append(s.dashed() ? " stroke-dasharray=\"5 3\"" : "").append("/>");
                sb.append("<text x=\"").append(f(x + 22)).append("\" y=\"").append(f(y)).append("\" class=\"lg\">")
                        .append(Html.escape(shorten(s.name(), 42))).append("</text>");
            }
        }
        sb.append("</svg>");
        return sb.toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static List<Tick> linearTicks(double min, double max) {
        double step = Math.max(1, niceStep((max - min) / 6)); // seconds: whole ticks
        List<Tick> t = new ArrayList<>();
        for (double v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) t.add(new Tick(v, Fmt.num(v)));
        return t;
    }

    /** The smallest 1, 2, 5 × 10^k at or above {@code v}: a tick step. */
    static double niceStep(double v) {
        if (v <= 0 || !Double.isFinite(v)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * mag >= v * (1 - 1e-12)) return m * mag;
        return 10 * mag;
    }

    /** The smallest 1, 2, 2.5, 5 × 10^k at or above {@code v}. */
    static double niceCeil(double v) {
        if (v <= 0 || !Double.isFinite(v)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * mag >= v * (1 - 1e-12)) return m * mag;
        return 10 * mag;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
