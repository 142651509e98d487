package dev.llmbench.harness.settings;

import dev.llmbench.harness.cost.Pricing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code llmbench.*} setting, declared once: the JUnit extension, every Maven goal, the command line and plain
 * Java read values into {@link SettingsLayer}s and the harness interprets them through these declarations. The
 * README's table of keys is checked against {@link #all()} by a test.
 *
 * <p>Precedence, lowest first: built-in defaults &lt; {@code junit-platform.properties} / plugin configuration / the
 * plan builder &lt; annotations &lt; system properties &lt; environment variables ({@link Setting#environmentName()}).
 */
public final class Settings {

    private static final List<Setting<?>> ALL = new ArrayList<>();

    // ------------------------------------------------------------------ the endpoint

    public static final Setting<String> ENDPOINT = declare(Setting.text("llmbench.endpoint", null,
            "http://host:port or https://host[:port] (a trailing /v1 is accepted), ws(s)://host[:port]/v1/realtime[?model=…] for the realtime protocol, or simulator",
            "Base URL of the endpoint; unset or `simulator`: the embedded simulator"));
    public static final Setting<String> MODEL = declare(Setting.text("llmbench.model", null, "a model name",
            "Model name sent to the server; required with an endpoint, the simulator profile's model otherwise"));
    public static final Setting<String> PROTOCOL = declare(Setting.choice("llmbench.protocol", "chat",
            dev.llmbench.harness.endpoint.protocol.Protocol.NAMES, "The wire protocol: "
                    + dev.llmbench.harness.endpoint.protocol.Protocol.documentation()));
    public static final Setting<String> API_KEY_ENV = declare(Setting.text("llmbench.apiKeyEnv", "LLMBENCH_API_KEY",
            "the name of an environment variable",
            "Environment variable holding the API key (sent as a bearer token; never logged or written)"));
    public static final Setting<String> SIMULATOR_PROFILE = declare(Setting.text("llmbench.simulatorProfile", "fast",
            "a simulator profile name", "Embedded simulator's profile when no endpoint is set"));
    public static final Setting<java.time.Duration> TIMEOUT_CONNECT = declare(Setting.duration("llmbench.timeouts.connect", "10s",
            "Per request: longest wait to establish a connection"));
    public static final Setting<java.time.Duration> TIMEOUT_FIRST_TOKEN = declare(Setting.duration("llmbench.timeouts.firstToken", "120s",
            "Per request: longest wait from the send to the first generated output"));
    public static final Setting<java.time.Duration> TIMEOUT_IDLE = declare(Setting.duration("llmbench.timeouts.idle", "60s",
            "Per request: longest gap between two reads of a response"));
    public static final Setting<java.time.Duration> TIMEOUT_TOTAL = declare(Setting.duration("llmbench.timeouts.total", "10m",
            "Per request: longest time from the send to the end of the response"));
    public static final Setting<Long> SIMULATOR_PORT = declare(Setting.wholeNumber("llmbench.simulatorPort", 0L, 0, 65535,
            "TCP port of `llmbench:simulator-start` on 127.0.0.1; 0 picks a free one"));

    // ------------------------------------------------------------------ what runs: names, loads, shapes

    public static final Setting<String> NAME = declare(Setting.text("llmbench.name", "adhoc",
            "1 to 80 letters, digits, '.', '_', '$' or '-'",
            "Prefix of the benchmark names (`<name>-<tier>-<shape>`); JUnit: `@LlmBenchmark(name)` or the class, then `.method`"));
    public static final Setting<List<String>> CONCURRENCY = declare(Setting.list("llmbench.concurrency", "1", ",",
            "whole numbers 1..10000 or small, medium, large, comma-separated",
            "Closed-loop tiers: concurrent users per tier (`2,20,50` or `small,medium,large`)"));
    public static final Setting<List<String>> RATE = declare(Setting.list("llmbench.rate", null, ",",
            "numbers > 0 (requests per second), comma-separated",
            "Open-loop tiers: arrival rates in requests/s; replaces the concurrency tiers"));
    public static final Setting<String> ARRIVAL = declare(Setting.choice("llmbench.arrival", "poisson",
            List.of("poisson", "constant", "gamma"), "Arrival process of rate tiers"));
    public static final Setting<Double> BURSTINESS = declare(Setting.number("llmbench.burstiness", 1.0, 0.01, 100, "",
            "Gamma arrivals: < 1 burstier than Poisson, > 1 more regular"));
    public static final Setting<Long> MAX_CONCURRENCY = declare(Setting.wholeNumber("llmbench.maxConcurrency", 0L, 0, 100_000,
            "Rate tiers: most requests in flight (0 = no cap)"));
    public static final Setting<List<String>> BURST = declare(Setting.list("llmbench.burst", null, ",",
            "whole numbers 1..100000, comma-separated", "Burst tiers: requests sent at once; replaces the concurrency tiers"));
    public static final Setting<Long> BURST_REPEATS = declare(Setting.wholeNumber("llmbench.burstRepeats", 1L, 1, 100_000,
            "Burst tiers: how many bursts"));
    public static final Setting<Double> BURST_INTERVAL_SECONDS = declare(Setting.number("llmbench.burstIntervalSeconds", 1.0,
            0.001, 86_400, "seconds", "Burst tiers: time between bursts"));
    public static final Setting<List<String>> SHAPE = declare(Setting.list("llmbench.shape", "short-in-short-out", ",",
            "short-in-short-out, short-in-long-out, long-in-short-out, chat, or INPUT:OUTPUT tokens (`128:32`, `500+-200:250`)",
            "Prompt shapes, comma-separated"));

    // ------------------------------------------------------------------ bounds

    public static final Setting<Long> REQUESTS = declare(Setting.wholeNumber("llmbench.requests", null, 0, 100_000_000,
            "Measured requests per benchmark (0 = no count bound); 100 when neither this nor `llmbench.seconds` is set"));
    public static final Setting<Double> SECONDS = declare(Setting.number("llmbench.seconds", null, 0, 604_800, "seconds",
            "Measured seconds per benchmark (0 = no time bound)"));
    public static final Setting<Long> WARMUP_REQUESTS = declare(Setting.wholeNumber("llmbench.warmupRequests", 0L, 0, 1_000_000,
            "Requests before the measured phase, not recorded"));
    public static final Setting<Double> WARMUP_SECONDS = declare(Setting.number("llmbench.warmupSeconds", 0.0, 0, 86_400, "seconds",
            "Seconds of warm-up before the measured phase, not recorded"));

    // ------------------------------------------------------------------ judging and measuring

    public static final Setting<List<String>> SLO = declare(Setting.list("llmbench.slo", null, ";,",
            "SLO expressions separated by ';' (or ',' outside parentheses), e.g. `p90(ttft) < 800ms; error_rate < 1%`",
            "Service-level objectives every benchmark is judged by"));
    public static final Setting<String> TOKENIZER = declare(Setting.text("llmbench.tokenizer", null,
            "an OpenAI encoding (o200k_base, cl100k_base, …), a tokenizer.json or GGUF path, or approx",
            "Tokenizer for exact prompt sizes and local output-token counts; unset: approximate prompts, server usage"));
    public static final Setting<Boolean> TOKENIZER_WORD_CACHE = declare(Setting.flag(
            dev.llmbench.harness.workload.tokenizer.Tokenizers.WORD_CACHE_PROPERTY, true,
            "System property only: `false` turns off the tokenizers' per-word cache (for measuring the merge itself)"));

    // ------------------------------------------------------------------ cost

    public static final Setting<Double> INPUT_PRICE = declare(Setting.number(Pricing.INPUT_KEY, null, 0, 1e6, "US dollars",
            "$ per 1M input tokens (a priced API)"));
    public static final Setting<Double> CACHED_INPUT_PRICE = declare(Setting.number(Pricing.CACHED_INPUT_KEY, null, 0, 1e6,
            "US dollars", "$ per 1M cached input tokens; default: the input price"));
    public static final Setting<Double> OUTPUT_PRICE = declare(Setting.number(Pricing.OUTPUT_KEY, null, 0, 1e6, "US dollars",
            "$ per 1M output tokens"));
    public static final Setting<Double> GPU_PRICE_PER_HOUR = declare(Setting.number(Pricing.GPU_HOUR_KEY, null, 0, 1e6,
            "US dollars", "$ per GPU-hour of self-hosted serving (used when tokens are not priced)"));
    public static final Setting<Long> GPU_COUNT = declare(Setting.wholeNumber(Pricing.GPU_COUNT_KEY, null, 1, 100_000,
            "GPUs serving the model; when a GPU price is set: the fewest `llmbench.gpu`s that hold the weights, else 1"));

    // ------------------------------------------------------------------ where things go

    public static final Setting<Path> OUTPUT_DIRECTORY = declare(Setting.path("llmbench.outputDirectory", "target/llmbench",
            "Folder of the result files (and of `llmbench:run`'s report)"));
    public static final Setting<Double> PROGRESS_SECONDS = declare(Setting.number("llmbench.progressSeconds", 5.0, 0, 86_400,
            "seconds", "Period of progress lines on stderr while a benchmark runs (0 = none)"));

    // ------------------------------------------------------------------ report, check, baseline

    public static final Setting<List<String>> RESULT_DIRECTORIES = declare(Setting.list("llmbench.resultDirectories", null, ",",
            "folders, comma-separated", "Result folders read by report/check/baseline (merged); default: `target/llmbench`"));
    public static final Setting<Boolean> RECURSIVE = declare(Setting.flag("llmbench.recursive", false,
            "Also read results in sub-folders of the result folders"));
    public static final Setting<Path> BASELINE_DIRECTORY = declare(Setting.path("llmbench.baselineDirectory", null,
            "Baseline folder, committed with the project; default: `src/test/llmbench-baseline`"));
    public static final Setting<Path> REPORT_DIRECTORY = declare(Setting.path("llmbench.reportDirectory", null,
            "Where `llmbench:report` writes report.html, report.md and summary.json; default: the first result folder"));
    public static final Setting<Boolean> REPORT = declare(Setting.flag("llmbench.report", true,
            "`llmbench:run` writes a report after the run"));
    public static final Setting<String> TOLERANCE = declare(Setting.text("llmbench.tolerance", "10%", "a percentage (`10%`) or a fraction (`0.1`)",
            "Relative change a baseline comparison allows before a metric counts as worse"));
    public static final Setting<List<String>> METRICS = declare(Setting.list("llmbench.metrics", null, ",",
            "metric ids as in SLOs (`p90(ttft)`, `output_throughput`…)", "Metrics compared with the baseline; default: p50/p90/p99 of ttft, tpot, itl, e2e, output_throughput, error_rate"));
    public static final Setting<Long> MIN_SAMPLES = declare(Setting.wholeNumber("llmbench.minSamples", 30L, 0, Long.MAX_VALUE,
            "Below this many samples on either side a metric is `not enough samples`, not a verdict"));
    public static final Setting<Boolean> WARN_ONLY = declare(Setting.flag("llmbench.warnOnly", false,
            "`check` and `run` only warn instead of failing the build"));
    public static final Setting<String> FAIL_IF_NO_RESULTS = declare(Setting.choice("llmbench.failIfNoResults", "auto",
            List.of("auto", "true", "false"),
            "`check` with no results: auto fails when benchmarks were expected (`@LlmBenchmark` classes or a baseline), else warns"));
    public static final Setting<Boolean> SKIP = declare(Setting.flag("llmbench.skip", false, "Skips the plugin's goals"));

    // ------------------------------------------------------------------ error accounting and rate limiting

    public static final Setting<Boolean> ALLOW_ALL_FAILED = declare(Setting.flag("llmbench.allowAllFailed", false,
            "A run where every measured request failed does not fail the JUnit invocation, `check` or `run` by itself"));
    public static final Setting<Boolean> BACKOFF = declare(Setting.flag("llmbench.backoff", false,
            "Rate-limited requests pause their virtual user (or the arrival schedule) for `Retry-After` / `x-ratelimit-reset-*`; "
                    + "the time is reported, never counted as latency"));

    // ------------------------------------------------------------------ responses: memory per stream, end of stream

    public static final Setting<Long> MAX_EVENT_BYTES = declare(Setting.wholeNumber("llmbench.maxEventBytes", 4_194_304L, 1,
            Integer.MAX_VALUE - 8, "Largest SSE line or event (bytes) a stream may send; a longer one fails that request as "
                    + "`protocol_error` (`SSE event larger than N bytes`), frees its buffer, and the run goes on"));
    public static final Setting<Long> MAX_BODY_BYTES = declare(Setting.wholeNumber("llmbench.maxBodyBytes", 16_777_216L, 1,
            Integer.MAX_VALUE - 8, "Largest non-streamed response body (bytes); a longer one fails that request as "
                    + "`protocol_error` (`response body larger than N bytes`)"));
    public static final Setting<Boolean> STRICT_SSE = declare(Setting.flag("llmbench.strictSse", false,
            "A stream that ends without `data: [DONE]` fails even when its answer was complete (`finish_reason` and usage "
                    + "received); by default it succeeds and is counted in `counts.missing_done`"));

    // ---------------------------------------------------------------- simulator wire personalities
    public static final Setting<String> SIMULATOR_PERSONALITY = declare(Setting.choice("llmbench.simulatorPersonality",
            "vllm", java.util.List.of("vllm", "llamacpp", "openai", "tgi", "ollama"),
            "Embedded simulator's wire personality (which server's wire format it reproduces): `vllm` (role chunk, usage "
                    + "chunk with empty choices), `llamacpp` (usage and timings on the final chunk, connection closed "
                    + "after each stream), `openai` (400 on fields outside the OpenAI API such as `min_tokens`), `tgi` "
                    + "(role on every delta, empty `id`, 422 `{\"error\",\"error_type\"}` errors), `ollama` (role on every "
                    + "delta, finish reason in an empty chunk of its own, `fp_ollama`)"));

    // ------------------------------------------------------------------ Anthropic: prompt-cache writes

    public static final Setting<Double> CACHE_WRITE_PRICE = declare(Setting.number(Pricing.CACHE_WRITE_KEY, null, 0, 1e6,
            "US dollars", "$ per 1M input tokens written to the prompt cache (Anthropic's cache_creation_input_tokens); "
                    + "default: 1.25 × the input price (Anthropic's 5-minute cache write)"));

    // ---------------------------------------------------------------- output length fields sent to the server
    public static final Setting<Boolean> SEND_MIN_TOKENS = declare(Setting.flag("llmbench.sendMinTokens", true,
            "Send `min_tokens` (= the shape's output tokens) so the server generates exactly that many; turn off for "
                    + "servers that refuse fields outside the OpenAI API (OpenAI answers 400). `max_tokens` is always sent"));
    public static final Setting<Boolean> SEND_IGNORE_EOS = declare(Setting.flag("llmbench.sendIgnoreEos", true,
            "Send `ignore_eos: true` so the server does not stop at its end-of-sequence token; turn off as "
                    + "`llmbench.sendMinTokens`"));

    // ------------------------------------------------------------------ cost from first principles (the cost floor)

    public static final Setting<String> GPU = declare(Setting.text("llmbench.gpu", null,
            "a GPU of the catalog (" + String.join(", ", dev.llmbench.harness.cost.GpuCatalog.builtIn().names())
                    + ") or of `llmbench.gpuCatalog`",
            "GPU serving the model: with `llmbench.gpuPricePerHour` and `llmbench.modelParameters`, each result shows the cost "
                    + "floor from first principles beside its measured GPU cost"));
    public static final Setting<Path> GPU_CATALOG = declare(Setting.path("llmbench.gpuCatalog", null,
            "A JSON file of GPUs (`{\"gpus\": [...]}`) that overrides and extends the built-in table, by name"));
    public static final Setting<Double> MODEL_PARAMETERS = declare(Setting.number("llmbench.modelParameters", null, 1e6, 1e14,
            "parameters", "The model's total parameters (`70e9`), for the cost floor"));
    public static final Setting<Double> MODEL_ACTIVE_PARAMETERS = declare(Setting.number("llmbench.modelActiveParameters", null,
            1e6, 1e14, "parameters", "Parameters used per token (a mixture of experts: fewer than the total); default: the total"));
    public static final Setting<Double> BYTES_PER_PARAMETER = declare(Setting.number("llmbench.bytesPerParameter", 2.0, 0.125,
            16, "bytes", "Bytes per weight: 4 fp32, 2 fp16/bf16, 1 8-bit, 0.5 4-bit"));

    // ------------------------------------------------------------------ capacity search (sweep)

    public static final Setting<Boolean> SWEEP = declare(Setting.flag("llmbench.sweep", false,
            "Instead of the load tiers, search the highest concurrency meeting every `llmbench.slo` (required) for the first "
                    + "prompt shape; writes the step at that capacity with `max_concurrency_meeting_slo`"));
    public static final Setting<Long> SWEEP_MAX_CONCURRENCY = declare(Setting.wholeNumber("llmbench.sweepMaxConcurrency", 64L, 1,
            100_000, "Highest concurrency a sweep tries"));
    public static final Setting<Long> SWEEP_RESOLUTION = declare(Setting.wholeNumber("llmbench.sweepResolution", 1L, 1, 100_000,
            "A sweep stops narrowing when first failing − last passing concurrency ≤ this"));
    public static final Setting<java.time.Duration> SWEEP_BUDGET = declare(Setting.duration("llmbench.sweepBudget", "30m",
            "No sweep step starts once this much time has passed (steps are not cut short)"));
    public static final Setting<String> SWEEP_MAX_ERROR_RATE = declare(Setting.text("llmbench.sweepMaxErrorRate", "5%",
            "a percentage (`5%`) or a fraction (`0.05`), at most 100%",
            "A sweep step with more failed requests than this stops the sweep"));

    private Settings() {
    }

    private static <T> Setting<T> declare(Setting<T> s) {
        for (Setting<?> other : ALL) {
            if (other.key().equals(s.key())) throw new IllegalStateException("declared twice: " + s.key());
        }
        ALL.add(s);
        return s;
    }

    /** Every setting, in declaration order. */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The setting with this key, or null. */
    public static Setting<?> byKey(String key) {
        for (Setting<?> s : ALL) if (s.key().equals(key)) return s;
        return null;
    }

    /** Key → built-in default text, for the settings that have one. */
    static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting<?> s : ALL) if (s.defaultText() != null) m.put(s.key(), s.defaultText());
        return m;
    }
}
