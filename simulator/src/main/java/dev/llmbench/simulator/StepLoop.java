package dev.llmbench.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that decodes every active sequence together (continuous batching).
 *
 * <p>Each step: admit queued requests in arrival order while KV-cache capacity allows (each reserves prompt + max
 * output tokens; a request larger than the whole cache is admitted alone into an empty batch rather than refused);
 * the step lasts the admitted prefills plus one decode step of the whole batch (see {@link TimingModel}); at its end
 * every active sequence emits one token, and finished or cancelled sequences free their KV. Step ends are absolute
 * {@code nanoTime} deadlines, each following the previous one's deadline (not its actual wake-up), so steps do not
 * drift; the thread sleeps with {@link LockSupport#parkNanos} and idles parked when nothing is active. If it falls
 * behind by more than {@value #RESYNC_NANOS} ns (e.g. a long GC pause) it restarts the schedule from now instead of
 * bursting.
 *
 * <p>Thread-safety: {@link #submit} and the stats getters may be called from any thread; everything else runs on
 * the loop's own thread.
 */
final class StepLoop implements Runnable {

    static final long RESYNC_NANOS = 100_000_000L;

    private final TimingModel model;
    private final long kvCapacityTokens;
    private final ConcurrentLinkedQueue<Sequence> incoming = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final ArrayList<Sequence> active = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    // Written by the loop thread only, read by stats().
    private volatile int activeCount;
    private volatile int queuedCount;
    private volatile long kvInUse;
    private volatile long tokensGenerated;
    private volatile long steps;
    private volatile long lagSumNanos;
    private volatile long lagMaxNanos;
    private volatile long workSumNanos;

    StepLoop(TimingModel model, String threadName) {
        this.model = model;
        this.kvCapacityTokens = model.profile().kvCapacityTokens();
        this.thread = new Thread(this, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a sequence; it is admitted at the next step boundary. Any thread. */
    void submit(Sequence sequence) {
        incoming.add(sequence);
        LockSupport.unpark(thread);
    }

    /** Stops the loop and waits briefly for it to end. */
    void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int activeCount() { return activeCount; }
    int queuedCount() { return queuedCount + incoming.size(); }
    long kvTokensInUse() { return kvInUse; }
    long tokensGenerated() { return tokensGenerated; }
    long steps() { return steps; }
    long lagSumNanos() { return lagSumNanos; }
    long lagMaxNanos() { return lagMaxNanos; }
    long workSumNanos() { return workSumNanos; }

    @Override
    public void run() {
        long deadline = 0;
        boolean scheduleFromNow = true;
        long kv = 0;
        while (running) {
            long workStart = System.nanoTime();
            for (Sequence s; (s = incoming.poll()) != null; ) {
                waiting.addLast(s);
            }
            if (active.isEmpty()) {
                while (!waiting.isEmpty() && waiting.peekFirst().cancelled()) {
                    waiting.pollFirst();
                }
                if (waiting.isEmpty()) {
                    activeCount = 0;
                    queuedCount = 0;
                    LockSupport.park(this);
                    scheduleFromNow = true;
                    continue;
                }
            }
            long stepStart = scheduleFromNow ? workStart : deadline;
            scheduleFromNow = false;

            long prefillNanos = 0;
            while (!waiting.isEmpty()) {
                Sequence s = waiting.peekFirst();
                if (s.cancelled()) {
                    waiting.pollFirst();
                    continue;
                }
                if (kv + s.kvTokens > kvCapacityTokens && !active.isEmpty()) {
                    break;
                }
                waiting.pollFirst();
                kv += s.kvTokens;
                active.add(s);
                prefillNanos += model.prefillNanos(s.promptTokens);
                s.admit();
            }
            activeCount = active.size();
            queuedCount = waiting.size();
            kvInUse = kv;
            deadline = stepStart + prefillNanos + model.decodeStepNanos(active.size());
            long work = System.nanoTime() - workStart;

            long now;
            while ((now = System.nanoTime()) < deadline && running) {
                LockSupport.parkNanos(this, deadline - now);
            }
            if (!running) {
                break;
            }
            long lag = now - deadline;
            lagSumNanos += lag;
            if (lag > lagMaxNanos) {
                lagMaxNanos = lag;
            }
            if (lag > RESYNC_NANOS) {
                scheduleFromNow = true;
            }

            // Emit one token for every active sequence; compact the list in place.
            int kept = 0;
            int emitted = 0;
            for (int i = 0, n = active.size(); i < n; i++) {
                Sequence s = active.get(i);
                boolean done;
                if (s.cancelled()) {
                    done = true;
                } else {
                    emitted++;
                    done = s.releaseToken();
                }
                if (done) {
                    kv -= s.kvTokens;
                } else {
                    active.set(kept++, s);
                }
            }
            for (int i = active.size() - 1; i >= kept; i--) {
                active.remove(i);
            }
            activeCount = active.size();
            kvInUse = kv;
            tokensGenerated += emitted;
            steps++;
            workSumNanos += work + (System.nanoTime() - now);
        }
        for (Sequence s : active) {
            s.cancel();
        }
    }
}
