package dev.llmbench.harness.slo;

import dev.llmbench.harness.result.SloVerdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Formats SLO verdicts as a small fixed-width text table, the one a failing benchmark test shows:
 *
 * <pre>
 * SLO                  measured     limit  verdict
 * p90(ttft) &lt; 800ms     912.3 ms    800 ms  FAILED
 * error_rate &lt; 1%        0.00 %       1 %  passed
 * </pre>
 *
 * Columns: the expression as written (left-aligned), the measured value and the limit in the SLO's unit
 * (right-aligned), and {@code passed} or {@code FAILED}. {@link #tableWithDetails} adds each verdict's detail.
 * Numbers: percentages with 2 decimals, other measured values with 4 significant digits (no exponent), limits as
 * written; {@code +∞} for infinity and {@code n/a} when nothing was measured. Lines end with {@code \n}, no trailing
 * spaces.
 */
public final class SloReport {

    private SloReport() {
    }

    /** The table of {@code verdicts} (a header line and one line per verdict). */
    public static String table(List<SloVerdict> verdicts) {
        return render(verdicts, false);
    }

    /** As {@link #table}, with a fifth column: each verdict's detail (how it was measured, or why it could not be). */
    public static String tableWithDetails(List<SloVerdict> verdicts) {
        return render(verdicts, true);
    }

    private static String render(List<SloVerdict> verdicts, boolean details) {
        int n = verdicts.size();
        String[][] rows = new String[n + 1][];
        rows[0] = new String[]{"SLO", "measured", "limit", "verdict", "detail"};
        for (int r = 0; r < n; r++) {
            SloVerdict v = verdicts.get(r);
            rows[r + 1] = new String[]{v.expression(), measured(v), limit(v), v.verdictText(), v.detail()};
        }
        int cols = details ? 5 : 4;
        int[] w = new int[cols];
        for (String[] row : rows) for (int c = 0; c < cols; c++) w[c] = Math.max(w[c], row[c].length());
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            line.append(pad(row[0], w[0], false)).append("  ");
            line.append(pad(row[1], w[1], true)).append("  ");
            line.append(pad(row[2], w[2], true)).append("  ");
            line.append(details ? pad(row[3], w[3], false) + "  " + row[4] : row[3]);
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') end--;
            sb.append(line, 0, end).append('\n');
        }
        return sb.toString();
    }

    /** The measured value with its unit, as the table shows it. */
    public static String measured(SloVerdict v) {
        double x = v.measured();
        if (Double.isNaN(x)) return "n/a";
        if (Double.isInfinite(x)) return (x > 0 ? "+∞" : "-∞") + unitSuffix(v.unit());
        String num = v.unit().equals("%") ? String.format(Locale.ROOT, "%.2f", x) : significant(x);
        return num + unitSuffix(v.unit());
    }

    /** The limit with its unit, as the table shows it. */
    public static String limit(SloVerdict v) {
        double x = v.limit();
        if (Double.isNaN(x)) return "n/a";
        if (Double.isInfinite(x)) return (x > 0 ? "+∞" : "-∞") + unitSuffix(v.unit());
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() + unitSuffix(v.unit());
    }

    private static String significant(double x) {
        if (x == 0) return "0";
        BigDecimal d = new BigDecimal(x);
        if (Math.abs(x) >= 1000) return d.setScale(0, RoundingMode.HALF_UP).toPlainString();
        return d.round(new MathContext(4, RoundingMode.HALF_UP)).toPlainString();
    }

    private static String unitSuffix(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) return s;
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
