package dev.llmbench.harness.load;

import java.math.BigDecimal;
import java.time.Duration;

/** Formatting and validation helpers shared by the load model types. */
final class Numbers {
    private Numbers() {
    }

    /** {@code 10.0 -> "10"}, {@code 0.5 -> "0.5"}, locale independent. */
    static String fmt(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return Double.toString(value);
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String fmt(Duration d) {
        if (d.isZero()) return "0s";
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) return (nanos / 1_000_000_000L) + "s";
        if (nanos % 1_000_000L == 0) return (nanos / 1_000_000L) + "ms";
        if (nanos % 1_000L == 0) return (nanos / 1_000L) + "µs";
        return nanos + "ns";
    }

    static int intInRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    static double positiveFinite(String field, double value, double max) {
        if (!(value > 0) || value > max || Double.isNaN(value)) {
            throw new IllegalArgumentException(
                    field + " must be a finite number in (0, " + fmt(max) + "], was " + value);
        }
        return value;
    }
}
