package dev.llmbench.harness.result;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * Who ran what, where and when.
 *
 * @param benchmarkName       the benchmark's name (e.g. class#method[tier]); the merge key
 * @param startTime           when the run started
 * @param endTime             when it ended (or was interrupted)
 * @param harnessVersion      the harness jar's {@code Implementation-Version}, or "dev" outside a packaged jar
 * @param gitCommit           the commit under test from {@code GIT_COMMIT} / {@code GITHUB_SHA} / {@code CI_COMMIT_SHA}, or null
 * @param javaVersion         {@code java.version}
 * @param javaVendor          {@code java.vendor}
 * @param hostName            the host's name ("unknown" when it cannot be found)
 * @param osName              {@code os.name}
 * @param osVersion           {@code os.version}
 * @param osArch              {@code os.arch}
 * @param availableProcessors processors available to the JVM
 * @param partial             true when the run was cut short (interrupted, timed out) and the result holds what it had
 * @param partialReason       why it is partial, or null
 */
public record RunMetadata(String benchmarkName, Instant startTime, Instant endTime, String harnessVersion,
                          String gitCommit, String javaVersion, String javaVendor, String hostName, String osName,
                          String osVersion, String osArch, int availableProcessors, boolean partial,
                          String partialReason) {

    public RunMetadata {
        Objects.requireNonNull(benchmarkName, "benchmarkName");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        if (!partial && partialReason != null) throw new IllegalArgumentException("partialReason given for a complete run");
    }

    /** Metadata of a complete run on this JVM and host: versions, commit and host are captured from the environment. */
    public static RunMetadata capture(String benchmarkName, Instant startTime, Instant endTime) {
        Runtime rt = Runtime.getRuntime();
        return new RunMetadata(benchmarkName, startTime, endTime, currentHarnessVersion(), currentGitCommit(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), currentHostName(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                rt.availableProcessors(), false, null);
    }

    /** This metadata marked partial, with the reason (e.g. "interrupted after 12 s of 60 s"). */
    public RunMetadata withPartial(String reason) {
        return new RunMetadata(benchmarkName, startTime, endTime, harnessVersion, gitCommit, javaVersion, javaVendor,
                hostName, osName, osVersion, osArch, availableProcessors, true, Objects.requireNonNull(reason, "reason"));
    }

    /** This metadata with another end time. */
    public RunMetadata withEndTime(Instant end) {
        return new RunMetadata(benchmarkName, startTime, end, harnessVersion, gitCommit, javaVersion, javaVendor,
                hostName, osName, osVersion, osArch, availableProcessors, partial, partialReason);
    }

    /** The harness jar's {@code Implementation-Version}, or "dev". */
    public static String currentHarnessVersion() {
        Package p = RunMetadata.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** The commit under test from the environment ({@code GIT_COMMIT}, {@code GITHUB_SHA}, {@code CI_COMMIT_SHA}), or null. */
    public static String currentGitCommit() {
        for (String name : new String[] {"GIT_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA"}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) return v.trim();
        }
        return null;
    }

    /** The host name: {@code HOSTNAME}/{@code COMPUTERNAME}, else the local address's name, else "unknown". */
    public static String currentHostName() {
        for (String name : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) return v.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception | Error e) {
            return "unknown";
        }
    }
}
