package dev.llmbench.harness.workload.tokenizer;

import java.util.Arrays;

/** Growable int array; confined to one call, not thread-safe. */
final class IntList {
    int[] a;
    int size;

    IntList(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    void add(int v) {
        if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
        a[size++] = v;
    }

    void addAll(int[] v) {
        addAll(v, v.length);
    }

    void addAll(int[] v, int n) {
        if (size + n > a.length) a = Arrays.copyOf(a, Math.max(a.length * 2, size + n));
        System.arraycopy(v, 0, a, size, n);
        size += n;
    }

    int[] toArray() {
        return Arrays.copyOf(a, size);
    }
}
