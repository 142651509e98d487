package dev.llmbench.microbench.selfbench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linux only, best effort: context switches (voluntary + involuntary) of this process's threads, summed per native
 * thread name prefix ({@code /proc/self/task/*}{@code /comm}, cut to 15 characters by the kernel). A thread that parks
 * and is woken once per chunk shows here as about one switch per token. Empty where {@code /proc} is absent.
 */
final class ContextSwitches {

    private static final String[] PREFIXES = {"llmbench-io", "llmbench-decode", "llmbench-watchd", "llmbench-sim",
            "selfbench-floor-io", "server-dispatch"};

    private ContextSwitches() { }

    static Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return m;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String group = group(comm);
                    if (group == null) continue;
                    long n = 0;
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:"))
                            n += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                    }
                    m.merge(group, n, Long::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    /** Switches per output token between two snapshots, per thread group. */
    static Map<String, Object> perToken(Map<String, Long> before, Map<String, Long> after, double tokens) {
        Map<String, Object> m = new TreeMap<>();
        if (tokens <= 0) return m;
        after.forEach((k, v) -> m.put(k, RunFigures.round((v - before.getOrDefault(k, 0L)) / tokens, 3)));
        return m;
    }

    private static String group(String comm) {
        for (String p : PREFIXES) {
            String cut = p.length() > 15 ? p.substring(0, 15) : p;
            if (comm.startsWith(cut)) return p;
        }
        return null;
    }
}
