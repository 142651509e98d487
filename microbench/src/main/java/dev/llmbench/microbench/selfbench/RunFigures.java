package dev.llmbench.microbench.selfbench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one run (harness or floor), and their JSON form. Filled by one thread, then read. */
final class RunFigures {
    long requests;                 // measured requests, any outcome
    double outputTokensPerSecond;  // measured window
    long cpuWindowNanos;           // client CPU from the end of warmup to the end of the run
    long ioCpuWindowNanos = -1;    // of which the I/O threads'
    double tokensInCpuWindow;      // output tokens that arrived in that window
    ErrorStats timing;             // null in external mode
    final Map<String, Long> failures = new TreeMap<>(); // failed requests by kind, warmup included
    double ioBusy;
    double coalescedChunkRatio;
    // server side, same window (simulator mode only)
    long simCpuWindowNanos = -1;
    long gcMillisWindow;
    Map<String, Object> simulator;
    Map<String, Long> switchesAtWindow = Map.of(), switchesAtEnd = Map.of();

    long failedRequests() { return failures.values().stream().mapToLong(Long::longValue).sum(); }

    long errors() { return failedRequests() + (timing == null ? 0 : timing.problems()); }

    double cpuMicrosPerToken() {
        return tokensInCpuWindow <= 0 ? Double.NaN : cpuWindowNanos / 1000.0 / tokensInCpuWindow;
    }

    /** The common fields, in the order. */
    Map<String, Object> json(int streams, int seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("streams", streams);
        m.put("seconds", seconds);
        m.put("requests", requests);
        m.put("output_tokens_per_s", round(outputTokensPerSecond, 1));
        m.put("client_cpu_us_per_token", round(cpuMicrosPerToken(), 2));
        if (timing != null) {
            m.put("ttft_error_us", timing.ttftJson());
            m.put("itl_error_us", timing.arrivalJson());
        }
        m.put("errors", errors());
        m.put("client_io_busy", round(ioBusy, 3));
        m.put("coalesced_chunk_ratio", round(coalescedChunkRatio, 4));
        return m;
    }

    /** Where the errors and the CPU came from. */
    Map<String, Object> detailJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("failed_requests", new LinkedHashMap<>(failures));
        if (timing != null) m.putAll(timing.detailJson());
        m.put("tokens_in_cpu_window", Math.round(tokensInCpuWindow));
        m.put("client_cpu_ms_in_window", cpuWindowNanos / 1_000_000);
        if (ioCpuWindowNanos >= 0 && tokensInCpuWindow > 0)
            m.put("client_io_thread_cpu_us_per_token", round(ioCpuWindowNanos / 1000.0 / tokensInCpuWindow, 2));
        if (simCpuWindowNanos >= 0) {
            m.put("server_cpu_us_per_token", round(tokensInCpuWindow <= 0 ? Double.NaN : simCpuWindowNanos / 1000.0 / tokensInCpuWindow, 2));
        }
        m.put("gc_ms_in_window", gcMillisWindow);
        if (!switchesAtEnd.isEmpty())
            m.put("ctx_switches_per_token", ContextSwitches.perToken(switchesAtWindow, switchesAtEnd, tokensInCpuWindow));
        if (simulator != null) m.put("simulator", simulator);
        return m;
    }

    static Object round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
