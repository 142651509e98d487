package dev.llmbench.harness.plan;

import dev.llmbench.harness.ShutdownGuard;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C during a one-minute plan run in another JVM ({@link LongPlanMain}, as {@code llmbench:run} or plain Java run
 * it): the JVM exits promptly and leaves the partial result, marked with the reason, every request accounted for.
 *
 * <p>The signal is SIGINT ({@code kill -INT}), what Ctrl-C sends; where the child JVM ignores SIGINT (it inherited
 * SIG_IGN, as a background job does) or {@code kill} is missing, SIGTERM ({@link Process#destroy()}) instead: both
 * run the JVM's shutdown hooks. The assertion message names the one used.
 */
class CtrlCIT {

    @Test
    void ctrlCDuringARunLeavesThePartialResultWithEveryRequestAccountedFor(@TempDir Path tmp) throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        // 20 ms per token, 50 tokens: each request takes about a second, so requests are in flight at the signal.
        try (Simulator sim = Simulator.start(Profile.fixedStep("ctrl-c", 20_000))) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), LongPlanMain.class.getName(),
                    sim.baseUri().toString(), results.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child.log").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (sim.stats().requestsCompleted() < 8 && child.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(20); // polls the server's counter: the run is under way once requests complete
                }
                assertThat(sim.stats().requestsCompleted()).as("the child's run got going; its log:%n%s", log(tmp))
                        .isGreaterThanOrEqualTo(8);

                long signalled = System.nanoTime();
                String signal = interrupt(child);
                boolean exited = child.waitFor(20, TimeUnit.SECONDS);
                double exitSeconds = (System.nanoTime() - signalled) / 1e9;
                assertThat(exited).as("the JVM exits after %s; its log:%n%s", signal, log(tmp)).isTrue();
                assertThat(exitSeconds).as("exit after %s within the grace period (sanity bound)", signal)
                        .isLessThan(ShutdownGuard.GRACE.toSeconds() + 5);
                assertThat(child.exitValue()).as("exit code after %s", signal).isEqualTo(signal.equals("SIGINT") ? 130 : 143);

                List<Path> files;
                try (var s = Files.list(results)) {
                    files = s.filter(p -> p.toString().endsWith(".json")).toList();
                }
                assertThat(files).as("one result file after %s; child log:%n%s", signal, log(tmp)).hasSize(1);
                BenchmarkResult r = ResultFiles.read(files.get(0));
                assertThat(r.partial()).isTrue();
                assertThat(r.metadata().partialReason()).isEqualTo(ShutdownGuard.REASON);

                long received = sim.stats().requestsAccepted();
                assertThat(r.counts().succeeded()).as("requests finished before the signal are kept").isGreaterThanOrEqualTo(8);
                assertThat(r.counts().cancelled()).as("requests in flight at the signal are counted as cancelled").isPositive();
                assertThat(r.counts().errors()).as("the endpoint did not fail anything").isZero();
                assertThat(r.counts().measured()).as("sent = succeeded + failed + cancelled: every request the server "
                        + "received (%d) is in the result", received).isBetween(received, received + 4);
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /** Sends SIGINT where the child can receive it, else SIGTERM; returns the signal's name. */
    private static String interrupt(Process child) throws Exception {
        if (!ignoresSigint(child.pid())) {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
                if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) return "SIGINT";
            } catch (IOException noKill) {
                // fall through to SIGTERM
            }
        }
        child.destroy();
        return "SIGTERM";
    }

    /** Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/PID/status); false where that cannot be read. */
    private static boolean ignoresSigint(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigIgn:")) return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        } catch (IOException | RuntimeException unreadable) {
            // not Linux: assume SIGINT is delivered
        }
        return false;
    }

    private static String log(Path tmp) throws IOException {
        Path log = tmp.resolve("child.log");
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
