package dev.llmbench.harness.endpoint.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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

    static {
        if (MX.isThreadCpuTimeSupported() && !MX.isThreadCpuTimeEnabled()) MX.setThreadCpuTimeEnabled(true);
    }

    /** The factory for the HTTP client's I/O reactor threads. */
    public ThreadFactory ioThreadFactory() {
        return r -> {
            Thread t = new Thread(r, "llmbench-io-" + ioCounter.incrementAndGet());
            t.setDaemon(true);
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
