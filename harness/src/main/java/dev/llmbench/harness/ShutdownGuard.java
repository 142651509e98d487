package dev.llmbench.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C (SIGINT), SIGTERM and {@code System.exit} during a run end it the way {@link Thread#interrupt()} does:
 * sending stops, requests in flight are cancelled (counted as cancelled), the result is written marked partial with
 * {@link #REASON}, and a front-end that writes more (the report of {@code llmbench:run}, the JUnit invocation's result
 * file) writes it too — before the JVM exits.
 *
 * <p>How: while at least one guard is open, one JVM shutdown hook is registered (removed when the last guard closes).
 * When the JVM starts to shut down, the hook interrupts every thread holding an open guard and waits until every guard
 * is closed, at most {@link #GRACE}; then the JVM goes on exiting (code 130 after Ctrl-C, 143 after SIGTERM). Guards
 * nest on a thread: {@link Benchmark#run()} opens one, {@link dev.llmbench.harness.plan.PlanRunner} one around the plan,
 * and a front-end one around whatever it still writes after the run. A guard opened while the JVM is already shutting
 * down interrupts its thread at once, so no new run starts.
 *
 * <p>A second Ctrl-C does not cut this short: a JVM that is running its shutdown hooks does not act on another signal.
 * The wait is bounded instead: the JVM exits at most {@link #GRACE} after the first signal, with or without the result
 * (it normally takes well under a second; a file is never left half-written: result and report files are moved into
 * place whole). {@code kill -9} ends the JVM at once, without a result.
 *
 * <p>Thread-safe; a guard is closed by the thread that opened it.
 */
public final class ShutdownGuard implements AutoCloseable {

    /** The partial reason of a run ended by a JVM shutdown (a hook cannot tell SIGINT from SIGTERM or System.exit). */
    public static final String REASON = "interrupted: SIGINT/shutdown";

    /** The longest the JVM's exit waits for interrupted runs to write their results. */
    public static final Duration GRACE = Duration.ofSeconds(5);

    private static final Object LOCK = new Object();
    // guarded by LOCK
    private static final Map<Thread, Integer> HOLDERS = new HashMap<>();
    private static Thread hook;
    private static volatile boolean shuttingDown;

    private final Thread owner;
    private boolean closed;

    private ShutdownGuard(Thread owner) {
        this.owner = owner;
    }

    /** Opens a guard for the current thread; close it (try-with-resources) when the run's results are written. */
    public static ShutdownGuard open() {
        Thread me = Thread.currentThread();
        synchronized (LOCK) {
            HOLDERS.merge(me, 1, Integer::sum);
            if (shuttingDown) {
                me.interrupt();
            } else if (hook == null) {
                Thread h = new Thread(ShutdownGuard::onShutdown, "llmbench-shutdown");
                try {
                    Runtime.getRuntime().addShutdownHook(h);
                    hook = h;
                } catch (IllegalStateException alreadyShuttingDown) {
                    shuttingDown = true;
                    me.interrupt();
                }
            }
        }
        return new ShutdownGuard(me);
    }

    /** Whether the JVM has begun to shut down while a guard was open (the runs then end as if interrupted). */
    public static boolean shutdownRequested() {
        return shuttingDown;
    }

    /** The reason to mark a partial result with: {@link #REASON} once the JVM shuts down, else {@code otherwise}. */
    public static String partialReason(String otherwise) {
        return shuttingDown ? REASON : otherwise;
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) return;
            closed = true;
            HOLDERS.computeIfPresent(owner, (t, n) -> n == 1 ? null : n - 1);
            if (HOLDERS.isEmpty()) {
                if (hook != null && !shuttingDown) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException alreadyShuttingDown) {
                        // the hook is running or about to: it finds no guard left and returns at once
                    }
                    hook = null;
                }
                LOCK.notifyAll();
            }
        }
    }

    /** The hook: interrupt the guarded runs, then wait (bounded) for them to write what they have. */
    private static void onShutdown() {
        long deadline = System.nanoTime() + GRACE.toNanos();
        synchronized (LOCK) {
            shuttingDown = true;
            if (HOLDERS.isEmpty()) return;
            System.err.println("[llmbench] " + REASON + ": stopping the run, cancelling requests in flight and writing "
                    + "the partial result (at most " + GRACE.toSeconds() + " s)");
            for (Thread t : HOLDERS.keySet()) t.interrupt();
            while (!HOLDERS.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    System.err.println("[llmbench] gave up waiting for the partial result after " + GRACE.toSeconds()
                            + " s: it may be missing");
                    return;
                }
                try {
                    LOCK.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
