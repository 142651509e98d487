package dev.llmbench.harness.endpoint;

import java.time.Duration;

/**
 * Per-request timeouts. A zero or null duration means "no limit" for that kind.
 *
 * @param connect    establishing the connection
 * @param firstToken from the send to the first chunk carrying generated output
 * @param idle       the longest gap between two reads of a response
 * @param total      from the send to the end of the response
 */
public record Timeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {

    /** Connect 10 s, first token 120 s, idle 60 s, total 10 min: generous, so only a stuck server trips them. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    public Timeouts {
        connect = orZero(connect, "connect");
        firstToken = orZero(firstToken, "firstToken");
        idle = orZero(idle, "idle");
        total = orZero(total, "total");
    }

    public Timeouts withConnect(Duration d) { return new Timeouts(d, firstToken, idle, total); }
    public Timeouts withFirstToken(Duration d) { return new Timeouts(connect, d, idle, total); }
    public Timeouts withIdle(Duration d) { return new Timeouts(connect, firstToken, d, total); }
    public Timeouts withTotal(Duration d) { return new Timeouts(connect, firstToken, idle, d); }

    static long nanosOrMax(Duration d) { return d.isZero() ? Long.MAX_VALUE : d.toNanos(); }

    public long connectNanos() { return nanosOrMax(connect); }
    public long firstTokenNanos() { return nanosOrMax(firstToken); }
    public long idleNanos() { return nanosOrMax(idle); }
    public long totalNanos() { return nanosOrMax(total); }

    private static Duration orZero(Duration d, String name) {
        if (d == null) return Duration.ZERO;
        if (d.isNegative()) throw new IllegalArgumentException("timeout '" + name + "' must not be negative, was " + d);
        return d;
    }
}
