package dev.llmbench.harness.endpoint.http;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Hands events from the I/O threads to one consumer thread without a system call on the I/O thread per event.
 *
 * <p>While events keep coming the consumer naps in short timed parks ({@link #NAP_NANOS}) that no producer has to
 * break; only after {@link #DEEP_SLEEP_AFTER_NANOS} without events does it announce a deep sleep, and then the first
 * producer to offer pays one unpark. So a server's batch of chunks costs the I/O thread at most one wake-up, not
 * one per few chunks (measured before: 0.22 decoder context switches per token at 300 streams), and the consumer
 * does not burn a core spinning (a 50 µs spin took 64 % of the decoder's samples at 1,000 streams). Events wait
 * at most a nap before they are decoded; their timestamps were taken on arrival, so no measurement depends on it.
 *
 * <p>Thread-safe for any number of producers and exactly one consumer thread. Public for the WebSocket client
 * ({@code endpoint.realtime}), which hands its readers' events to one listener thread the same way.
 */
public final class EventPipe<T> {

    /** A busy consumer's nap when the queue is momentarily empty. */
    static final long NAP_NANOS = 200_000L;
    /** Idle this long, the consumer sleeps until a producer wakes it. */
    static final long DEEP_SLEEP_AFTER_NANOS = 1_000_000L;

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean parked = new AtomicBoolean();
    private volatile Thread consumer;
    private volatile boolean closed;

    /** Queues an event; any thread. */
    public void offer(T event) {
        queue.offer(event);
        if (parked.get() && parked.compareAndSet(true, false)) {
            Thread c = consumer;
            if (c != null) LockSupport.unpark(c);
        }
    }

    /** Runs on the consumer thread until {@link #close()}; drains everything queued before returning. */
    public void drainLoop(Consumer<T> handler) {
        consumer = Thread.currentThread();
        long idleSince = -1;
        while (true) {
            T e = queue.poll();
            if (e != null) {
                handler.accept(e);
                idleSince = -1;
                continue;
            }
            if (closed) return;
            long now = System.nanoTime();
            if (idleSince < 0) idleSince = now;
            if (now - idleSince < DEEP_SLEEP_AFTER_NANOS) {
                LockSupport.parkNanos(this, NAP_NANOS);
                continue;
            }
            parked.set(true);
            // Re-check after announcing the sleep: an offer between poll() and set() would otherwise wait it out.
            if (queue.isEmpty() && !closed) LockSupport.parkNanos(this, 5_000_000L);
            parked.set(false);
        }
    }

    /** Ends {@link #drainLoop} once the queue is drained. */
    public void close() {
        closed = true;
        Thread c = consumer;
        if (c != null) LockSupport.unpark(c);
    }
}
