package dev.llmbench.harness.result;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.Timelines;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results made from hand-made timelines, exercising every field of the model. */
final class Fixtures {

    static final Instant START = Instant.parse("2026-11-02T10:00:00.123456789Z");

    static Map<String, Object> configuration() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("endpoint", Map.of("url", "https://bench:s3cret@api.example.com/v1?api_key=sk-live-123&model=llama"));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer sk-live-456");
        headers.put("x-api-key", "sk-live-789");
        headers.put("Accept", "text/event-stream");
        c.put("headers", headers);
        c.put("concurrency", 20);
        c.put("temperature", 0.7);
        c.put("stream", true);
        c.put("stop", List.of("</s>", 42));
        c.put("seed", null);
        return c;
    }

    /** A recorder run with successes, failures, rate limiting and coalesced chunks; latencies scaled by {@code scale}. */
    static MetricsRecorder recorder(Instant start, double scale, int requests) {
        MetricsRecorder r = new MetricsRecorder(Timelines.at(0), start);
        r.record(Timelines.warmup(0).content(10, "w").done(20));
        for (int i = 0; i < requests; i++) {
            double t0 = i * 50;
            r.record(Timelines.request(t0).content(t0 + (80 + i % 7) * scale, "Hello").content(t0 + (100 + i % 5) * scale, " wor")
                    .content(t0 + (100 + i % 5) * scale, "ld").content(t0 + (140 + i % 3) * scale, "!").usage(50, 6, 10)
                    .done(t0 + 150 * scale));
        }
        r.record(Timelines.request(10).headers(12, 429, Map.of("x-ratelimit-reset-requests", "2s"))
                .failed(12, new Failure(FailureKind.RATE_LIMITED, 429, "slow down", 2000)));
        r.record(Timelines.request(20).content(70, "x").failed(900, FailureKind.IDLE_TIMEOUT, "no data for 800 ms"));
        r.clientIoBusy(0.9);
        return r;
    }

    static BenchmarkResult result(String name, Instant start, double scale, int requests) {
        MetricsRecorder r = recorder(start, scale, requests);
        RunMetadata md = new RunMetadata(name, start, start.plusSeconds(5), "1.2.3", "abc123", "17.0.9", "Eclipse Adoptium",
                "bench-host", "Linux", "6.1", "amd64", 8, false, null);
        return BenchmarkResult.of(md, BenchmarkConfiguration.fromPlainValues(configuration()), r.snapshot());
    }

    static BenchmarkResult rich() {
        return result("ChatBenchmark#chat[medium] – ünïcode", START, 1.0, 40)
                .withSloVerdicts(List.of(new SloVerdict("p90(ttft) < 800ms", true, "p90 = 91 ms")))
                .withCost(dev.llmbench.harness.cost.CostFigures.perThousandOutputTokens(0.0015))
                .withPartial("interrupted after 5 s");
    }
}
