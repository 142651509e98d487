package dev.llmbench.junit.assertions;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.RunMetadata;

import java.time.Instant;
import java.util.Map;

/**
 * Builds a {@link BenchmarkResult} from hand-made request timelines, recorded as the harness records them. Every
 * request's t0 is the run start, so the measured window is the longest request.
 */
final class Results {

    private static final long MS = 1_000_000L;

    private final long start = System.nanoTime();
    private final Instant startWall = Instant.now();
    private final MetricsRecorder recorder = new MetricsRecorder(start, startWall);
    private long sequence;
    private long lastEnd = start;

    static Results run() {
        return new Results();
    }

    /**
     * A successful streamed request: first token {@code ttftMs} after t0, then one token per chunk every
     * {@code tpotMs}; E2E = ttft + (tokens − 1) × tpot. Sent {@code queueMs} after its intended start; 10 input tokens.
     */
    Results success(double ttftMs, double tpotMs, int tokens, double queueMs) {
        RequestTimeline t = new RequestTimeline(sequence++, false, start, 10);
        t.sent(start + nanos(queueMs));
        t.headers(start + nanos(queueMs), 200, Map.of());
        long first = start + nanos(ttftMs);
        for (int i = 0; i < tokens; i++) {
            t.chunk(first + Math.round(i * tpotMs * MS), "tok", ChunkKind.CONTENT, "id");
        }
        t.usage(10, tokens, 0);
        long end = first + Math.round((tokens - 1) * tpotMs * MS);
        t.done(end);
        return record(t, end);
    }

    Results success(double ttftMs, double tpotMs, int tokens) {
        return success(ttftMs, tpotMs, tokens, 0);
    }

    /** {@code n} successful requests with TTFT 1, 2, … n ms (10 tokens, TPOT 10 ms). */
    Results ttftOneToN(int n) {
        for (int i = 1; i <= n; i++) success(i, 10, 10);
        return this;
    }

    /** A request that failed {@code afterMs} after t0 with {@code kind}. */
    Results failure(FailureKind kind, double afterMs, String message) {
        RequestTimeline t = new RequestTimeline(sequence++, false, start, 10);
        t.sent(start);
        int status = kind == FailureKind.RATE_LIMITED ? 429 : kind == FailureKind.HTTP_STATUS ? 500 : 200;
        t.headers(start + MS, status, Map.of());
        long end = start + nanos(afterMs);
        t.failed(end, new Failure(kind, status, message, kind == FailureKind.RATE_LIMITED ? 1_000 : -1));
        return record(t, end);
    }

    Results failures(FailureKind kind, int n) {
        for (int i = 0; i < n; i++) failure(kind, 50, kind.name().toLowerCase() + " #" + i);
        return this;
    }

    BenchmarkResult build() {
        return BenchmarkResult.of(RunMetadata.capture("AssertionsTest#run", startWall,
                startWall.plusNanos(lastEnd - start)), dev.llmbench.harness.result.BenchmarkConfiguration.empty(), recorder.snapshot());
    }

    private Results record(RequestTimeline t, long end) {
        recorder.record(t);
        lastEnd = Math.max(lastEnd, end);
        return this;
    }

    private static long nanos(double ms) {
        return Math.round(ms * MS);
    }
}
