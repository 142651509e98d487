package dev.llmbench.harness.report;

import java.util.Locale;

/** Number formatting shared by the HTML and Markdown reports. */
final class Fmt {

    private Fmt() {
    }

    /** A figure with about 3 significant digits and no exponent ("412", "41.4", "4.14", "0.414"); "–" for null/NaN. */
    static String num(Double v) {
        if (v == null || v.isNaN()) return "–";
        if (v.isInfinite()) return v > 0 ? "+∞" : "-∞";
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 1 || a == 0) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** US dollars with about 3 significant digits ("$0.100", "$12.5", "$1,234"); "–" for null/NaN. */
    static String usd(Double v) {
        if (v == null || v.isNaN()) return "–";
        return "$" + num(v);
    }

    /** A percentage with 2 decimals ("0.00 %"). */
    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v);
    }

    /** A sort key for a table cell: the plain number, or an empty string. */
    static String key(Double v) {
        if (v == null || v.isNaN()) return "";
        if (v.isInfinite()) return v > 0 ? "1e308" : "-1e308";
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
