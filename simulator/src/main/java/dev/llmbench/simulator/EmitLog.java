package dev.llmbench.simulator;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The true emit time ({@link System#nanoTime()}) of every chunk carrying generated text that the simulator wrote,
 * per response id. The time is taken on the I/O reactor thread in the response's produce callback immediately
 * before the chunk's bytes are written to the connection. Only text chunks count (not the role-only first chunk,
 * the usage chunk or {@code [DONE]}), so index i is the client's i-th output chunk. A non-streamed response has one
 * entry: the write of its body.
 *
 * <p>Memory is bounded: {@link #take(String)} forgets a response, and beyond {@code capacity} responses the oldest
 * are dropped. Read a response after it has completed; {@link #peek(String)} of one in flight gives the chunks
 * written so far.
 *
 * <p>Thread-safe: one writer per response (its reactor callback), any number of readers.
 */
public final class EmitLog {

    private final ConcurrentHashMap<String, Times> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger approximateSize = new AtomicInteger();
    private final AtomicInteger orderSize = new AtomicInteger();
    private final int capacity;
    private final boolean enabled;

    EmitLog(int capacity, boolean enabled) {
        this.capacity = capacity;
        this.enabled = enabled;
    }

    /** Emit times of a response in nanoTime units, oldest first, and forgets it; null if unknown. */
    public long[] take(String responseId) {
        Times t = byId.remove(responseId);
        if (t == null) {
            return null;
        }
        approximateSize.decrementAndGet();
        return t.snapshot();
    }

    /** Emit times of a response in nanoTime units, oldest first, keeping it; null if unknown. */
    public long[] peek(String responseId) {
        Times t = byId.get(responseId);
        return t == null ? null : t.snapshot();
    }

    /** Responses currently held. */
    public int size() {
        return byId.size();
    }

    /** Whether emit times are being recorded (see {@link SimulatorConfig#recordEmitTimes()}). */
    public boolean isEnabled() {
        return enabled;
    }

    /** Starts a response's record; returns null when recording is off. Called once per response. */
    Times open(String responseId) {
        if (!enabled) {
            return null;
        }
        Times t = new Times();
        byId.put(responseId, t);
        order.add(responseId);
        orderSize.incrementAndGet();
        if (approximateSize.incrementAndGet() > capacity) {
            String oldest;
            while (byId.size() > capacity && (oldest = order.poll()) != null) {
                orderSize.decrementAndGet();
                if (byId.remove(oldest) != null) {
                    approximateSize.decrementAndGet();
                }
            }
        }
        // Ids already taken stay in `order` until polled; keep that queue from growing without bound.
        if (orderSize.get() > 2 * capacity + 1024) {
            synchronized (order) {
                if (orderSize.get() > 2 * capacity + 1024) {
                    order.removeIf(id -> !byId.containsKey(id));
                    orderSize.set(order.size());
                }
            }
        }
        return t;
    }

    /** One response's emit times: a single writer appends, readers copy. */
    static final class Times {
        private volatile long[] times = new long[16];
        private volatile int count;

        /** Appends a time; only the response's writer calls this. */
        void add(long nanoTime) {
            long[] a = times;
            int n = count;
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
                times = a;
            }
            a[n] = nanoTime;
            count = n + 1;
        }

        long[] snapshot() {
            int n = count;          // read count first: the array read next holds at least n entries
            return Arrays.copyOf(times, n);
        }
    }
}
