package dev.llmbench.harness.workload.tokenizer;

/**
 * Open-addressing hash map from a pair of token ids to two ints (a merge's rank and the merged token's id).
 * Filled once while loading, then read-only and safe to share between threads.
 */
final class PairMap {
    private static final long EMPTY = -1L;
    private final long[] keys;
    private final int[] first;
    private final int[] second;
    private final int mask;
    private int size;

    PairMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        java.util.Arrays.fill(keys, EMPTY);
        first = new int[cap];
        second = new int[cap];
        mask = cap - 1;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** Adds the pair unless present; returns false if it was already there (the first entry wins). */
    boolean putIfAbsent(int left, int right, int a, int b) {
        if (size * 2 >= keys.length) throw new IllegalStateException("PairMap full");
        long k = key(left, right);
        int i = hash(k) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == k) return false;
            i = (i + 1) & mask;
        }
        keys[i] = k;
        first[i] = a;
        second[i] = b;
        size++;
        return true;
    }

    /** Slot of the pair, or -1. */
    int find(int left, int right) {
        long k = key(left, right);
        int i = hash(k) & mask;
        while (true) {
            long s = keys[i];
            if (s == k) return i;
            if (s == EMPTY) return -1;
            i = (i + 1) & mask;
        }
    }

    int first(int slot) {
        return first[slot];
    }

    int second(int slot) {
        return second[slot];
    }

    int size() {
        return size;
    }
}
