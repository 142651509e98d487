package dev.llmbench.harness.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A statistic of a distribution metric, as written before its parentheses in {@code p90(ttft)}: a percentile
 * {@code pNN} or {@code pNN.N} (0 &lt; NN ≤ 100, nearest rank: see {@link NearestRank}), {@code mean},
 * {@code stddev} (population standard deviation), {@code min} or {@code max}. {@code avg} is accepted everywhere as
 * another spelling of {@code mean} and always shown as {@code mean}. Names are case-insensitive.
 *
 * <p>Immutable and thread-safe; records compare by meaning ({@code p90.0} equals {@code p90}).
 *
 * @param kind       which statistic
 * @param percentile for {@link Kind#PERCENTILE}, the percentile in (0, 100]; NaN otherwise
 */
public record Statistic(Kind kind, double percentile) {

    /** The kinds of statistic. */
    public enum Kind { PERCENTILE, MEAN, STDDEV, MIN, MAX }

    public static final Statistic MEAN = new Statistic(Kind.MEAN, Double.NaN);
    public static final Statistic STDDEV = new Statistic(Kind.STDDEV, Double.NaN);
    public static final Statistic MIN = new Statistic(Kind.MIN, Double.NaN);
    public static final Statistic MAX = new Statistic(Kind.MAX, Double.NaN);

    /** What is allowed where a statistic is expected, for messages. */
    public static final List<String> ALLOWED =
            List.of("p50", "p90", "p95", "p99", "p99.9 (any pNN or pNN.N with 0 < NN <= 100)", "mean", "min", "max", "stddev");

    private static final Pattern PERCENTILE = Pattern.compile("p\\d+(\\.\\d+)?");

    public Statistic {
        if (kind == null) throw new NullPointerException("kind");
        if (kind == Kind.PERCENTILE ? !(percentile > 0 && percentile <= 100) : !Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile " + percentile + " does not fit " + kind);
        }
    }

    /** Percentile {@code p}, 0 &lt; p ≤ 100. */
    public static Statistic percentile(double p) {
        return new Statistic(Kind.PERCENTILE, p);
    }

    /**
     * Reads one statistic word, e.g. {@code p90}, {@code P99.9}, {@code mean}, {@code avg}.
     *
     * @throws MetricSyntaxException pointing at the word (position 0), with {@link #ALLOWED}
     */
    public static Statistic parse(String word) {
        String lower = word.trim().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "mean": case "avg": return MEAN;
            case "stddev": return STDDEV;
            case "min": return MIN;
            case "max": return MAX;
            default: break;
        }
        if (PERCENTILE.matcher(lower).matches()) {
            BigDecimal p = new BigDecimal(lower.substring(1));
            if (p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0) return percentile(p.doubleValue());
            throw new MetricSyntaxException(word, 0, word.length(),
                    "unknown statistic '" + word + "': a percentile must be above 0 and at most 100", ALLOWED);
        }
        throw new MetricSyntaxException(word, 0, word.length(), "unknown statistic '" + word + "'", ALLOWED);
    }

    /** Whether {@code word} is written like a statistic (perhaps an out-of-range percentile such as {@code p101}). */
    public static boolean looksLikeStatistic(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.equals("mean") || lower.equals("avg") || lower.equals("stddev") || lower.equals("min")
                || lower.equals("max") || PERCENTILE.matcher(lower).matches();
    }

    /** The canonical text: {@code p90}, {@code p99.9}, {@code mean}, {@code stddev}, {@code min}, {@code max}. */
    public String id() {
        if (kind == Kind.PERCENTILE) return "p" + BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * This statistic of the successful samples of {@code s}, in the summary's unit ({@link Summary#unit()}); failures
     * are not included (see {@link Summary#errorAdjustedPercentile} for that).
     */
    public double of(Summary s) {
        switch (kind) {
            case MEAN: return s.mean();
            case STDDEV: return s.stddev();
            case MIN: return s.min();
            case MAX: return s.max();
            default: return s.percentile(percentile);
        }
    }

    /** {@link #id()}. */
    @Override
    public String toString() {
        return id();
    }
}
