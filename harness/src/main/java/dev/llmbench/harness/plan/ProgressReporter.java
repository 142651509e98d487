package dev.llmbench.harness.plan;

import dev.llmbench.harness.metrics.RequestTimeline;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A progress line every {@code periodSeconds} while a benchmark runs: requests done, rate, running p50 TTFT, errors.
 * Runs shorter than one period print nothing. The request observer is cheap (two counters and one histogram record
 * under a lock held for nanoseconds); printing happens on a daemon timer thread.
 */
public final class ProgressReporter implements Consumer<RequestTimeline>, AutoCloseable {

    private final String name;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong warmup = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Histogram ttftMicros = new Histogram(3_600_000_000L, 2);
    private final ScheduledExecutorService timer;

    private ProgressReporter(String name, double periodSeconds, PrintStream out) {
        this.name = name;
        this.out = out;
        long periodMillis = Math.max(100, Math.round(periodSeconds * 1000));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "llmbench-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts reporting; {@code periodSeconds} of 0 gives a reporter that only counts. */
    public static ProgressReporter start(String name, double periodSeconds, PrintStream out) {
        return periodSeconds > 0 ? new ProgressReporter(name, periodSeconds, out) : new ProgressReporter(name, out);
    }

    private ProgressReporter(String name, PrintStream out) {
        this.name = name;
        this.out = out;
        this.timer = null;
    }

    @Override
    public void accept(RequestTimeline t) {
        if (t.warmup()) {
            warmup.incrementAndGet();
            return;
        }
        done.incrementAndGet();
        if (t.outcome() == RequestTimeline.Outcome.FAILED) {
            failed.incrementAndGet();
        } else if (t.firstTokenNanos() >= 0) {
            long micros = Math.max(0, (t.firstTokenNanos() - t.intendedStartNanos()) / 1000);
            synchronized (ttftMicros) {
                ttftMicros.recordValue(Math.min(micros, ttftMicros.getHighestTrackableValue()));
            }
        }
    }

    /** The progress line as of now. */
    public String line() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long n = done.get();
        long p50;
        synchronized (ttftMicros) {
            p50 = ttftMicros.getTotalCount() == 0 ? -1 : ttftMicros.getValueAtPercentile(50);
        }
        String w = warmup.get() > 0 ? " (+" + warmup.get() + " warmup)" : "";
        return String.format(Locale.ROOT, "[llmbench] %s: %d requests%s in %.0f s (%.1f/s), p50 TTFT %s, %d errors",
                name, n, w, seconds, seconds > 0 ? n / seconds : 0.0,
                p50 < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", p50 / 1000.0), failed.get());
    }

    private void print() {
        out.println(line());
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
