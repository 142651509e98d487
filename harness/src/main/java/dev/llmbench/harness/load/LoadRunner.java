package dev.llmbench.harness.load;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;

import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Executes a {@link LoadModel} against an {@link Endpoint} within {@link RunBounds}: decides when each request is
 * sent, which are warmup, and when the run ends. Every request sent is handed, completed, to {@code onComplete}
 * (on the endpoint's decoder thread), whatever its outcome — nothing is lost.
 *
 * <p>t0 of a request is its intended send time: for open-loop models the schedule's time (so a late send shows as
 * queue delay and latency, never hides it: no coordinated omission), for closed loop the hand-off to the client.
 *
 * <p><b>Backoff</b> ({@link #backoff(boolean)}, off by default so the measurement stays raw): a rate-limited request
 * ({@link dev.llmbench.harness.endpoint.FailureKind#RATE_LIMITED}) holds back for as long as the server asked
 * ({@link Backoff#waitMillis}). In a closed loop its virtual user pauses before its next request (whose t0 is taken
 * when it is handed to the client, after the pause); in an open loop the arrival schedule pauses: every later intended
 * send time moves by the pause, so the pause shows neither as latency nor as queue delay. The pauses and their total
 * are in {@link RunStats}.
 *
 * <p>One run per instance; {@link #run()} blocks the calling thread until the run ends.
 */
public final class LoadRunner {

    /** What a run did, for the result's metadata. Times are {@link System#nanoTime()} values. */
    public record RunStats(long startNanos, long endNanos, long measuredStartNanos, long sent, long warmupSent,
                           boolean partial, String partialReason, long backoffPauses, long backoffNanos) { }

    /**
     * How long an interrupted run waits for its cancelled requests to be recorded (normally milliseconds); kept short
     * so that a Ctrl-C's partial result is written well within the JVM's exit wait (ShutdownGuard.GRACE, 5 s).
     */
    static final long INTERRUPT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Endpoint endpoint;
    private final LoadModel load;
    private final RunBounds bounds;
    private final LongFunction<GenerationRequest> requests;
    private final Consumer<RequestTimeline> onComplete;
    private final long seed;
    private final Tokenizer outputTokenizer;

    private final Object lock = new Object();
    // guarded by lock
    private long nextSequence;
    private long measuredSent;
    private long warmupSent;
    private long completed;
    private boolean stopIssuing;
    private long measuredStartNanos = -1;
    private long measuredDeadlineNanos = Long.MAX_VALUE;
    private boolean backoff;
    private long backoffPauses;
    private long backoffNanos;
    /** Closed loop: paused virtual users as {resume at, paused at}, soonest first. */
    private final PriorityQueue<long[]> pausedUsers = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    /** Open loop: no intended send before this time. */
    private long schedulePausedUntilNanos = Long.MIN_VALUE;

    private long startNanos;
    private Semaphore concurrencySlots;
    private final Semaphore closedLoopTurns = new Semaphore(0);

    /**
     * @param requests   builds the request for a sequence number (0-based, warmup included); called from one thread at a time
     * @param onComplete receives every ended request, warmup included, on the endpoint's decoder thread
     * @param seed       seeds the arrival schedule
     */
    public LoadRunner(Endpoint endpoint, LoadModel load, RunBounds bounds, LongFunction<GenerationRequest> requests,
                      Consumer<RequestTimeline> onComplete, long seed) {
        this(endpoint, load, bounds, requests, onComplete, seed, null);
    }

    /**
     * As above, with every request's streamed output counted by {@code outputTokenizer} on the decoder thread (see
     * {@link RequestTimeline}); null counts nothing locally.
     */
    public LoadRunner(Endpoint endpoint, LoadModel load, RunBounds bounds, LongFunction<GenerationRequest> requests,
                      Consumer<RequestTimeline> onComplete, long seed, Tokenizer outputTokenizer) {
        this.endpoint = endpoint;
        this.load = load;
        this.bounds = bounds;
        this.requests = requests;
        this.onComplete = onComplete;
        this.seed = seed;
        this.outputTokenizer = outputTokenizer;
    }

    /** Holds back after rate-limited requests (see the class comment); off by default. Call before {@link #run()}. */
    public LoadRunner backoff(boolean on) {
        synchronized (lock) { backoff = on; }
        return this;
    }

    /**
     * Runs to the end (bounds reached and every request ended), or until interrupted or until the endpoint reports a
     * {@link Endpoint#clientFault() client fault}; the stats then say partial, with the reason.
     */
    public RunStats run() {
        return run(System.nanoTime());
    }

    /** As {@link #run()}, with the run's start (second 0 of its schedule and time series) given by the caller. */
    public RunStats run(long startNanos) {
        this.startNanos = startNanos;
        boolean interrupted = false;
        try {
            if (load instanceof LoadModel.Concurrency c) runClosedLoop(c.users());
            else runOpenLoop();
            awaitDrain();
        } catch (InterruptedException e) {
            interrupted = true;
            synchronized (lock) { stopIssuing = true; }
            endpoint.cancelAll("run interrupted");
            awaitCancelled(INTERRUPT_GRACE_NANOS);
            Thread.currentThread().interrupt();
        }
        long end = System.nanoTime();
        String fault = endpoint.clientFault();
        String reason = interrupted ? (fault == null ? "interrupted" : "interrupted; " + fault) : fault;
        synchronized (lock) {
            for (long[] p : pausedUsers) { // still paused when the run ended: count the part within the run
                backoffPauses++;
                backoffNanos += Math.max(0, Math.min(p[0], end) - p[1]);
            }
            pausedUsers.clear();
            return new RunStats(startNanos, end, measuredStartNanos, measuredSent + warmupSent, warmupSent,
                    reason != null, reason, backoffPauses, backoffNanos);
        }
    }

    // ---------------------------------------------------------------- closed loop

    /**
     * Each ended request releases one permit; this (the runner's) thread turns permits into new requests. Building
     * and sending a request is kept off the decoder thread, where it would delay the next wave's first tokens.
     */
    private void runClosedLoop(int users) throws InterruptedException {
        for (int i = 0; i < users; i++) {
            if (!issue(System.nanoTime(), true)) break;
        }
        while (true) {
            long now = System.nanoTime();
            long nextResume;
            synchronized (lock) {
                if (stopIssuing) break;
                if (now >= measuredDeadlineNanos) { stopIssuing = true; break; }
                nextResume = resumeDueUsers(now);
            }
            long waitNanos = Math.min(Math.min(TimeUnit.MILLISECONDS.toNanos(50), measuredDeadlineNanos - now), nextResume - now);
            if (closedLoopTurns.tryAcquire(Math.max(1, waitNanos), TimeUnit.NANOSECONDS)) {
                if (!issue(System.nanoTime(), true)) break;
            }
        }
        synchronized (lock) { stopIssuing = true; }
    }

    /** Gives every paused user whose pause is over its turn back; the next resume time (MAX_VALUE: none). Holds lock. */
    private long resumeDueUsers(long now) {
        while (!pausedUsers.isEmpty() && pausedUsers.peek()[0] <= now) {
            long[] p = pausedUsers.poll();
            backoffPauses++;
            backoffNanos += p[0] - p[1];
            closedLoopTurns.release();
        }
        return pausedUsers.isEmpty() ? Long.MAX_VALUE : pausedUsers.peek()[0];
    }

    // ---------------------------------------------------------------- open loop and bursts

    private void runOpenLoop() throws InterruptedException {
        concurrencySlots = load.maxConcurrency().isPresent() ? new Semaphore(load.maxConcurrency().getAsInt()) : null;
        ArrivalSchedule schedule = ((LoadModel.OpenLoop) load).schedule(seed);
        long shiftNanos = 0; // how far backoff pauses have moved the schedule
        while (true) {
            long offset = schedule.nextOffsetNanos();
            if (offset == ArrivalSchedule.EXHAUSTED) break;
            long intended = startNanos + offset + shiftNanos;
            boolean stop = false;
            while (true) {
                synchronized (lock) {
                    if (stopIssuing || intended > measuredDeadlineNanos) { stopIssuing = true; stop = true; break; }
                }
                parkUntil(intended);
                synchronized (lock) {
                    if (schedulePausedUntilNanos <= intended) break;
                    long pause = schedulePausedUntilNanos - intended; // paused while this send was due: move the schedule
                    shiftNanos += pause;
                    intended += pause;
                    backoffPauses++;
                    backoffNanos += pause;
                }
            }
            if (stop) break;
            if (concurrencySlots != null) concurrencySlots.acquire();
            if (!issue(intended, false)) {
                if (concurrencySlots != null) concurrencySlots.release();
                break;
            }
        }
        synchronized (lock) { stopIssuing = true; }
    }

    private static void parkUntil(long deadlineNanos) throws InterruptedException {
        while (true) {
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0) return;
            // Sleep most of the way, then spin-park the last stretch: the schedule is kept to tens of microseconds.
            if (wait > 2_000_000L) TimeUnit.NANOSECONDS.sleep(wait - 1_000_000L);
            else java.util.concurrent.locks.LockSupport.parkNanos(wait);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }

    // ---------------------------------------------------------------- issuing and completion

    /**
     * Claims the next sequence number and sends it with t0 = {@code intendedNanos}; false once the run stops issuing.
     * With {@code handOffAfterBuild} (closed loop) t0 is taken again once the request is built, so building a prompt
     * (an exact-token prompt costs a few tokenizer counts) is not charged to the endpoint; in an open loop t0 stays the
     * intended send time and any building delay shows as queue delay.
     */
    private boolean issue(long intendedNanos, boolean handOffAfterBuild) {
        long sequence;
        boolean warmup;
        if (endpoint.clientFault() != null) {
            synchronized (lock) {
                stopIssuing = true;
                lock.notifyAll();
            }
            return false;
        }
        synchronized (lock) {
            if (stopIssuing) return false;
            sequence = nextSequence;
            warmup = sequence < bounds.warmupRequests()
                    || intendedNanos - startNanos < bounds.warmupDuration().toNanos();
            if (!warmup) {
                if (measuredStartNanos < 0) {
                    measuredStartNanos = intendedNanos;
                    if (!bounds.maxDuration().isZero())
                        measuredDeadlineNanos = intendedNanos + bounds.maxDuration().toNanos();
                }
                if ((bounds.maxRequests() > 0 && measuredSent >= bounds.maxRequests()) || intendedNanos > measuredDeadlineNanos) {
                    stopIssuing = true;
                    lock.notifyAll();
                    return false;
                }
                measuredSent++;
            } else {
                warmupSent++;
            }
            nextSequence++;
        }
        GenerationRequest request = requests.apply(sequence);
        if (handOffAfterBuild) intendedNanos = System.nanoTime();
        RequestTimeline timeline = new RequestTimeline(sequence, warmup, intendedNanos, request.promptTokens(),
                request.maxTokens(), outputTokenizer);
        endpoint.send(request, new Completion(timeline));
        return true;
    }

    private void completed(RequestTimeline timeline) {
        try {
            onComplete.accept(timeline);
        } finally {
            if (concurrencySlots != null) concurrencySlots.release();
            boolean paused = false;
            synchronized (lock) {
                completed++;
                if (backoff) paused = holdBack(timeline);
                lock.notifyAll();
            }
            if (load instanceof LoadModel.Concurrency && !paused) closedLoopTurns.release();
        }
    }

    /** After a rate-limited request: pauses its virtual user, or the schedule; true when a user was paused. Holds lock. */
    private boolean holdBack(RequestTimeline timeline) {
        long waitMillis = Backoff.waitMillis(timeline.failure(), timeline.rateLimitHeaders());
        if (waitMillis < 0) return false;
        long now = timeline.endNanos() >= 0 ? timeline.endNanos() : System.nanoTime();
        long resume = now + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        if (load instanceof LoadModel.Concurrency) {
            if (stopIssuing) return false;
            pausedUsers.add(new long[] {resume, now});
            return true;
        }
        schedulePausedUntilNanos = Math.max(schedulePausedUntilNanos, resume);
        return false;
    }

    /** Waits for in-flight requests to end, up to the drain timeout; then cancels what is left. */
    private void awaitDrain() throws InterruptedException {
        long deadline = System.nanoTime() + bounds.drainTimeout().toNanos();
        synchronized (lock) {
            while (completed < measuredSent + warmupSent) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                lock.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
            if (completed >= measuredSent + warmupSent) return;
        }
        endpoint.cancelAll("still in flight " + bounds.drainTimeout().toSeconds() + " s after the run's last send");
        awaitCancelled(TimeUnit.SECONDS.toNanos(10));
    }

    /** After a cancelAll, every request ends promptly with a CANCELLED failure; wait (bounded) for those to be recorded. */
    private void awaitCancelled(long boundNanos) {
        long deadline = System.nanoTime() + boundNanos;
        synchronized (lock) {
            while (completed < measuredSent + warmupSent && System.nanoTime() < deadline) {
                try {
                    lock.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Passes events to the timeline and reports its end to the runner. */
    private final class Completion implements StreamListener {
        private final RequestTimeline timeline;

        Completion(RequestTimeline timeline) { this.timeline = timeline; }

        @Override public void sent(long nanos) { timeline.sent(nanos); }
        @Override public void headers(long nanos, int status, Map<String, String> headers) { timeline.headers(nanos, status, headers); }
        @Override public void chunk(long nanos, CharSequence text, ChunkKind kind, String id) { timeline.chunk(nanos, text, kind, id); }
        @Override public void usage(int in, int out, int cached) { timeline.usage(in, out, cached); }
        @Override public void cacheWrite(int tokens) { timeline.cacheWrite(tokens); }
        @Override public void missingFinalEvent() { timeline.missingFinalEvent(); }
        @Override public void reconnected(long nanos) { timeline.reconnected(nanos); }
        @Override public void done(long nanos) {
            timeline.done(nanos);
            completed(timeline);
        }
        @Override public void failed(long nanos, Failure failure) {
            timeline.failed(nanos, failure);
            completed(timeline);
        }
    }
}
