package dev.llmbench.harness.plan;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.RequestTimeline;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressReporterTest {

    private static RequestTimeline ok(long seq, long ttftMillis) {
        long t0 = System.nanoTime();
        RequestTimeline t = new RequestTimeline(seq, false, t0, 8);
        t.chunk(t0 + ttftMillis * 1_000_000, "x", ChunkKind.CONTENT, null);
        t.done(t0 + (ttftMillis + 5) * 1_000_000);
        return t;
    }

    @Test
    void theLineCountsRequestsErrorsAndTheRunningMedianTtft() {
        ProgressReporter p = ProgressReporter.start("chat [small: 2 concurrent, 8→4 tokens]", 0, System.err);
        p.accept(ok(0, 10));
        p.accept(ok(1, 20));
        p.accept(ok(2, 30));
        RequestTimeline warm = new RequestTimeline(3, true, System.nanoTime(), 8);
        p.accept(warm);
        RequestTimeline failed = new RequestTimeline(4, false, System.nanoTime(), 8);
        failed.failed(System.nanoTime(), Failure.of(FailureKind.values()[0], "boom"));
        p.accept(failed);

        assertThat(p.line()).matches("\\[llmbench] chat \\[small: 2 concurrent, 8→4 tokens]: 4 requests \\(\\+1 warmup\\) "
                + "in \\d+ s \\(\\d+\\.\\d/s\\), p50 TTFT 20\\.\\d ms, 1 errors");
        p.close();
    }

    @Test
    void printsEveryPeriodOnLongRunsAndNothingOnRunsShorterThanOnePeriod() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressReporter shortRun = ProgressReporter.start("short", 5, out)) {
            shortRun.accept(ok(0, 1));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();

        try (ProgressReporter longRun = ProgressReporter.start("long", 0.1, out)) {
            longRun.accept(ok(0, 1));
            Thread.sleep(350);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(l -> l.startsWith("[llmbench] long: 1 requests"));
    }
}
