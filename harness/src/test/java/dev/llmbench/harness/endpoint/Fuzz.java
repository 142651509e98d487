package dev.llmbench.harness.endpoint;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A small property runner for the fuzz tests: runs a property {@code tries} times, each with its own random stream
 * derived from one seed, and names the seed and the try when one fails so it can be replayed exactly.
 *
 * <p>{@code -Dllmbench.fuzz.tries=N} (default 200: a few seconds in CI) and {@code -Dllmbench.fuzz.seed=S} (default a
 * fixed seed, so CI is repeatable) set both; a long run on demand:
 * {@code mvn -pl simulator,harness test -Dtest='*FuzzTest' -Dllmbench.fuzz.tries=100000 -Dllmbench.fuzz.seed=$RANDOM}.
 */
public final class Fuzz {

    public static final int TRIES = Integer.getInteger("llmbench.fuzz.tries", 200);
    public static final long SEED = Long.getLong("llmbench.fuzz.seed", 20261204L);

    private Fuzz() {
    }

    /** Runs {@code property(random, try)} {@link #TRIES} times; a failure is rethrown naming seed and try. */
    public static void check(String name, BiConsumer<SplittableRandom, Integer> property) {
        for (int t = 0; t < TRIES; t++) {
            SplittableRandom rnd = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + t);
            try {
                property.accept(rnd, t);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + " failed at try " + t + " of seed " + SEED
                        + " (replay: -Dllmbench.fuzz.seed=" + SEED + ")", e);
            }
        }
    }

    /** Random bytes, biased towards the ones that matter to SSE and JSON. */
    public static byte[] bytes(SplittableRandom rnd, int maxLength) {
        byte[] interesting = "\n\r: data event id retry{}[]\",\\0123456789-.eE".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] b = new byte[rnd.nextInt(maxLength + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = rnd.nextInt(3) == 0 ? (byte) rnd.nextInt(256) : interesting[rnd.nextInt(interesting.length)];
        }
        return b;
    }
}
