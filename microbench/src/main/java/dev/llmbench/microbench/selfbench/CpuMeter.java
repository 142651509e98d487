package dev.llmbench.microbench.selfbench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** CPU time of a fixed set of threads (by id), and the JVM's GC time. Thread-safe. */
final class CpuMeter {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static {
        if (MX.isThreadCpuTimeSupported() && !MX.isThreadCpuTimeEnabled()) MX.setThreadCpuTimeEnabled(true);
    }

    private final long[] ids;

    private CpuMeter(long[] ids) { this.ids = ids; }

    /** Ids of the live threads now. */
    static Set<Long> liveThreadIds() {
        Set<Long> s = new HashSet<>();
        for (long id : MX.getAllThreadIds()) s.add(id);
        return s;
    }

    /** The threads alive now that were not in {@code before} (e.g. the ones a server start created). */
    static CpuMeter threadsCreatedSince(Set<Long> before) {
        List<Long> fresh = new ArrayList<>();
        for (long id : MX.getAllThreadIds()) if (!before.contains(id)) fresh.add(id);
        return new CpuMeter(fresh.stream().mapToLong(Long::longValue).toArray());
    }

    static CpuMeter of(List<Thread> threads) {
        return new CpuMeter(threads.stream().mapToLong(Thread::getId).toArray());
    }

    int threadCount() { return ids.length; }

    /** Summed CPU nanoseconds of the threads (ended threads count 0). */
    long cpuNanos() {
        long sum = 0;
        for (long id : ids) {
            long ns = MX.getThreadCpuTime(id);
            if (ns > 0) sum += ns;
        }
        return sum;
    }

    /** Total GC time of the JVM so far, milliseconds. */
    static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t > 0) sum += t;
        }
        return sum;
    }

    static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) names.add(gc.getName());
        return String.join("+", names);
    }
}
