package dev.llmbench.harness.load;

import java.util.SplittableRandom;

/** The {@link ArrivalSchedule} implementations. */
final class Schedules {
    private Schedules() {
    }

    private static final double NANOS_PER_SECOND = 1e9;

    static ArrivalSchedule forArrivalRate(double ratePerSecond, ArrivalProcess process, long seed) {
        double meanGapNanos = NANOS_PER_SECOND / ratePerSecond;
        if (process instanceof ArrivalProcess.Constant) return new Constant(meanGapNanos);
        if (process instanceof ArrivalProcess.Poisson) return new Poisson(meanGapNanos, seed);
        if (process instanceof ArrivalProcess.Gamma g) return new Gamma(meanGapNanos, g.burstiness(), seed);
        throw new IllegalStateException("unhandled arrival process " + process);
    }

    static ArrivalSchedule forBurst(int size, int repeats, long intervalNanos) {
        return new Burst(size, repeats, intervalNanos);
    }

    /** Rounds a non-negative offset in nanoseconds, saturating at {@code Long.MAX_VALUE}. */
    static long toNanos(double offset) {
        return offset >= 9.2e18 ? Long.MAX_VALUE : Math.round(offset);
    }

    /** Request i goes at round(i · 1e9/rate): evenly spaced with no accumulated rounding error. */
    static final class Constant implements ArrivalSchedule {
        private final double gapNanos;
        private long index;

        Constant(double gapNanos) {
            this.gapNanos = gapNanos;
        }

        @Override
        public long nextOffsetNanos() {
            return toNanos(index++ * gapNanos);
        }

        @Override
        public long issued() {
            return index;
        }
    }

    /** Random gaps accumulated in double precision (sub-nanosecond for runs shorter than a month). */
    abstract static class RandomGaps implements ArrivalSchedule {
        final SplittableRandom rnd;
        private double offset;
        private long issued;

        RandomGaps(long seed) {
            this.rnd = new SplittableRandom(seed);
        }

        abstract double nextGapNanos();

        @Override
        public final long nextOffsetNanos() {
            if (issued++ > 0) offset += nextGapNanos();
            return toNanos(offset);
        }

        @Override
        public final long issued() {
            return issued;
        }
    }

    /** Exponential gaps with mean 1/rate (inverse transform). */
    static final class Poisson extends RandomGaps {
        private final double meanGapNanos;

        Poisson(double meanGapNanos, long seed) {
            super(seed);
            this.meanGapNanos = meanGapNanos;
        }

        @Override
        double nextGapNanos() {
            return meanGapNanos * RandomVariates.exponential(rnd);
        }
    }

    /** Gamma gaps: shape = burstiness, scale = 1/(rate·burstiness) (vLLM bench serve's convention). */
    static final class Gamma extends RandomGaps {
        private final double shape;
        private final double scaleNanos;

        Gamma(double meanGapNanos, double burstiness, long seed) {
            super(seed);
            this.shape = burstiness;
            this.scaleNanos = meanGapNanos / burstiness;
        }

        @Override
        double nextGapNanos() {
            return scaleNanos * RandomVariates.gamma(rnd, shape);
        }
    }

    /** {@code size} requests at offset r·interval for r = 0 .. repeats−1, then exhausted. */
    static final class Burst implements ArrivalSchedule {
        private final int size;
        private final long total;
        private final long intervalNanos;
        private long issued;

        Burst(int size, int repeats, long intervalNanos) {
            this.size = size;
            this.total = (long) size * repeats;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public long nextOffsetNanos() {
            if (issued >= total) return EXHAUSTED;
            long round = issued / size;
            issued++;
            return round * intervalNanos;
        }

        @Override
        public long issued() {
            return issued;
        }
    }
}
