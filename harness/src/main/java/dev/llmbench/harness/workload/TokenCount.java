package dev.llmbench.harness.workload;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A number of tokens per request: fixed, or drawn from a normal distribution clipped to [min, max].
 * Immutable; sampling takes the caller's seeded random source so a run is reproducible.
 */
public sealed interface TokenCount permits TokenCount.Fixed, TokenCount.Normal {

    /** Largest token count accepted anywhere in a shape. */
    int MAX_TOKENS = 10_000_000;

    /**
     * Always {@code tokens}.
     *
     * @throws IllegalArgumentException unless {@code tokens} is in [1, 10000000]
     */
    static Fixed fixed(int tokens) {
        return new Fixed(tokens);
    }

    /**
     * A normal distribution with the given mean and standard deviation, rounded to whole tokens and clipped to
     * [min, max] (values outside are set to the nearest bound, not redrawn).
     *
     * @throws IllegalArgumentException unless 1 ≤ min ≤ mean ≤ max ≤ 10000000 and stddev is finite and ≥ 0
     */
    static Normal normal(double mean, double stddev, int min, int max) {
        return new Normal(mean, stddev, min, max);
    }

    /** One value in [min(), max()]. Consumes randomness only for distributions. */
    int sample(SplittableRandom rnd);

    /** The nominal mean (before clipping). */
    double mean();

    /** Smallest value {@link #sample} can return. */
    int min();

    /** Largest value {@link #sample} can return. */
    int max();

    /** e.g. {@code "128"} or {@code "500±200 in [50, 950]"}. */
    String describe();

    /**
     * Always the same count.
     *
     * @param tokens in [1, 10000000]
     */
    record Fixed(int tokens) implements TokenCount {
        public Fixed {
            checkTokens("tokens", tokens);
        }

        @Override
        public int sample(SplittableRandom rnd) {
            return tokens;
        }

        @Override
        public double mean() {
            return tokens;
        }

        @Override
        public int min() {
            return tokens;
        }

        @Override
        public int max() {
            return tokens;
        }

        @Override
        public String describe() {
            return Integer.toString(tokens);
        }
    }

    /**
     * A clipped normal distribution.
     *
     * @param mean   nominal mean, in [min, max]
     * @param stddev standard deviation, finite, ≥ 0 (0 gives {@code round(mean)} every time)
     * @param min    lower clip, in [1, 10000000]
     * @param max    upper clip, in [min, 10000000]
     */
    record Normal(double mean, double stddev, int min, int max) implements TokenCount {
        public Normal {
            checkTokens("min", min);
            checkTokens("max", max);
            if (max < min) throw new IllegalArgumentException("max must be >= min (" + min + "), was " + max);
            if (Double.isNaN(mean) || mean < min || mean > max) {
                throw new IllegalArgumentException("mean must be in [min, max] = [" + min + ", " + max + "], was " + mean);
            }
            if (Double.isNaN(stddev) || stddev < 0 || Double.isInfinite(stddev)) {
                throw new IllegalArgumentException("stddev must be a finite number >= 0, was " + stddev);
            }
        }

        @Override
        public int sample(SplittableRandom rnd) {
            Objects.requireNonNull(rnd, "rnd");
            double x = mean + stddev * Sampling.standardNormal(rnd);
            long rounded = Math.round(x);
            return (int) Math.max(min, Math.min(max, rounded));
        }

        @Override
        public String describe() {
            return fmt(mean) + "±" + fmt(stddev) + " in [" + min + ", " + max + "]";
        }
    }

    private static void checkTokens(String field, int value) {
        if (value < 1 || value > MAX_TOKENS) {
            throw new IllegalArgumentException(field + " must be in [1, " + MAX_TOKENS + "], was " + value);
        }
    }

    private static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
