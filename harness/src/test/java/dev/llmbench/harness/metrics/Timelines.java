package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;

import java.util.Map;

/** Hand-made timelines for specification tests. Times are given in milliseconds after {@link #BASE}. */
public final class Timelines {

    /** An arbitrary nanoTime origin well above 0 (a timeline uses -1 for "did not happen"). */
    public static final long BASE = 50_000_000_000L;

    private final RequestTimeline t;

    private Timelines(RequestTimeline t) {
        this.t = t;
    }

    /** Nanos of {@code ms} milliseconds after {@link #BASE}. */
    public static long at(double ms) {
        return BASE + Math.round(ms * 1_000_000);
    }

    /** A measured request whose t0 is at {@code t0Ms}; sent at t0. */
    public static Timelines request(double t0Ms) {
        Timelines b = new Timelines(new RequestTimeline(0, false, at(t0Ms), 100));
        b.t.sent(at(t0Ms));
        return b;
    }

    /** A measured request whose t0 is at {@code t0Ms}, not yet sent. */
    public static Timelines unsent(double t0Ms) {
        return new Timelines(new RequestTimeline(0, false, at(t0Ms), 100));
    }

    public static Timelines warmup(double t0Ms) {
        Timelines b = new Timelines(new RequestTimeline(0, true, at(t0Ms), 100));
        b.t.sent(at(t0Ms));
        return b;
    }

    public Timelines sent(double ms) {
        t.sent(at(ms));
        return this;
    }

    public Timelines headers(double ms, int status, Map<String, String> headers) {
        t.headers(at(ms), status, headers);
        return this;
    }

    public Timelines content(double ms, String text) {
        t.chunk(at(ms), text, ChunkKind.CONTENT, "id");
        return this;
    }

    /** {@code n} one-character content chunks, the first at {@code fromMs}, every {@code everyMs}. */
    public Timelines contents(double fromMs, double everyMs, int n) {
        for (int i = 0; i < n; i++) content(fromMs + i * everyMs, "x");
        return this;
    }

    public Timelines reasoning(double ms, String text) {
        t.chunk(at(ms), text, ChunkKind.REASONING, "id");
        return this;
    }

    public Timelines usage(int in, int out, int cached) {
        t.usage(in, out, cached);
        return this;
    }

    public RequestTimeline done(double ms) {
        t.done(at(ms));
        return t;
    }

    public RequestTimeline failed(double ms, FailureKind kind, String message) {
        t.failed(at(ms), Failure.of(kind, message));
        return t;
    }

    public RequestTimeline failed(double ms, Failure failure) {
        t.failed(at(ms), failure);
        return t;
    }

    public RequestTimeline inFlight() {
        return t;
    }
}
