package dev.llmbench.microbench.selfbench;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link dev.llmbench.microbench.HarnessSelfBenchmark}. Immutable once parsed.
 *
 * @param streams        concurrent streams (closed-loop virtual users), ≥ 1
 * @param seconds        measured duration in seconds (requests are issued for this long after warmup, then drained)
 * @param out            file for the harness's full result JSON, or null
 * @param endpoint       external OpenAI-compatible base URL, or null to start the simulator in-process
 * @param model          model name sent in requests
 * @param maxTokens      output tokens per request (max_tokens, and min_tokens/ignore_eos)
 * @param inputTokens    approximate prompt tokens per request
 * @param warmup         warmup requests (excluded from every figure); -1 = one per stream (the first wave)
 * @param compareFloor   also run the bare-consumer floor and compare
 * @param apiKeyEnv      environment variable holding the API key (external mode), or null for the harness default
 * @param simIoThreads   simulator I/O reactor threads (0 = one per processor)
 * @param stepMicros     simulator decode step in microseconds
 * @param stagger        vary output lengths (normal: mean K, stddev K/4, within [K/2, 3K/2]) so the streams do not
 *                       all end and restart in the same step
 */
public record Options(int streams, int seconds, String out, String endpoint, String model, int maxTokens,
                      int inputTokens, int warmup, boolean compareFloor, String apiKeyEnv, int simIoThreads,
                      long stepMicros, boolean stagger) {

    public static final String USAGE = String.join("\n",
            "usage: java -cp microbench/target/benchmarks.jar dev.llmbench.microbench.HarnessSelfBenchmark [options]",
            "  --streams N           concurrent streams (closed loop), default 100",
            "  --seconds S           measured seconds after warmup, default 20",
            "  --max-tokens K        output tokens per request, default 256 (5.1 s per request at the 20 ms step)",
            "  --input-tokens I      prompt tokens per request (approximate), default 32",
            "  --warmup W            warmup requests, default = --streams (the first wave)",
            "  --out FILE            also write the harness's full result JSON to FILE",
            "  --compare-floor       also run the same load through a bare HttpClient 5 consumer (simulator mode only)",
            "  --sim-io-threads T    simulator I/O threads, default 0 (one per processor)",
            "  --step-micros U       simulator decode step, default 20000",
            "  --stagger             vary output lengths (normal, mean K, sd K/4, in [K/2, 3K/2]): streams drift apart",
            "  --endpoint URL        benchmark an external OpenAI-compatible server instead (no error fields)",
            "  --model M             model name, default selfbench-20ms (required with --endpoint)",
            "  --api-key-env NAME    environment variable with the API key (external mode), default LLMBENCH_API_KEY",
            "Prints one JSON line on stdout; progress goes to stderr.");

    /** A bad command line: the message names the option. */
    public static final class UsageException extends Exception {
        public UsageException(String message) { super(message); }
    }

    public boolean external() { return endpoint != null; }

    public static Options parse(String... args) throws UsageException {
        int streams = 100, seconds = 20, maxTokens = 256, inputTokens = 32, warmup = -1, simIo = 0;
        long step = 20_000;
        String out = null, endpoint = null, model = null, apiKeyEnv = null;
        boolean floor = false, stagger = false;
        List<String> a = new ArrayList<>(List.of(args));
        for (int i = 0; i < a.size(); i++) {
            String opt = a.get(i);
            String value = null;
            int eq = opt.indexOf('=');
            if (opt.startsWith("--") && eq > 0) {
                value = opt.substring(eq + 1);
                opt = opt.substring(0, eq);
            }
            switch (opt) {
                case "--compare-floor" -> {
                    if (value != null) throw new UsageException("--compare-floor takes no value");
                    floor = true;
                }
                case "--stagger" -> {
                    if (value != null) throw new UsageException("--stagger takes no value");
                    stagger = true;
                }
                case "--help", "-h" -> throw new UsageException("help");
                case "--streams", "--seconds", "--max-tokens", "--input-tokens", "--warmup", "--out", "--endpoint",
                     "--model", "--api-key-env", "--sim-io-threads", "--step-micros" -> {
                    if (value == null) {
                        if (i + 1 >= a.size() || a.get(i + 1).startsWith("--"))
                            throw new UsageException(opt + " needs a value");
                        value = a.get(++i);
                    }
                    switch (opt) {
                        case "--streams" -> streams = intIn(opt, value, 1, 100_000);
                        case "--seconds" -> seconds = intIn(opt, value, 1, 86_400);
                        case "--max-tokens" -> maxTokens = intIn(opt, value, 1, 1_000_000);
                        case "--input-tokens" -> inputTokens = intIn(opt, value, 1, 1_000_000);
                        case "--warmup" -> warmup = intIn(opt, value, 0, 10_000_000);
                        case "--sim-io-threads" -> simIo = intIn(opt, value, 0, 64);
                        case "--step-micros" -> step = intIn(opt, value, 1, 10_000_000);
                        case "--out" -> out = nonBlank(opt, value);
                        case "--endpoint" -> endpoint = nonBlank(opt, value);
                        case "--model" -> model = nonBlank(opt, value);
                        case "--api-key-env" -> apiKeyEnv = nonBlank(opt, value);
                        default -> throw new AssertionError(opt);
                    }
                }
                default -> throw new UsageException("unknown option '" + opt + "'");
            }
        }
        if (endpoint != null) {
            if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://"))
                throw new UsageException("--endpoint must be an http:// or https:// URL, was '" + endpoint + "'");
            if (model == null) throw new UsageException("--model is required with --endpoint");
            if (floor) throw new UsageException("--compare-floor needs the in-process simulator (drop --endpoint)");
        } else if (apiKeyEnv != null) {
            throw new UsageException("--api-key-env only applies with --endpoint");
        }
        if (model == null) model = "selfbench-20ms";
        return new Options(streams, seconds, out, endpoint, model, maxTokens, inputTokens, warmup, floor, apiKeyEnv,
                simIo, step, stagger);
    }

    /** The output-token shape of a request: fixed K, or staggered around K. */
    public dev.llmbench.harness.workload.TokenCount outputTokens() {
        return stagger ? dev.llmbench.harness.workload.TokenCount.normal(maxTokens, maxTokens / 4.0,
                Math.max(1, maxTokens / 2), maxTokens + maxTokens / 2)
                : dev.llmbench.harness.workload.TokenCount.fixed(maxTokens);
    }

    /** Warmup requests actually used. */
    public int warmupRequests() { return warmup < 0 ? streams : warmup; }

    private static int intIn(String opt, String v, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) throw new UsageException(opt + " must be in " + min + ".." + max + ", was " + v);
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(opt + " must be an integer, was '" + v + "'");
        }
    }

    private static String nonBlank(String opt, String v) throws UsageException {
        if (v.isBlank()) throw new UsageException(opt + " must not be blank");
        return v.strip();
    }
}
