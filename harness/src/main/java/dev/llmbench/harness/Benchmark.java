package dev.llmbench.harness;

import dev.llmbench.harness.cost.CostCalculator;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.WireProtocol;
import dev.llmbench.harness.endpoint.EndpointOpener;
import dev.llmbench.harness.endpoint.http.HttpStreamingEndpoint;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.load.LoadRunner;
import dev.llmbench.harness.load.RunBounds;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.result.BenchmarkConfiguration;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.RunMetadata;
import dev.llmbench.harness.slo.GoodputCounter;
import dev.llmbench.harness.slo.Objective;
import dev.llmbench.harness.slo.SloSet;
import dev.llmbench.harness.workload.Dataset;
import dev.llmbench.harness.workload.DatasetWorkload;
import dev.llmbench.harness.workload.PromptFactory;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.WorkItem;
import dev.llmbench.harness.workload.WorkSource;
import dev.llmbench.harness.workload.tokenizer.ApproximateTokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One benchmark of one endpoint: endpoint + model + load + prompt shape + warmup + bounds → {@link BenchmarkResult}.
 * The plain-Java entry point of the harness; the JUnit extension and the Maven plugin are thin layers over it.
 *
 * <pre>{@code
 * BenchmarkResult result = Benchmark.builder("chat-medium")
 *         .endpoint(EndpointConfig.builder("http://127.0.0.1:8000").build())
 *         .model("llama-2-70b-chat")
 *         .load(LoadModel.concurrency(NamedTier.MEDIUM))
 *         .promptShape(RequestShape.of(100, 1000))
 *         .warmupRequests(5)
 *         .maxRequests(200)
 *         .slo("p90(ttft) < 800ms", "error_rate < 1%")
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>With SLOs set ({@link Builder#slo}), the run counts goodput per request (see {@link SloSet}), fills
 * {@code throughput().goodputRequestsPerSecond()} and attaches one {@link dev.llmbench.harness.result.SloVerdict} per
 * SLO ({@link BenchmarkResult#sloVerdicts()}) before the result file is written; it does not throw on a violated
 * SLO (the caller decides, e.g. the JUnit extension fails the test with {@link dev.llmbench.harness.slo.SloReport}).
 *
 * <h2>Prompts and tokens</h2>
 * Without a tokenizer, prompts are sized by the approximate estimate (characters / 4, labelled approximate in the
 * result) and output tokens come from server usage, else the chunk count. With one ({@link Builder#tokenizer(String)}:
 * {@code o200k_base}, a {@code tokenizer.json}, a {@code .gguf} file), every prompt has exactly the requested input
 * tokens by it, and every request's streamed output is counted with it on the decoder thread (switch that off with
 * {@link Builder#countOutputTokens(boolean)}): output tokens then come from usage, else the tokenizer, else chunks,
 * ITL is divided per real token, and the result reconciles usage, tokenizer and chunk counts
 * ({@code tokens.reconciliation}; SLO {@code token_count_mismatch < 2%}). A JSONL {@link Builder#dataset(Path)} replaces
 * the prompt shape's prompts. The result reports the output length got against the one requested
 * ({@code tokens.output_length}).
 *
 * <p>An instance is immutable and may be {@link #run()} more than once (each run opens its own connections).
 */
public final class Benchmark {

    private static final System.Logger LOG = System.getLogger("dev.llmbench.harness");

    private final String name;
    private final EndpointConfig endpoint;
    private final EndpointOpener protocol;
    private final String model;
    private final LoadModel load;
    private final RequestShape promptShape;
    private final boolean stream;
    private final boolean exactOutputLength;
    private final boolean uniquePromptPrefix;
    private final Map<String, Object> extraFields;
    private final RunBounds bounds;
    private final long seed;
    private final boolean backoff;
    private final Path outputDirectory;
    private final List<Consumer<RequestTimeline>> requestObservers;
    private final SloSet slos;
    private final Tokenizer tokenizer;      // null: approximate prompts, no local output counting
    private final boolean countOutputTokens;
    private final Dataset dataset;          // null: prompts from the prompt shape
    private final Pricing pricing;          // null: no cost figures
    private final String simulatorProfile;  // null: not the embedded simulator

    private Benchmark(Builder b) {
        this.name = b.name;
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint: set the endpoint to benchmark");
        this.protocol = b.protocol;
        this.model = Objects.requireNonNull(b.model, "model: set the model name sent to the server");
        this.load = b.load;
        this.promptShape = b.promptShape;
        this.stream = b.stream;
        this.exactOutputLength = b.exactOutputLength;
        this.uniquePromptPrefix = b.uniquePromptPrefix;
        this.extraFields = Map.copyOf(b.extraFields);
        this.bounds = new RunBounds(b.maxRequests, b.maxDuration, b.warmupRequests, b.warmupDuration, b.drainTimeout);
        this.seed = b.seed;
        this.backoff = b.backoff;
        this.outputDirectory = b.outputDirectory;
        this.requestObservers = List.copyOf(b.requestObservers);
        this.slos = SloSet.parse(b.sloExpressions);
        this.tokenizer = b.tokenizer;
        this.countOutputTokens = b.countOutputTokens;
        this.dataset = b.datasetPath == null ? null : Dataset.load(b.datasetPath);
        this.pricing = b.pricing;
        this.simulatorProfile = b.simulatorProfile;
    }

    public static Builder builder(String name) { return new Builder(name); }

    public String name() { return name; }

    /** The SLOs this benchmark evaluates (empty when none). */
    public SloSet slos() { return slos; }

    /**
     * Runs the benchmark to its bounds and returns the result; writes it to the output directory when one is set.
     *
     * <p>Interrupted ({@link Thread#interrupt()}, or Ctrl-C / SIGTERM through {@link ShutdownGuard}), the run stops
     * sending, cancels the requests in flight and returns what it has, marked partial with the reason
     * ({@code interrupted}, or {@value ShutdownGuard#REASON}); the thread's interrupt flag is kept set for the caller.
     */
    public BenchmarkResult run() {
        try (ShutdownGuard guard = ShutdownGuard.open();
             Endpoint client = protocol.open(endpoint, load.maxConcurrency().orElse(0))) {
            return run(client);
        }
    }

    /** Runs against an already open endpoint (which stays open); interrupted, as {@link #run()}. */
    public BenchmarkResult run(Endpoint client) {
        try (ShutdownGuard guard = ShutdownGuard.open()) {
            return runGuarded(client);
        }
    }

    private BenchmarkResult runGuarded(Endpoint client) {
        PromptFactory.Builder pf = PromptFactory.builder(promptShape).uniquePrefix(uniquePromptPrefix);
        if (tokenizer != null) pf.tokenizer(tokenizer);
        PromptFactory prompts = pf.build();
        WorkSource work = dataset == null ? prompts
                : new DatasetWorkload(dataset, promptShape, tokenizer, uniquePromptPrefix, prompts.runId(), seed);
        Tokenizer outputTokenizer = countOutputTokens ? tokenizer : null;
        long startNanos = System.nanoTime();
        MetricsRecorder recorder = new MetricsRecorder(startNanos);
        GoodputCounter goodput = slos.isEmpty() ? null : slos.goodputCounter();
        Consumer<RequestTimeline> onComplete = t -> {
            recorder.record(t);
            if (goodput != null) goodput.accept(t);
            for (Consumer<RequestTimeline> o : requestObservers) o.accept(t);
        };
        LoadRunner runner = new LoadRunner(client, load, bounds, seq -> request(work, seq), onComplete, seed,
                outputTokenizer).backoff(backoff);

        long ioCpuBefore = client.ioCpuNanos();
        long cpuBefore = client.clientCpuNanos();
        LoadRunner.RunStats stats = runner.run(startNanos);
        long wallNanos = Math.max(1, stats.endNanos() - stats.startNanos());
        int ioThreads = Math.max(1, endpoint.ioThreads());
        // A dead I/O thread took its CPU time with it: the busy fraction and CPU figures are then unknown, not wrong.
        boolean sound = client.clientFault() == null;
        Double ioBusy = sound ? Fidelity.busyFraction((client.ioCpuNanos() - ioCpuBefore) / (double) wallNanos / ioThreads) : null;
        recorder.clientIoBusy(ioBusy);
        recorder.clientCpuNanos(sound ? client.clientCpuNanos() - cpuBefore : -1);
        if (backoff) recorder.backoff(stats.backoffPauses(), stats.backoffNanos());
        if (ioBusy != null && ioBusy > MetricsRecorder.IO_BUSY_WARNING_THRESHOLD)
            LOG.log(System.Logger.Level.WARNING, name + ": " + MetricsRecorder.ioBusyWarning(ioBusy));
        if (!sound) LOG.log(System.Logger.Level.WARNING, name + ": result is partial: " + client.clientFault());

        RunMetadata metadata = RunMetadata.capture(name, recorder.wallClock(stats.startNanos()), recorder.wallClock(stats.endNanos()));
        if (stats.partial()) metadata = metadata.withPartial(ShutdownGuard.partialReason(stats.partialReason()));
        BenchmarkResult result = BenchmarkResult.of(metadata, configuration(client, prompts, work), recorder.snapshot());
        if (goodput != null) result = goodput.applyTo(result);
        if (pricing != null) result = result.withCost(CostCalculator.figures(result.measurements(), pricing)); // before cost SLOs
        if (goodput != null) result = result.withSloVerdicts(slos.evaluate(result));
        if (outputDirectory != null) {
            try {
                ResultFiles.writeToDirectory(result, outputDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the result of '" + name + "' to " + outputDirectory, e);
            }
        }
        return result;
    }

    private GenerationRequest request(WorkSource work, long sequence) {
        // One random stream per request, derived from the seed: request k is the same whatever the interleaving.
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sequence);
        WorkItem item = work.next(sequence, rnd);
        int maxTokens = item.outputTokens();
        return new GenerationRequest(model, item.text(), item.inputTokens(), maxTokens,
                sendsMinTokens() ? maxTokens : 0, stream, extraFields, item.messages(), sendsIgnoreEos());
    }

    private boolean sendsMinTokens() { return exactOutputLength && endpoint.sendsMinTokens() && protocol.sendsOutputLengthFields(); }

    private boolean sendsIgnoreEos() { return exactOutputLength && endpoint.sendsIgnoreEos() && protocol.sendsOutputLengthFields(); }

    private BenchmarkConfiguration configuration(Endpoint client, PromptFactory prompts, WorkSource work) {
        Tokenizer t = tokenizer != null ? tokenizer : new ApproximateTokenizer();
        BenchmarkConfiguration.Dataset ds = work instanceof DatasetWorkload d
                ? new BenchmarkConfiguration.Dataset("dataset", d.dataset().source(), (long) d.dataset().size(),
                        "shuffled-cycle", promptShape.outputTokens(), uniquePromptPrefix, prompts.runId())
                : null;
        List<String> expressions = null;
        if (!slos.isEmpty()) {
            expressions = new ArrayList<>();
            for (Objective s : slos.slos()) expressions.add(s.expression());
        }
        return new BenchmarkConfiguration(name, model, client.describe(), load.toConfig(), promptShape,
                work.approximate(), new BenchmarkConfiguration.Tokenizer(t.name(), t.approximate(),
                        tokenizer != null && countOutputTokens), ds, uniquePromptPrefix, prompts.runId(), stream,
                exactOutputLength, new BenchmarkConfiguration.OutputLengthSteering(true, sendsMinTokens(), sendsIgnoreEos()),
                new LinkedHashMap<>(extraFields),
                new BenchmarkConfiguration.Bounds(bounds.maxRequests(), bounds.maxDuration().toMillis() / 1000.0,
                        bounds.warmupRequests(), bounds.warmupDuration().toMillis() / 1000.0),
                seed, pricing, simulatorProfile, expressions, null);
    }

    /** Builder with defaults a first run needs: OpenAI chat, streamed, concurrency 1, short-in/short-out. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private EndpointConfig endpoint;
        private EndpointOpener protocol = Protocol.CHAT;
        private String model;
        private LoadModel load = LoadModel.concurrency(1);
        private RequestShape promptShape = RequestShape.preset("short-in-short-out");
        private boolean stream = true;
        private boolean exactOutputLength = true;
        private boolean uniquePromptPrefix = true;
        private final Map<String, Object> extraFields = new LinkedHashMap<>();
        private long maxRequests;
        private Duration maxDuration = Duration.ZERO;
        private long warmupRequests;
        private Duration warmupDuration = Duration.ZERO;
        private Duration drainTimeout = Duration.ofSeconds(60);
        private long seed = 42;
        private boolean backoff;
        private Path outputDirectory;
        private final List<Consumer<RequestTimeline>> requestObservers = new ArrayList<>();
        private final List<String> sloExpressions = new ArrayList<>();
        private Tokenizer tokenizer;
        private boolean countOutputTokens = true;
        private Path datasetPath;
        private Pricing pricing;
        private String simulatorProfile;

        private Builder(String name) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("benchmark name must not be blank");
            this.name = name;
        }

        public Builder endpoint(EndpointConfig e) { this.endpoint = e; return this; }
        /** Shorthand for {@code endpoint(EndpointConfig.builder(url).build())}. */
        public Builder endpoint(String url) { this.endpoint = EndpointConfig.builder(url).build(); return this; }
        /** An HTTP protocol of one's own (default: {@link Protocol#CHAT}). */
        public Builder protocol(WireProtocol p) {
            Objects.requireNonNull(p);
            this.protocol = new EndpointOpener() {
                @Override
                public Endpoint open(EndpointConfig config, int maxConcurrency) {
                    return new HttpStreamingEndpoint(config, p, maxConcurrency);
                }

                @Override
                public boolean sendsOutputLengthFields() {
                    return p.sendsOutputLengthFields();
                }
            };
            return this;
        }
        /** One of the protocols llmbench speaks (default: {@link Protocol#CHAT}). */
        public Builder protocol(Protocol p) { this.protocol = Objects.requireNonNull(p); return this; }
        public Builder model(String m) {
            if (m == null || m.isBlank()) throw new IllegalArgumentException("model must not be blank");
            this.model = m; return this;
        }
        public Builder load(LoadModel l) { this.load = Objects.requireNonNull(l); return this; }
        public Builder promptShape(RequestShape s) { this.promptShape = Objects.requireNonNull(s); return this; }
        /** Streamed (default) or not; non-streamed requests report TTFT equal to E2E. */
        public Builder stream(boolean s) { this.stream = s; return this; }
        /**
         * Also send {@code min_tokens} and {@code ignore_eos} so the server generates exactly the shape's output tokens
         * (default on), each where the endpoint accepts it ({@link EndpointConfig.Builder#sendsMinTokens},
         * {@link EndpointConfig.Builder#sendsIgnoreEos}). {@code max_tokens} is always sent.
         */
        public Builder exactOutputLength(boolean e) { this.exactOutputLength = e; return this; }
        /** A unique prefix per prompt so a prefix cache cannot flatter the result (default on). */
        public Builder uniquePromptPrefix(boolean u) { this.uniquePromptPrefix = u; return this; }
        /** An extra request body field, passed through untouched (e.g. temperature). */
        public Builder extraField(String key, Object value) { extraFields.put(key, value); return this; }
        public Builder maxRequests(long n) { this.maxRequests = n; return this; }
        public Builder maxDuration(Duration d) { this.maxDuration = d; return this; }
        public Builder warmupRequests(long n) { this.warmupRequests = n; return this; }
        public Builder warmupDuration(Duration d) { this.warmupDuration = d; return this; }
        public Builder drainTimeout(Duration d) { this.drainTimeout = d; return this; }
        public Builder seed(long s) { this.seed = s; return this; }
        /**
         * Hold back after rate-limited requests (default off: the measurement stays raw): the virtual user, or the
         * arrival schedule, pauses for the server's {@code Retry-After} or {@code x-ratelimit-reset-*}
         * ({@link LoadRunner}, {@link dev.llmbench.harness.load.Backoff}); the result's {@code rate_limits.backoff}
         * reports the pauses and their total. Backing off is never counted as endpoint latency.
         */
        public Builder backoff(boolean on) { this.backoff = on; return this; }
        /** Prices tokens or GPU time, so the result carries cost figures ({@link CostCalculator}); null: none. */
        public Builder pricing(Pricing p) { this.pricing = p; return this; }
        /**
         * Says the endpoint is llmbench's embedded simulator with this profile (recorded as {@code simulator} in the
         * configuration), so results of separate simulator instances — random ports, other machines — merge as one
         * benchmark; null: a real endpoint.
         */
        public Builder servedBySimulator(String profile) { this.simulatorProfile = profile; return this; }
        /** Writes the result JSON there after the run (e.g. {@code target/llmbench}). */
        public Builder outputDirectory(Path dir) { this.outputDirectory = dir; return this; }
        /**
         * The tokenizer for prompt sizes and output counting (see the class comment "Prompts and tokens"); null goes back
         * to the default (approximate prompts, no local output counting).
         */
        public Builder tokenizer(Tokenizer t) { this.tokenizer = t; return this; }

        /**
         * The tokenizer named by a {@code llmbench.tokenizer} value: {@code o200k_base}, {@code cl100k_base}, …, a path to a
         * {@code tokenizer.json} or a {@code .gguf} file, or {@code approx}; see {@link Tokenizers#fromSpec}. Loaded now.
         *
         * @throws dev.llmbench.harness.workload.tokenizer.TokenizerException saying what was tried and what is accepted
         */
        public Builder tokenizer(String spec) { this.tokenizer = Tokenizers.fromSpec(spec); return this; }

        /**
         * Whether to count every request's streamed output with the tokenizer, on the decoder thread (default true;
         * only with a tokenizer). Off keeps exact prompts but counts output as without a tokenizer: usage, else chunks.
         */
        public Builder countOutputTokens(boolean c) { this.countOutputTokens = c; return this; }

        /**
         * Prompts (or conversations) from a JSONL file instead of the prompt shape's built prompts (see
         * {@link Dataset}, {@link DatasetWorkload}: shuffled cycling under the seed). Entries without
         * {@code output_tokens} take the prompt shape's output tokens. Read by {@link #build()}, which fails on a bad line
         * with its number and field.
         */
        public Builder dataset(Path jsonl) { this.datasetPath = Objects.requireNonNull(jsonl, "dataset"); return this; }

        /** Sees every ended request (warmup included) on the decoder thread; must be quick. */
        public Builder onRequest(Consumer<RequestTimeline> observer) { requestObservers.add(Objects.requireNonNull(observer)); return this; }

        /**
         * Adds SLOs in the grammar of {@link Objective} (e.g. {@code "p90(ttft) < 800ms"}, {@code "goodput >= 2rps"}); may be
         * called more than once. They are parsed by {@link #build()}, which throws a
         * {@link dev.llmbench.harness.slo.SloSyntaxException} for a malformed one.
         */
        public Builder slo(String... expressions) {
            for (String e : expressions) sloExpressions.add(Objects.requireNonNull(e, "SLO expression"));
            return this;
        }

        /**
         * Builds the benchmark.
         *
         * @throws dev.llmbench.harness.slo.SloSyntaxException when an SLO expression is malformed
         * @throws NullPointerException when the endpoint or the model is missing
         * @throws IllegalArgumentException when the dataset has a malformed line (naming the line and field)
         */
        public Benchmark build() { return new Benchmark(this); }
    }
}
