package dev.llmbench.harness.workload;

import java.util.SplittableRandom;

/** Random variates written out here so a seed gives the same workload on every JDK. */
final class Sampling {
    private Sampling() {
    }

    /** Standard normal by Box–Muller (one variate per call, no hidden state). */
    static double standardNormal(SplittableRandom rnd) {
        double r = Math.sqrt(-2.0 * Math.log(1.0 - rnd.nextDouble()));
        return r * Math.cos(2.0 * Math.PI * rnd.nextDouble());
    }
}
