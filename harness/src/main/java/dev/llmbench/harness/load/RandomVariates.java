package dev.llmbench.harness.load;

import java.util.SplittableRandom;

/**
 * Random variates from a {@link SplittableRandom}, written out here (rather than taken from
 * {@code RandomGenerator} defaults) so a seeded schedule is the same on every JDK.
 */
final class RandomVariates {
    private RandomVariates() {
    }

    /** Uniform in (0, 1]: never 0, so its logarithm is finite. */
    static double openUnit(SplittableRandom rnd) {
        return 1.0 - rnd.nextDouble();
    }

    /** Exponential with mean 1, by inverse transform: {@code -ln(U)}, U uniform in (0, 1]. */
    static double exponential(SplittableRandom rnd) {
        return -Math.log(openUnit(rnd));
    }

    /** Standard normal by Box–Muller (one variate per call, no hidden state). */
    static double standardNormal(SplittableRandom rnd) {
        double r = Math.sqrt(-2.0 * Math.log(openUnit(rnd)));
        return r * Math.cos(2.0 * Math.PI * rnd.nextDouble());
    }

    /**
     * Gamma with the given shape and scale 1, by Marsaglia &amp; Tsang (2000), "A simple method for generating
     * gamma variables". For shape &lt; 1 it uses the boost: {@code Gamma(a) = Gamma(a + 1) · U^(1/a)}.
     */
    static double gamma(SplittableRandom rnd, double shape) {
        if (!(shape > 0)) throw new IllegalArgumentException("gamma shape must be > 0, was " + shape);
        if (shape < 1.0) {
            double boost = Math.pow(openUnit(rnd), 1.0 / shape);
            return gamma(rnd, shape + 1.0) * boost;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                x = standardNormal(rnd);
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = openUnit(rnd);
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
            if (Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) return d * v;
        }
    }
}
