package dev.llmbench.microbench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.microbench.selfbench.Options;
import dev.llmbench.microbench.selfbench.SelfBench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's self-benchmark: starts the simulator in-process ({@code Profile.fixedStep("selfbench-20ms", 20_000)}:
 * a fixed 20 ms decode step, free prefill, a KV cache that never queues), drives N concurrent closed-loop streams for
 * S seconds through the real harness ({@code Benchmark} over {@code HttpStreamingEndpoint}) and prints one JSON line:
 *
 * <pre>{"streams":…,"seconds":…,"requests":…,"output_tokens_per_s":…,"client_cpu_us_per_token":…,
 *  "ttft_error_us":{"p50":…,"p99":…,"max":…},"itl_error_us":{"p50":…,"p99":…,"max":…},"errors":…,
 *  "client_io_busy":…,"coalesced_chunk_ratio":…, ["floor":{…},"vs_floor":{…},] "detail":{…},"config":{…}}</pre>
 *
 * <h2>Workload</h2>
 * Each stream is a closed-loop virtual user sending a short prompt ({@code --input-tokens}, default 32) for exactly
 * {@code --max-tokens} output tokens (default 256, so a request lasts ≈ 5.2 s at the 20 ms step: role chunk at the
 * next step boundary, then one chunk per step). Offered load = streams / 20 ms tokens/s (50,000 at 1,000 streams).
 * Warmup = the first {@code --warmup} requests (default: one per stream, i.e. the whole first wave, which also opens
 * every connection and lets the JIT compile the hot path); warmup requests are excluded from every figure.
 * Measured requests are issued for {@code --seconds} after the first measured send, then the run drains (every
 * request runs to its end). A run therefore takes ≈ seconds + 2 × request length. With equal lengths the streams
 * stay in lock step: every request of a wave ends, and its successor's first token comes, in the same decode step,
 * which is the worst case for TTFT error. {@code --stagger} draws each request's length from a normal distribution
 * (mean K, sd K/4, within [K/2, 3K/2]) so the streams drift apart; its output_tokens_per_s then understates the offered
 * rate, because the measured window also covers the ramp-up (warmup tokens are not counted) and the drain.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li><b>error</b> = harness-measured arrival time of a text chunk ({@code RequestTimeline.chunkNanos(i)}, the
 *     {@code nanoTime} taken in the I/O callback of the read that completed the chunk's SSE event) − the simulator's
 *     true emit time of that chunk ({@code EmitLog}: {@code nanoTime} taken on the simulator's reactor thread right
 *     before the chunk is written). Same JVM, same clock. Measured successful requests only.</li>
 * <li><b>ttft_error_us</b>: the error of chunk 0 (the first token) of each request.</li>
 * <li><b>itl_error_us</b>: the distribution of per-chunk arrival errors of chunks i ≥ 1 (one sample per chunk). It is
 *     not a difference of ITLs: an ITL's error is the difference of two such errors, so it is bounded by them.</li>
 * <li>Percentiles are HdrHistogram's (3 significant digits) over nanosecond samples, printed in µs.</li>
 * <li><b>errors</b> = failed requests of any kind (warmup included) + timing problems: a measured request with no
 *     emit record, or whose chunk count, usage tokens and emit count disagree (its samples are not recorded), or a
 *     negative error. The breakdown is under {@code detail}.</li>
 * <li><b>client_cpu_us_per_token</b> = CPU of the harness's named threads ({@code llmbench-io-*},
 *     {@code llmbench-decoder}, {@code llmbench-watchdog}; request building, issuing and metric recording run on the
 *     decoder thread and are included; JIT and GC threads are not) from the moment the last warmup request ended to
 *     the end of the drained run, divided by the output tokens that arrived in that window.</li>
 * <li><b>output_tokens_per_s</b> = the harness's system throughput over its measured window (first measured t0 to
 *     last measured end).</li>
 * <li><b>client_io_busy</b>, <b>coalesced_chunk_ratio</b>: the harness's {@code Fidelity} figures (I/O thread CPU /
 *     wall over the whole run; chunks that shared their read timestamp with the previous chunk of the request).</li>
 * </ul>
 *
 * <h2>--compare-floor</h2>
 * After the harness run, a fresh simulator with the same settings serves the same load through a bare HttpClient 5
 * consumer that only timestamps reads and counts SSE event terminators (see {@code selfbench.FloorRun}); its figures
 * (same definitions; CPU = its one I/O thread) go to {@code "floor"} and the ratios harness/floor of TTFT-error p99 and
 * CPU per token to {@code "vs_floor"}.
 *
 * <h2>--endpoint URL --model M</h2>
 * Points the harness at an external OpenAI-compatible server instead (no simulator, so no error fields); the line
 * adds {@code ttft_ms} (p50, p90) and {@code output_tokens_per_request} (mean and source: usage or chunk_count).
 * {@code --api-key-env NAME} names the variable holding the key.
 *
 * <p>Exactly one JSON line goes to stdout; progress to stderr. Exit 0, or 2 with a message naming the bad option
 * and the generated usage ({@code --help} prints it on stdout). Run: {@code java -Xms2g -Xmx2g -cp microbench/target/benchmarks.jar dev.llmbench.microbench.HarnessSelfBenchmark --streams 1000 --seconds 20}.
 */
