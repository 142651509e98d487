package dev.llmbench.junit.assertions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** How assertion messages print numbers: durations in one readable unit, ratios as percentages. */
final class Formats {

    private Formats() {
    }

    /** A time unit of messages: the microsecond values of the harness divided by {@link #micros}. */
    enum TimeUnit {
        MICROSECONDS("µs", 1), MILLISECONDS("ms", 1_000), SECONDS("s", 1_000_000);

        final String label;
        final double micros;

        TimeUnit(String label, double micros) {
            this.label = label;
            this.micros = micros;
        }

        /** The largest unit in which {@code micros} is at least 1 (microseconds for 0). */
        static TimeUnit readableFor(double micros) {
            double a = Math.abs(micros);
            if (!Double.isFinite(a)) return MILLISECONDS;
            if (a >= 1_000_000) return SECONDS;
            if (a >= 1_000) return MILLISECONDS;
            return MICROSECONDS;
        }
    }

    static double micros(Duration d) {
        return d.toNanos() / 1_000.0;
    }

    /** {@code micros} in {@code unit}, e.g. "912.3 ms"; "+∞" for infinity. */
    static String duration(double micros, TimeUnit unit) {
        if (Double.isNaN(micros)) return "n/a";
        if (micros == Double.POSITIVE_INFINITY) return "+∞";
        if (micros == Double.NEGATIVE_INFINITY) return "-∞";
        return number(micros / unit.micros) + " " + unit.label;
    }

    /** A duration in its own most readable unit. */
    static String duration(Duration d) {
        double us = micros(d);
        return duration(us, TimeUnit.readableFor(us));
    }

    /**
     * A number with as many decimals as make sense for a measurement: one from 100 up, two from 1 up, three
     * significant digits below 1; trailing zeros dropped ("800", "912.3", "45.68", "0.012").
     */
    static String number(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "+∞" : "-∞";
        if (v == 0) return "0";
        BigDecimal b = new BigDecimal(v);
        double a = Math.abs(v);
        if (a >= 100) b = b.setScale(1, RoundingMode.HALF_UP);
        else if (a >= 1) b = b.setScale(2, RoundingMode.HALF_UP);
        else b = b.round(new MathContext(3, RoundingMode.HALF_UP));
        b = b.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /**
     * {@code micros} in {@code unit} like {@link #duration(double, TimeUnit)}, with more decimals when it would
     * otherwise print the same as a different {@code other} ("was 100.03 ms", not "< 100 ms but was 100 ms").
     */
    static String durationDistinctFrom(double micros, double other, TimeUnit unit) {
        String s = duration(micros, unit);
        if (!Double.isFinite(micros) || micros == other || !s.equals(duration(other, unit))) return s;
        for (int scale = 1; scale <= 6; scale++) {
            String t = new BigDecimal(micros / unit.micros).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString() + " " + unit.label;
            if (!t.equals(duration(other, unit))) return t;
        }
        return s;
    }

    /** A fraction as a percentage, e.g. 0.034 → "3.4%". */
    static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }

    /** "1 sample" / "3 samples". */
    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
