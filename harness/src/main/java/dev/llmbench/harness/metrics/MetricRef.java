package dev.llmbench.harness.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A reference to one metric figure as people write it, in SLOs, baseline comparisons and per-metric tolerances:
 * {@code statistic(metric)} for a distribution metric ({@code p90(ttft)}, {@code mean(tpot)}, {@code p99.9(itl)}),
 * the bare name for a scalar ({@code error_rate}, {@code goodput}, {@code cost_per_1k_output_tokens}). A per-request
 * speed written bare means its {@linkplain MetricName#bareStatistic() mean} ({@code output_speed} is
 * {@code mean(output_speed)}). This is the one parser of that text; the SLO grammar reads its left-hand side with it.
 *
 * <p>Whitespace is free between tokens ({@code p90( ttft )}); metric and statistic names are case-insensitive.
 * Immutable and thread-safe.
 *
 * @param metric    the metric
 * @param statistic the statistic; null for a scalar metric, or for a whole distribution metric (all its statistics:
 *                  only from {@link #parseSelector})
 */
public record MetricRef(MetricName metric, Statistic statistic) {

    public MetricRef {
        Objects.requireNonNull(metric, "metric");
        if (statistic != null && !metric.distribution()) {
            throw new IllegalArgumentException(metric.id() + " is a single figure and takes no statistic");
        }
    }

    /** A reference and where its text ended (the index after it, before any trailing whitespace). */
    public record Parsed(MetricRef ref, int end) {
    }

    /**
     * Reads one figure, the whole text: {@code p90(ttft)}, {@code error_rate}, {@code output_speed}.
     *
     * @throws MetricSyntaxException pointing at the offending token and listing what is allowed
     */
    public static MetricRef parse(String text) {
        return whole(text, false);
    }

    /**
     * Reads one figure or a whole metric, the whole text: {@code p90(ttft)}, or {@code ttft} for all statistics of
     * ttft (as per-metric tolerances are keyed).
     *
     * @throws MetricSyntaxException pointing at the offending token and listing what is allowed
     */
    public static MetricRef parseSelector(String text) {
        return whole(text, true);
    }

    private static MetricRef whole(String text, boolean wholeMetricAllowed) {
        Objects.requireNonNull(text, "text");
        Parsed p = parse(text, 0, wholeMetricAllowed);
        int i = skipWs(text, p.end());
        if (i < text.length()) {
            int end = text.length();
            while (end > i && Character.isWhitespace(text.charAt(end - 1))) end--;
            throw new MetricSyntaxException(text, i, end - i, "unexpected '" + text.substring(i, end) + "' after "
                    + p.ref().id(), List.of("end of the text"));
        }
        return p.ref();
    }

    /**
     * Reads a reference starting at {@code from} in a longer text (leading whitespace skipped), as the SLO parser does
     * for an expression's left-hand side. Positions in the exception are indices into {@code src}.
     *
     * @param wholeMetricAllowed whether a distribution metric may stand without a statistic for all its statistics
     * @throws MetricSyntaxException pointing at the offending token and listing what is allowed
     */
    public static Parsed parse(String src, int from, boolean wholeMetricAllowed) {
        int i = skipWs(src, from);
        int wordStart = i;
        int wordEnd = word(src, i);
        String word = src.substring(wordStart, wordEnd);
        if (word.isEmpty()) {
            if (i >= src.length()) {
                throw new MetricSyntaxException(src, i, 0, "expected a metric or a statistic such as p90(ttft)",
                        metricsAndStatistics());
            }
            throw new MetricSyntaxException(src, i, 1, "expected a metric or a statistic such as p90(ttft), found '"
                    + src.charAt(i) + "'", metricsAndStatistics());
        }
        i = skipWs(src, wordEnd);
        if (i < src.length() && src.charAt(i) == '(') {
            Statistic stat = statistic(src, wordStart, word);
            i = skipWs(src, i + 1);
            int mStart = i;
            int mEnd = word(src, i);
            String m = src.substring(mStart, mEnd);
            if (m.isEmpty()) {
                throw new MetricSyntaxException(src, i, 1, "expected a metric inside " + stat.id() + "( )",
                        MetricName.distributionIds());
            }
            MetricName metric = MetricName.byId(m);
            if (metric == null) {
                throw new MetricSyntaxException(src, mStart, m.length(), "unknown metric '" + m + "' for " + stat.id()
                        + "( )", MetricName.distributionIds());
            }
            if (!metric.distribution()) {
                throw new MetricSyntaxException(src, mStart, m.length(), "'" + metric.id() + "' is a single figure for"
                        + " the whole run and takes no statistic: write '" + metric.id() + "' alone; statistics apply to",
                        MetricName.distributionIds());
            }
            i = skipWs(src, mEnd);
            if (i >= src.length() || src.charAt(i) != ')') {
                throw new MetricSyntaxException(src, i, 1, "expected ')' after " + stat.id() + "(" + metric.id(), List.of(")"));
            }
            return new Parsed(new MetricRef(metric, stat), i + 1);
        }
        MetricName metric = MetricName.byId(word);
        if (metric == null) {
            if (Statistic.looksLikeStatistic(word)) {
                throw new MetricSyntaxException(src, i, 1, "expected '(' after the statistic '" + word + "', as in "
                        + word.toLowerCase(java.util.Locale.ROOT) + "(ttft)", List.of("("));
            }
            throw new MetricSyntaxException(src, wordStart, word.length(), "unknown metric '" + word + "'",
                    metricsAndStatistics());
        }
        Statistic stat = null;
        if (metric.distribution() && !wholeMetricAllowed) {
            stat = metric.bareStatistic();
            if (stat == null) {
                throw new MetricSyntaxException(src, wordStart, word.length(), "'" + metric.id() + "' needs a statistic,"
                        + " as in p90(" + metric.id() + ")", Statistic.ALLOWED);
            }
        }
        return new Parsed(new MetricRef(metric, stat), wordEnd);
    }

    /**
     * Translates a name that cannot hold parentheses (a Maven XML element) into the written form:
     * {@code p99_itl} → {@code p99(itl)}, {@code mean_tpot} → {@code mean(tpot)}; a metric's own name
     * ({@code error_rate}, {@code itl}) and anything else stay as they are, for {@link #parseSelector} to judge.
     */
    public static String fromUnderscoreName(String name) {
        String n = Objects.requireNonNull(name, "name").trim();
        if (MetricName.byId(n) != null) return n;
        int u = n.indexOf('_');
        if (u > 0 && Statistic.looksLikeStatistic(n.substring(0, u))) return n.substring(0, u) + "(" + n.substring(u + 1) + ")";
        return n;
    }

    /** True when this names every statistic of a distribution metric (only from {@link #parseSelector}). */
    public boolean wholeMetric() {
        return statistic == null && metric.distribution();
    }

    /** The canonical text: {@code p90(ttft)}, {@code mean(output_speed)}, {@code error_rate}, {@code itl} (whole metric). */
    public String id() {
        return statistic == null ? metric.id() : statistic.id() + "(" + metric.id() + ")";
    }

    /** {@link #id()}. */
    @Override
    public String toString() {
        return id();
    }

    private static Statistic statistic(String src, int start, String word) {
        MetricName m = MetricName.byId(word);
        if (m != null) {
            throw new MetricSyntaxException(src, start, word.length(), "'" + m.id() + "' is a metric, not a statistic;"
                    + " write a statistic around it, as in p90(" + m.id() + ")", Statistic.ALLOWED);
        }
        try {
            return Statistic.parse(word);
        } catch (MetricSyntaxException e) {
            throw e.within(src, start);
        }
    }

    /** Every metric, then the statistics: what may start a reference. */
    public static List<String> metricsAndStatistics() {
        List<String> l = new ArrayList<>(MetricName.ids());
        l.add("or a statistic of " + String.join("/", MetricName.distributionIds())
                + " such as p90(ttft), mean(tpot), max(e2e)");
        return l;
    }

    private static int word(String src, int i) {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.') i++;
            else break;
        }
        return i;
    }

    private static int skipWs(String src, int i) {
        while (i < src.length() && Character.isWhitespace(src.charAt(i))) i++;
        return i;
    }
}