public final class HarnessSelfBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HarnessSelfBenchmark() { }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (Options.UsageException e) {
            if (e.help()) {
                System.out.println(Options.USAGE);
                System.exit(0);
            }
            System.err.println("HarnessSelfBenchmark: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        int code = 0;
        try {
            System.out.println(toJsonLine(run(o)));
            System.out.flush();
        } catch (RuntimeException e) {
            System.err.println("HarnessSelfBenchmark failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /** Parses the options and runs; the returned map is what {@link #main} prints. */
    public static Map<String, Object> run(String... args) throws Options.UsageException {
        return run(Options.parse(args));
    }

    /** Runs as configured and returns the JSON line's content (ordered). */
    public static Map<String, Object> run(Options o) {
        SelfBench.Result r = SelfBench.run(o);
        if (o.out() != null) {
            try {
                Path written = ResultFiles.write(r.harnessResult(), Path.of(o.out()));
                System.err.println("selfbench: full result written to " + written);
            } catch (IOException e) {
                throw new UncheckedIOException("--out: cannot write " + o.out(), e);
            }
        }
        Map<String, Object> line = r.line();
        if (o.external()) addExternalFields(line, r.harnessResult());
        return line;
    }

    public static String toJsonLine(Map<String, Object> line) {
        try {
            return JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addExternalFields(Map<String, Object> line, BenchmarkResult result) {
        Map<String, Object> ttft = new LinkedHashMap<>();
        Summary s = result.summary("ttft");
        ttft.put("p50", s == null ? null : s.p50() / 1000.0);
        ttft.put("p90", s == null ? null : s.p90() / 1000.0);
        Map<String, Object> outTokens = new LinkedHashMap<>();
        long ok = result.counts().succeeded();
        outTokens.put("mean", ok == 0 ? null : Math.round(result.tokens().output() * 10.0 / ok) / 10.0);
        String source = null;
        for (Map.Entry<TokenSource, Long> e : result.tokens().outputSources().entrySet()) {
            if (e.getValue() == 0) continue;
            String name = e.getKey().name().toLowerCase();
            source = source == null ? name : "mixed";
        }
        outTokens.put("source", source == null ? "none" : source);
        if ("mixed".equals(source)) outTokens.put("requests_by_source", result.tokens().outputSources());
        // Insert after client_cpu_us_per_token, keeping the rest in order.
        Map<String, Object> copy = new LinkedHashMap<>(line);
        line.clear();
        for (Map.Entry<String, Object> e : copy.entrySet()) {
            line.put(e.getKey(), e.getValue());
            if (e.getKey().equals("client_cpu_us_per_token")) {
                line.put("ttft_ms", ttft);
                line.put("output_tokens_per_request", outTokens);
            }
        }
    }
}
