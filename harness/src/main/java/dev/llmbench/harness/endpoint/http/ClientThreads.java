package dev.llmbench.harness.endpoint.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Names the harness's own threads ({@code llmbench-io-N}, {@code llmbench-decoder}, ...) and sums their CPU time,
 * so a result can say how much CPU the client spent per token and whether its I/O threads were saturated.
 *
 * <p>Thread-safe.
 */
public final class ClientThreads {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private final List<Thread> ioThreads = new CopyOnWriteArrayList<>();
    private final List<Thread> otherThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger ioCounter = new AtomicInteger();
    private final Consumer<String> onIoThreadDeath;
    private volatile String ioThreadDeath;

    /** Threads whose death goes unnoticed but for {@link #ioThreadDeath()}. */
    public ClientThreads() {
        this(reason -> { });
    }

    /** @param onIoThreadDeath told, on the dying thread, why an I/O thread ended with an uncaught throwable */
    public ClientThreads(Consumer<String> onIoThreadDeath) {
        this.onIoThreadDeath = onIoThreadDeath;
    }

    static {
        if (MX.isThreadCpuTimeSupported() && !MX.isThreadCpuTimeEnabled()) MX.setThreadCpuTimeEnabled(true);
    }

    /** The factory for the HTTP client's I/O reactor threads. */
    public ThreadFactory ioThreadFactory() {
        return r -> {
            Thread t = new Thread(r, "llmbench-io-" + ioCounter.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> {
                String reason = "client I/O thread " + thread.getName() + " died: " + e;
                if (ioThreadDeath == null) ioThreadDeath = reason;
                System.err.println("[llmbench] " + reason);
                onIoThreadDeath.accept(reason);
            });
            ioThreads.add(t);
            return t;
        };
    }

    /** Creates and remembers a named daemon thread of the harness other than an I/O thread. */
    public Thread newThread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        otherThreads.add(t);
        return t;
    }

    /** CPU time in nanoseconds the I/O threads used so far (threads that ended keep their last reading out). */
    public long ioCpuNanos() { return cpuNanos(ioThreads); }

    /** CPU time in nanoseconds all harness threads used so far. */
    public long allCpuNanos() { return cpuNanos(ioThreads) + cpuNanos(otherThreads); }

    /** Why the first I/O thread that died ended ("client I/O thread llmbench-io-1 died: …"), or null when none did. */
    public String ioThreadDeath() { return ioThreadDeath; }

    /** Number of I/O threads started. */
    public int ioThreadCount() { return ioThreads.size(); }

    private static long cpuNanos(List<Thread> threads) {
        long sum = 0;
        for (Thread t : threads) {
            long ns = MX.getThreadCpuTime(t.getId());
            if (ns > 0) sum += ns;
        }
        return sum;
    }
}
