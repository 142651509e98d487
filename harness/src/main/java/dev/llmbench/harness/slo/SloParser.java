package dev.llmbench.harness.slo;

import dev.llmbench.harness.metrics.MetricName;
import dev.llmbench.harness.metrics.MetricRef;
import dev.llmbench.harness.metrics.MetricSyntaxException;
import dev.llmbench.harness.metrics.Statistic;

import java.math.BigDecimal;
import java.util.List;

/**
 * The hand-written scanner and parser of the SLO grammar (see the package documentation). The left-hand side
 * ({@code p90(ttft)}, {@code error_rate}) is read by {@link MetricRef}, the one parser of metric references shared with
 * baseline comparisons and tolerance keys; this class reads the comparator, the limit and its unit.
 */
final class SloParser {

    private final String src;
    private int i;

    private SloParser(String src) {
        this.src = src;
    }

    static Objective parse(String expression) {
        if (expression == null) throw new SloSyntaxException("", 0, 0, "the SLO expression is null", MetricName.ids());
        return new SloParser(expression).parse();
    }

    private Objective parse() {
        skipWs();
        if (i == src.length()) {
            throw error(i, 0, "empty SLO expression: expected a metric or a statistic such as p90(ttft)",
                    MetricRef.metricsAndStatistics());
        }
        MetricRef.Parsed lhs;
        try {
            lhs = MetricRef.parse(src, i, false);
        } catch (MetricSyntaxException e) {
            throw error(e.position(), e.length(), e.reason(), e.allowed());
        }
        i = lhs.end();
        MetricName metric = lhs.ref().metric();
        Statistic stat = lhs.ref().statistic();

        skipWs();
        Objective.Comparator cmp = comparator();
        skipWs();

        int numStart = i;
        BigDecimal number = number(metric);
        int numEnd = i;
        skipWs();
        int unitStart = i;
        String unit = unit();

        // units
        String displayUnit;
        double limitBase;
        double baseToDisplay;
        double limitDisplay;
        switch (metric.unit()) {
            case MICROSECONDS: {
                if (unit.isEmpty()) throw missingUnit(numEnd, metric, number);
                double perUnit = micros(unit);
                if (perUnit < 0) throw wrongUnit(unitStart, unit, metric);
                displayUnit = unit.equals("μs") ? "µs" : unit;
                limitBase = number.multiply(BigDecimal.valueOf(perUnit)).doubleValue();
                baseToDisplay = 1.0 / perUnit;
                limitDisplay = number.doubleValue();
                break;
            }
            case TOKENS_PER_SECOND: {
                if (unit.isEmpty()) throw missingUnit(numEnd, metric, number);
                if (!unit.equals("tok/s") && !unit.equals("tokens/s")) throw wrongUnit(unitStart, unit, metric);
                displayUnit = "tok/s";
                limitBase = number.doubleValue();
                baseToDisplay = 1.0;
                limitDisplay = limitBase;
                break;
            }
            case REQUESTS_PER_SECOND: {
                if (unit.isEmpty()) throw missingUnit(numEnd, metric, number);
                if (!unit.equals("rps") && !unit.equals("req/s")) throw wrongUnit(unitStart, unit, metric);
                displayUnit = unit;
                limitBase = number.doubleValue();
                baseToDisplay = 1.0;
                limitDisplay = limitBase;
                break;
            }
            case RATIO: {
                if (unit.equals("%")) {
                    if (number.compareTo(BigDecimal.valueOf(100)) > 0) {
                        throw error(numStart, numEnd - numStart, "a rate cannot exceed 100%", List.of("0% … 100%"));
                    }
                    limitDisplay = number.doubleValue();
                    limitBase = number.movePointLeft(2).doubleValue();
                } else if (unit.isEmpty()) {
                    if (number.compareTo(BigDecimal.ONE) > 0) {
                        throw error(numStart, numEnd - numStart, "a rate without '%' is a fraction in [0, 1]; for percent write "
                                + number.toPlainString() + "%", List.of("a fraction in [0, 1]", "a percentage such as 1%"));
                    }
                    limitBase = number.doubleValue();
                    limitDisplay = number.movePointRight(2).doubleValue();
                } else {
                    throw wrongUnit(unitStart, unit, metric);
                }
                displayUnit = "%";
                baseToDisplay = 100.0;
                break;
            }
            case USERS: {
                if (!unit.isEmpty() && !unit.equals("users")) throw wrongUnit(unitStart, unit, metric);
                displayUnit = "users";
                limitBase = number.doubleValue();
                baseToDisplay = 1.0;
                limitDisplay = limitBase;
                break;
            }
            default: {
                if (!unit.isEmpty()) throw wrongUnit(unitStart, unit, metric);
                displayUnit = "USD";
                limitBase = number.doubleValue();
                baseToDisplay = 1.0;
                limitDisplay = limitBase;
            }
        }

        skipWs();
        if (i < src.length()) {
            int end = src.length();
            while (end > i && Character.isWhitespace(src.charAt(end - 1))) end--;
            throw error(i, end - i, "unexpected '" + src.substring(i, end) + "' after the limit: an SLO is one comparison",
                    List.of("end of the expression"));
        }
        return new Objective(src.trim(), metric, stat, cmp, number, unit, displayUnit,
                limitDisplay, limitBase, baseToDisplay);
    }

