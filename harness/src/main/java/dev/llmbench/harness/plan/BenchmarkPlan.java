package dev.llmbench.harness.plan;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Reachability;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.harness.sweep.SearchOptions;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a benchmark session will do, decided and checked before anything runs: the named runs (load tiers × prompt
 * shapes, tiers outer, names unique), the target, protocol, model, tokenizer, prices, SLOs, warm-up and bounds.
 * Every front-end makes its plan here from {@link LayeredSettings} ({@link #from}); plain Java can use
 * {@link PlanBuilder}. The JUnit extension runs one {@link PlannedRun} per test invocation; {@link PlanRunner} runs
 * them all (the Maven goal {@code llmbench:run}). Immutable and thread-safe.
 */
public final class BenchmarkPlan {

    /** Measured requests per run when neither {@code llmbench.requests} nor {@code llmbench.seconds} is set anywhere. */
    public static final long DEFAULT_REQUESTS = 100;

    /** Bounds and warm-up of every run: a count of 0 or a duration of zero means no such bound. */
    public record Bounds(long maxRequests, Duration maxDuration, long warmupRequests, Duration warmupDuration) {
        public Bounds {
            Objects.requireNonNull(maxDuration);
            Objects.requireNonNull(warmupDuration);
        }
    }

    /**
     * How much of a response the client holds and how strictly it judges a stream's end ({@code llmbench.maxEventBytes},
     * {@code llmbench.maxBodyBytes}, {@code llmbench.strictSse}); see {@link EndpointConfig.Builder#maxEventBytes}.
     */
    public record Responses(int maxEventBytes, int maxBodyBytes, boolean strictSse) {

        /** The built-in defaults. */
        public static final Responses DEFAULTS = new Responses(EndpointConfig.DEFAULT_MAX_EVENT_BYTES,
                EndpointConfig.DEFAULT_MAX_BODY_BYTES, false);

        /** Sets these on an endpoint configuration. */
        public EndpointConfig.Builder applyTo(EndpointConfig.Builder b) {
            return b.maxEventBytes(maxEventBytes).maxBodyBytes(maxBodyBytes).strictSse(strictSse);
        }
    }

    /**
     * Which output-length fields a run sends besides {@code max_tokens} ({@code llmbench.sendMinTokens},
     * {@code llmbench.sendIgnoreEos}); see {@link EndpointConfig.Builder#sendsMinTokens}.
     */
    public record OutputLengthFields(boolean minTokens, boolean ignoreEos) {

        /** The built-in defaults: both sent. */
        public static final OutputLengthFields DEFAULTS = new OutputLengthFields(true, true);

        /** Sets these on an endpoint configuration. */
        public EndpointConfig.Builder applyTo(EndpointConfig.Builder b) {
            return b.sendsMinTokens(minTokens).sendsIgnoreEos(ignoreEos);
        }
    }

    /**
     * A capacity search instead of the load tiers ({@code llmbench.sweep} and its bounds): the highest concurrency at
     * which the first prompt shape meets every SLO.
     *
     * @param maxConcurrency highest concurrency tried
     * @param resolution     narrowing stops when first failing − last passing ≤ this
     * @param budget         no step starts after this much time; zero: no limit
     * @param maxErrorRate   a step with a higher error rate (0–1) stops the search
     */
    public record Sweep(int maxConcurrency, int resolution, Duration budget, double maxErrorRate) {
        public Sweep {
            Objects.requireNonNull(budget, "budget");
        }

        /** The options of the search these settings make. */
        public SearchOptions options() {
            return SearchOptions.upTo(maxConcurrency).withResolution(resolution).withMaxErrorRate(maxErrorRate)
                    .withTimeBudget(budget.isZero() ? Duration.ofDays(3650) : budget);
        }
    }

    private final String name;
    private final List<PlannedRun> runs;
    private final Target target;
    private final String model;
    private final String protocol;
    private final String apiKeyEnv;
    private final Timeouts timeouts;
    private final String tokenizerSpec;
    private final Tokenizer tokenizer;
    private final Pricing pricing;
    private final List<String> slos;
    private final Bounds bounds;
    private final Path outputDirectory;
    private final double progressSeconds;
    private final boolean allowAllFailed;
    private final boolean backoff;
    private final Responses responses;
    private final OutputLengthFields outputLengthFields;
    private final Sweep sweep;

    BenchmarkPlan(String name, List<PlannedRun> runs, Target target, String model, String protocol, String apiKeyEnv,
                  Timeouts timeouts, String tokenizerSpec, Tokenizer tokenizer, Pricing pricing, List<String> slos, Bounds bounds,
                  Path outputDirectory, double progressSeconds, boolean allowAllFailed, boolean backoff, Responses responses,
                  OutputLengthFields outputLengthFields, Sweep sweep) {
        this.name = name;
        this.runs = List.copyOf(runs);
        this.target = target;
        this.model = model;
        this.protocol = protocol;
        this.apiKeyEnv = apiKeyEnv;
        this.timeouts = timeouts;
        this.tokenizerSpec = tokenizerSpec;
        this.tokenizer = tokenizer;
        this.pricing = pricing;
        this.slos = List.copyOf(slos);
        this.bounds = bounds;
        this.outputDirectory = outputDirectory;
        this.progressSeconds = progressSeconds;
        this.allowAllFailed = allowAllFailed;
        this.backoff = backoff;
        this.responses = Objects.requireNonNull(responses, "responses");
        this.outputLengthFields = Objects.requireNonNull(outputLengthFields, "outputLengthFields");
        this.sweep = sweep;
    }

    /**
     * Reads and checks every setting the plan needs.
     *
     * @throws SettingsException on the first bad or missing value, naming its key, source and what is allowed
     */
    public static BenchmarkPlan from(LayeredSettings settings) {
        return PlanReader.read(settings);
    }

    /** A builder for plain Java: typed setters over the same settings, with the same defaults. */
    public static PlanBuilder builder() {
        return new PlanBuilder();
    }

    /** The prefix of every run's name ({@code llmbench.name}). */
    public String name() { return name; }

    /** The runs, tiers outer, shapes inner; names unique. */
    public List<PlannedRun> runs() { return runs; }

    public Target target() { return target; }

    /** The model name sent (the simulator profile's when none is set). */
    public String model() { return model; }

    /** {@code chat} or {@code completions}. */
    public String protocol() { return protocol; }

    /** The environment variable the API key is read from. */
    public String apiKeyEnv() { return apiKeyEnv; }

    /** Per-request timeouts (also of the simulator's requests). */
    public Timeouts timeouts() { return timeouts; }

    /** The tokenizer spec, or null (approximate prompts, server usage). */
    public String tokenizerSpec() { return tokenizerSpec; }

    /** Prices for the cost figures, or null (none set, and not the simulator). */
    public Pricing pricing() { return pricing; }

    /** SLO expressions every run is judged by, in order. */
    public List<String> slos() { return slos; }

    public Bounds bounds() { return bounds; }

    /** Where result files go. */
    public Path outputDirectory() { return outputDirectory; }

    /** Period of progress lines, 0 = none. */
    public double progressSeconds() { return progressSeconds; }

    /** {@code llmbench.allowAllFailed}: a run whose every measured request failed does not fail by itself. */
    public boolean allowAllFailed() { return allowAllFailed; }

    /** {@code llmbench.backoff}: rate-limited requests pause their virtual user or the schedule (see {@link Benchmark.Builder#backoff}). */
    public boolean backoff() { return backoff; }

    /** Response limits and strictness of every run. */
    public Responses responses() { return responses; }

    /** Which of {@code min_tokens} and {@code ignore_eos} every run sends. */
    public OutputLengthFields outputLengthFields() { return outputLengthFields; }

    /** The capacity search {@link PlanRunner} runs instead of the tiers, or null ({@code llmbench.sweep} off). */
    public Sweep sweep() { return sweep; }

    /**
     * The run a sweep measures: the first prompt shape, named {@code <name>-sweep-<shape>}; each step sets its own
     * concurrency.
     */
    public PlannedRun sweepRun() {
        PlannedRun first = runs.get(0);
        return new PlannedRun(name + "-sweep-" + first.shape().slug(), first.tier(), first.shape());
    }

    /** True when the embedded simulator serves the plan. */
    public boolean simulated() { return target instanceof Target.Simulated; }

    /**
     * Opens and closes one TCP connection to a configured endpoint, so that a wrong URL fails at once with one message.
     * Does nothing for the simulator.
     *
     * @throws SettingsException naming where the endpoint was set, with the URL (credentials stripped)
     */
    public void checkReachable() {
        if (!(target instanceof Target.Remote r)) return;
        String problem = Reachability.problem(r.config().baseUri(), r.setting().raw());
        if (problem != null) {
            throw SettingsException.at(r.setting(), problem
                    + ". Start the server, fix the URL, or leave llmbench.endpoint unset to use the embedded simulator");
        }
    }

    /**
     * Where this plan's protocol reaches a running simulator: its Realtime WebSocket URL for
     * {@code llmbench.protocol=realtime}, else its HTTP base URI. Pass it to {@link #benchmark}.
     */
    public URI simulatorUri(SimulatorProvider.Running simulator) {
        return Protocol.named(protocol) == Protocol.REALTIME ? simulator.realtimeUri() : simulator.baseUri();
    }

    /**
     * A builder for one run's benchmark, configured by this plan; add observers and build.
     *
     * @param simulatorUri the running simulator's base URI when {@link #simulated()}, else ignored (may be null)
     */
    public Benchmark.Builder benchmark(PlannedRun run, URI simulatorUri) {
        Benchmark.Builder b = benchmarkWithoutSlos(run, simulatorUri);
        if (!slos.isEmpty()) b.slo(slos.toArray(String[]::new));
        return b;
    }

    /** {@link #benchmark} without the plan's SLOs: a sweep's steps get theirs from {@link PlanSweep}. */
    Benchmark.Builder benchmarkWithoutSlos(PlannedRun run, URI simulatorUri) {
        EndpointConfig endpoint;
        if (target instanceof Target.Remote r) {
            endpoint = r.config();
        } else {
            endpoint = outputLengthFields.applyTo(responses.applyTo(EndpointConfig.builder(
                    Objects.requireNonNull(simulatorUri, "simulatorUri").toString()).apiKeyEnv(apiKeyEnv).timeouts(timeouts))).build();
        }
        Benchmark.Builder b = Benchmark.builder(run.name())
                .endpoint(endpoint)
                .protocol(Protocol.named(protocol))
                .model(model)
                .load(run.tier().load())
                .promptShape(run.shape().shape())
                .maxRequests(bounds.maxRequests())
                .maxDuration(bounds.maxDuration())
                .warmupRequests(bounds.warmupRequests())
                .warmupDuration(bounds.warmupDuration())
                .pricing(pricing)
                .backoff(backoff);
        if (tokenizer != null) b.tokenizer(tokenizer);
        if (target instanceof Target.Simulated s) b.servedBySimulator(s.profile().name());
        return b;
    }

    /**
     * The plan as text, one fact a line, runs last: what a user checks before a long run, and what two front-ends that
     * were given the same settings agree on.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("name: ").append(name).append('\n');
        sb.append("target: ").append(target.display()).append('\n');
        sb.append("protocol: ").append(protocol).append(", model: ").append(model).append(", API key from $").append(apiKeyEnv).append('\n');
        sb.append(String.format(Locale.ROOT, "timeouts: connect %s, first token %s, idle %s, total %s%n", limit(timeouts.connect()),
                limit(timeouts.firstToken()), limit(timeouts.idle()), limit(timeouts.total())));
        sb.append("tokenizer: ").append(tokenizerSpec == null ? "none (approximate prompts, server usage)" : tokenizerSpec).append('\n');
        sb.append("pricing: ").append(pricing == null ? "none" : pricing).append('\n');
        sb.append("slos: ").append(slos.isEmpty() ? "none" : String.join("; ", slos)).append('\n');
        if (allowAllFailed || backoff) {
            sb.append("failures: ").append(allowAllFailed ? "a run whose every request failed is allowed" : "")
                    .append(allowAllFailed && backoff ? "; " : "").append(backoff ? "back off when rate limited" : "").append('\n');
        }
        sb.append(String.format(Locale.ROOT, "bounds: %s requests, %s; warm-up %d requests, %s%n",
                bounds.maxRequests() == 0 ? "no count bound," : Long.toString(bounds.maxRequests()),
                bounds.maxDuration().isZero() ? "no time bound" : seconds(bounds.maxDuration()) + " at most",
                bounds.warmupRequests(), seconds(bounds.warmupDuration())));
        if (!responses.equals(Responses.DEFAULTS)) {
            sb.append("responses: events up to ").append(responses.maxEventBytes()).append(" bytes, bodies up to ")
                    .append(responses.maxBodyBytes()).append(" bytes").append(responses.strictSse() ? ", strict SSE" : "").append('\n');
        }
        if (!outputLengthFields.equals(OutputLengthFields.DEFAULTS)) {
            sb.append("output length: max_tokens").append(outputLengthFields.minTokens() ? ", min_tokens" : "")
                    .append(outputLengthFields.ignoreEos() ? ", ignore_eos" : "").append(" sent").append('\n');
        }
        sb.append("output: ").append(outputDirectory).append('\n');
        if (sweep != null) {
            PlannedRun r = sweepRun();
            sb.append(String.format(Locale.ROOT, "sweep %s: capacity under the SLOs, concurrency 1..%d, resolution %d, budget %s, "
                    + "at most %s errors; %s%n", r.name(), sweep.maxConcurrency(), sweep.resolution(),
                    sweep.budget().isZero() ? "none" : seconds(sweep.budget()), TierSpec.fmt(sweep.maxErrorRate() * 100) + "%",
                    r.shape().shape().describe()));
            return sb.toString();
        }
        for (PlannedRun r : runs) {
            sb.append("run ").append(r.name()).append(": ").append(r.tier().load().describe()).append("; ")
                    .append(r.shape().shape().describe()).append('\n');
        }
        return sb.toString();
    }

    private static String limit(Duration d) {
        return d.isZero() ? "none" : seconds(d);
    }

    private static String seconds(Duration d) {
        return TierSpec.fmt(d.toNanos() / 1e9) + " s";
    }

    @Override
    public String toString() {
        return describe();
    }
}
