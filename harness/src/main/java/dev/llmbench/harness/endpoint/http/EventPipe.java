package dev.llmbench.harness.endpoint.http;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hands events from the I/O threads to one consumer thread. The producer side is a lock-free offer plus, only
 * when the consumer is parked, one unpark: under load the consumer never parks, so the I/O thread pays no
 * system call per chunk.
 *
 * <p>Thread-safe for any number of producers and exactly one consumer thread.
 */
final class EventPipe<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean parked = new AtomicBoolean();
    private volatile Thread consumer;
    private volatile boolean closed;

    void offer(T event) {
        queue.offer(event);
        if (parked.get() && parked.compareAndSet(true, false)) {
            Thread c = consumer;
            if (c != null) LockSupport.unpark(c);
        }
    }

    /** Runs on the consumer thread until {@link #close()}; drains everything queued before returning. */
    void drainLoop(Consumer<T> handler) {
        consumer = Thread.currentThread();
        while (true) {
            T e = queue.poll();
            if (e != null) {
                handler.accept(e);
                continue;
            }
            if (closed) return;
            parked.set(true);
            // Re-check after announcing the park: an offer between poll() and set() would otherwise wait a full period.
            if (queue.isEmpty() && !closed) LockSupport.parkNanos(this, 5_000_000L);
            parked.set(false);
        }
    }

    void close() {
        closed = true;
        Thread c = consumer;
        if (c != null) LockSupport.unpark(c);
    }
}