    // ---- pieces

    private Objective.Comparator comparator() {
        int start = i;
        char c = peek();
        char d = i + 1 < src.length() ? src.charAt(i + 1) : 0;
        if (c == '<' || c == '>') {
            boolean eq = d == '=';
            i += eq ? 2 : 1;
            return c == '<' ? (eq ? Objective.Comparator.LE : Objective.Comparator.LT) : (eq ? Objective.Comparator.GE : Objective.Comparator.GT);
        }
        if (c == '≤') { i++; return Objective.Comparator.LE; }
        if (c == '≥') { i++; return Objective.Comparator.GE; }
        if (c == '=' || c == '!') {
            int len = d == '=' ? 2 : 1;
            throw error(start, len, "unsupported comparator '" + src.substring(start, start + len)
                    + "': measured values are never exactly equal to a limit", Objective.COMPARATORS_ALLOWED);
        }
        if (i >= src.length()) throw error(i, 0, "missing comparator and limit at the end", Objective.COMPARATORS_ALLOWED);
        throw error(start, tokenLength(start), "missing comparator before '" + token(start) + "'", Objective.COMPARATORS_ALLOWED);
    }

    private BigDecimal number(MetricName metric) {
        int start = i;
        if (peek() == '-') {
            throw error(i, 1, "the limit must not be negative", List.of("a number ≥ 0, e.g. " + example(metric)));
        }
        while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) i++;
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E') && i > start) {
            int save = i;
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) i++;
            int digits = i;
            while (i < src.length() && Character.isDigit(src.charAt(i))) i++;
            if (i == digits) i = save; // not an exponent
        }
        String text = src.substring(start, i);
        if (text.isEmpty()) {
            if (start >= src.length()) throw error(start, 0, "missing limit at the end", List.of("a number, e.g. " + example(metric)));
            throw error(start, tokenLength(start), "expected a number, found '" + token(start) + "'",
                    List.of("a number, e.g. " + example(metric)));
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(start, text.length(), "'" + text + "' is not a number", List.of("a number, e.g. " + example(metric)));
        }
    }

    private String unit() {
        int start = i;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (Character.isLetter(c) || c == '/' || c == '%' || c == '$' || c == 'µ' || c == 'μ') i++;
            else break;
        }
        return src.substring(start, i);
    }

    /** Microseconds per unit, or -1 when not a duration unit. */
    private static double micros(String unit) {
        switch (unit) {
            case "ns": return 0.001;
            case "us": case "µs": case "μs": return 1;
            case "ms": return 1_000;
            case "s": return 1_000_000;
            case "m": return 60_000_000;
            default: return -1;
        }
    }

    private SloSyntaxException missingUnit(int at, MetricName metric, BigDecimal number) {
        return error(at, 0, "missing unit after " + number.toPlainString() + ": " + metric.id() + " is "
                + metric.quantity(), metric.unit().writtenUnits());
    }

    private SloSyntaxException wrongUnit(int at, String unit, MetricName metric) {
        return error(at, unit.length(), "unit '" + unit + "' does not fit " + metric.id() + ", which is "
                + metric.quantity(), metric.unit().writtenUnits());
    }

    private static String example(MetricName m) {
        switch (m.unit()) {
            case MICROSECONDS: return "800ms";
            case TOKENS_PER_SECOND: return "500tok/s";
            case REQUESTS_PER_SECOND: return "2rps";
            case RATIO: return "1%";
            case USERS: return "40";
            default: return "0.002";
        }
    }

    private String token(int start) {
        return src.substring(start, start + tokenLength(start));
    }

    private int tokenLength(int start) {
        int j = start;
        while (j < src.length() && !Character.isWhitespace(src.charAt(j))) j++;
        return Math.max(1, j - start);
    }

    private char peek() {
        return i < src.length() ? src.charAt(i) : 0;
    }

    private void skipWs() {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
    }

    private SloSyntaxException error(int at, int len, String reason, List<String> allowed) {
        return new SloSyntaxException(src, at, len, reason, allowed);
    }
}
