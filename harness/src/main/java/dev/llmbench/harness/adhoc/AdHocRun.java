package dev.llmbench.harness.adhoc;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Reachability;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.Redaction;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.slo.SloSet;
import dev.llmbench.harness.workload.PromptShape;
import dev.llmbench.harness.workload.ShapeSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One ad-hoc run: every load tier × prompt shape (tiers outer) against one endpoint, each a {@link Benchmark} named
 * {@code <name>-<tier slug>-<shape slug>} whose result is written to the output folder. Built with {@link #builder};
 * the builder's {@code parse…} methods read the command-line forms and fail naming the setting and what is allowed.
 * Not thread-safe; run it once.
 */
public final class AdHocRun {

    /** One benchmark of the run: its result and the file it was written to. */
    public record Outcome(String label, BenchmarkResult result, Path file) {
    }

    private final Settings s;

    private AdHocRun(Settings s) {
        this.s = s;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The benchmarks this run will make, as {@code name [tier, shape]} labels, in order. */
    public List<String> plan() {
        List<String> out = new ArrayList<>();
        for (TierSpec t : s.tiers) for (ShapeSpec sh : s.shapes) out.add(label(t, sh));
        return out;
    }

    /** The SLO expressions every benchmark of the run is judged by, as given. */
    public List<String> slos() {
        return s.slos;
    }

    /**
     * Checks that the endpoint takes TCP connections, then runs every benchmark in turn and writes its result.
     *
     * @param log receives one line before and one after each benchmark
     * @throws IllegalStateException when the endpoint is unreachable (before anything runs)
     * @throws IOException when a result cannot be written (the results run so far are on disk)
     */
    public List<Outcome> run(Consumer<String> log) throws IOException {
        String problem = Reachability.problem(s.endpoint.baseUri(), s.rawUrl);
        if (problem != null) throw new IllegalStateException("llmbench.endpoint: " + problem);
        List<Outcome> out = new ArrayList<>();
        for (TierSpec tier : s.tiers) {
            for (ShapeSpec shape : s.shapes) {
                String label = label(tier, shape);
                log.accept("running " + label + " against " + Redaction.stripCredentials(s.rawUrl) + " (model " + s.model + ")");
                Benchmark.Builder b = Benchmark.builder(s.name + "-" + tier.slug() + "-" + shape.slug())
                        .endpoint(s.endpoint)
                        .protocol(s.completions ? OpenAiProtocol.completions() : OpenAiProtocol.chat())
                        .model(s.model)
                        .load(tier.load())
                        .promptShape(shape.shape())
                        .maxRequests(s.requests)
                        .maxDuration(s.maxDuration)
                        .warmupRequests(s.warmupRequests);
                if (s.tokenizer != null) b.tokenizer(s.tokenizer);
                b.pricing(s.pricing);
                b.servedBySimulator(s.simulatorProfile);
                if (!s.slos.isEmpty()) b.slo(s.slos.toArray(new String[0]));
                BenchmarkResult r = b.build().run();
                Path file = ResultFiles.writeToDirectory(r, s.outputDirectory);
                log.accept(String.format(Locale.ROOT, "%s: %d requests, %d errors, TTFT p50 %.1f ms, p90 %.1f ms, "
                                + "TPOT mean %.2f ms, %.1f output tok/s -> %s", label, r.counts().measured(), r.counts().errors(),
                        r.summary("ttft").p50() / 1000.0, r.summary("ttft").p90() / 1000.0, r.summary("tpot").mean() / 1000.0,
                        r.throughput().outputTokensPerSecond(), file));
                out.add(new Outcome(label, r, file));
            }
        }
        return out;
    }

    private String label(TierSpec t, ShapeSpec sh) {
        return s.name + " [" + t.label() + ", " + sh.label() + "]";
    }

    /** The checked settings. */
    private static final class Settings {
        String name = "adhoc";
        String rawUrl;
        EndpointConfig endpoint;
        String model;
        boolean completions;
        List<TierSpec> tiers = List.of(TierSpec.concurrency(2));
        List<ShapeSpec> shapes = List.of(ShapeSpec.of(PromptShape.preset("short-in-long-out")));
        long requests = 100;
        Duration maxDuration = Duration.ofMinutes(10);
        long warmupRequests;
        List<String> slos = List.of();
        String tokenizer;
        dev.llmbench.harness.cost.Pricing pricing;
        String simulatorProfile;
        Path outputDirectory = Path.of(ResultFiles.DEFAULT_DIRECTORY);
    }

    /** Collects and checks the settings; each setter fails at once, naming the setting, on a bad value. */
    public static final class Builder {
        private final Settings s = new Settings();

        private Builder() {
        }

        /** Prefix of every benchmark name (letters, digits, '.', '_' and '-'); default {@code adhoc}. */
        public Builder name(String name) {
            if (name == null || !name.matches("[A-Za-z0-9._-]{1,80}")) {
                throw new IllegalArgumentException("llmbench.name: '" + name + "' is not a benchmark name; allowed: 1 to 80 "
                        + "letters, digits, '.', '_' or '-'");
            }
            s.name = name;
            return this;
        }

        /**
         * The endpoint, e.g. {@code http://127.0.0.1:8000/v1}; its API key comes from the environment variable
         * {@code apiKeyEnv} (never from the URL).
         */
        public Builder endpoint(String url, String apiKeyEnv) {
            Objects.requireNonNull(url, "llmbench.endpoint");
            String safe = Redaction.stripCredentials(url);
            try {
                EndpointConfig.Builder b = EndpointConfig.builder(url);
                if (apiKeyEnv != null && !apiKeyEnv.isBlank()) b.apiKeyEnv(apiKeyEnv.trim());
                s.endpoint = b.build();
            } catch (IllegalArgumentException e) {
                String detail = e.getMessage() == null ? "" : e.getMessage().replace(url, safe);
                throw new IllegalArgumentException("llmbench.endpoint: '" + safe + "' is not a usable endpoint URL: " + detail
                        + "; allowed: http://host:port or https://host[:port] (a trailing /v1 is accepted)");
            }
            s.rawUrl = url;
            return this;
        }

        public Builder model(String model) {
            if (model == null || model.isBlank()) throw new IllegalArgumentException("llmbench.model: a model name is required");
            s.model = model.trim();
            return this;
        }

        /** {@code chat} (default) or {@code completions}. */
        public Builder protocol(String protocol) {
            String p = protocol == null ? "" : protocol.trim().toLowerCase(Locale.ROOT);
            if (!p.equals("chat") && !p.equals("completions")) {
                throw new IllegalArgumentException("llmbench.protocol: '" + protocol + "' is not a protocol; allowed: chat, completions");
            }
            s.completions = p.equals("completions");
            return this;
        }

        /**
         * Load tiers as a comma-separated list of concurrencies or tier names: {@code 2,20,50}, {@code small,large}.
         */
        public Builder concurrency(String csv) {
            List<TierSpec> tiers = new ArrayList<>();
            for (String part : split(csv)) {
                int users;
                try {
                    users = Integer.parseInt(part);
                } catch (NumberFormatException e) {
                    try {
                        users = dev.llmbench.harness.load.LoadTier.parse(part).concurrency();
                    } catch (IllegalArgumentException tierError) {
                        throw new IllegalArgumentException("llmbench.concurrency: '" + part + "' is neither a number of "
                                + "concurrent users nor a tier; allowed: integers 1..10000 separated by commas (2,20,50) or "
                                + "small, medium, large");
                    }
                }
                if (users < 1 || users > 10_000) {
                    throw new IllegalArgumentException("llmbench.concurrency: " + users + " is out of range; allowed: 1..10000");
                }
                tiers.add(TierSpec.concurrency(users));
            }
            if (tiers.isEmpty()) throw new IllegalArgumentException("llmbench.concurrency: empty; allowed: e.g. 2,20,50");
            s.tiers = List.copyOf(tiers);
            return this;
        }

        /**
         * Prompt shapes as a comma-separated list of preset names or {@code INPUT:OUTPUT} token counts:
         * {@code short-in-long-out}, {@code 128:32,chat}.
         */
        public Builder shapes(String csv) {
            List<ShapeSpec> shapes = new ArrayList<>();
            for (String part : split(csv)) {
                PromptShape shape;
                if (part.matches("\\d+\\s*:\\s*\\d+")) {
                    String[] io = part.split(":");
                    int in = Integer.parseInt(io[0].trim());
                    int outTokens = Integer.parseInt(io[1].trim());
                    try {
                        shape = PromptShape.of(in, outTokens);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("llmbench.shape: '" + part + "': " + e.getMessage());
                    }
                } else {
                    try {
                        shape = PromptShape.preset(part);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("llmbench.shape: '" + part + "' is not a shape; allowed: "
                                + String.join(", ", PromptShape.presetNames()) + ", or INPUT:OUTPUT token counts such as 128:32");
                    }
                }
                shapes.add(ShapeSpec.of(shape));
            }
            if (shapes.isEmpty()) throw new IllegalArgumentException("llmbench.shape: empty; allowed: e.g. short-in-long-out");
            s.shapes = List.copyOf(shapes);
            return this;
        }

        /** Measured requests per benchmark, 1..1,000,000 (default 100). */
        public Builder requests(long n) {
            if (n < 1 || n > 1_000_000) throw new IllegalArgumentException("llmbench.requests: " + n + " is out of range; allowed: 1..1000000");
            s.requests = n;
            return this;
        }

        /** Upper bound on each benchmark's measured phase, in seconds (default 600). */
        public Builder maxSeconds(double seconds) {
            if (!(seconds > 0) || seconds > 86_400) {
                throw new IllegalArgumentException("llmbench.seconds: " + seconds + " is out of range; allowed: > 0 and <= 86400");
            }
            s.maxDuration = Duration.ofNanos(Math.round(seconds * 1e9));
            return this;
        }

        /** Warm-up requests before each benchmark's measured phase, not recorded (default 0). */
        public Builder warmupRequests(long n) {
            if (n < 0 || n > 100_000) throw new IllegalArgumentException("llmbench.warmupRequests: " + n + " is out of range; allowed: 0..100000");
            s.warmupRequests = n;
            return this;
        }

        /**
         * SLO expressions separated by ';' or ',' outside parentheses, e.g. {@code p90(ttft) < 800ms; error_rate < 1%}.
         */
        public Builder slos(String text) {
            List<String> exprs = new ArrayList<>();
            if (text != null) {
                int depth = 0;
                StringBuilder cur = new StringBuilder();
                for (char c : text.toCharArray()) {
                    if (c == '(') depth++;
                    if (c == ')') depth--;
                    if ((c == ';' || c == ',') && depth <= 0) {
                        if (!cur.toString().isBlank()) exprs.add(cur.toString().strip());
                        cur.setLength(0);
                    } else {
                        cur.append(c);
                    }
                }
                if (!cur.toString().isBlank()) exprs.add(cur.toString().strip());
            }
            for (String e : exprs) {
                try {
                    SloSet.parse(e);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("llmbench.slo: " + ex.getMessage());
                }
            }
            s.slos = List.copyOf(exprs);
            return this;
        }

        /** A tokenizer spec as {@code Benchmark.Builder#tokenizer(String)} reads it (null: the default). */
        public Builder tokenizer(String spec) {
            s.tokenizer = spec == null || spec.isBlank() ? null : spec.trim();
            return this;
        }

        /**
         * Prices as settings text by key ({@link dev.llmbench.harness.cost.Pricing#KEYS}); when none is set,
         * {@code fallback} (may be null: no cost figures).
         */
        public Builder pricing(java.util.Map<String, String> settings, dev.llmbench.harness.cost.Pricing fallback) {
            dev.llmbench.harness.cost.Pricing p = dev.llmbench.harness.cost.Pricing.fromSettings(settings);
            s.pricing = p != null ? p : fallback;
            return this;
        }

        /** The endpoint is the embedded simulator with this profile (see {@code Benchmark.Builder#servedBySimulator}). */
        public Builder servedBySimulator(String profile) {
            s.simulatorProfile = profile;
            return this;
        }

        public Builder outputDirectory(Path dir) {
            s.outputDirectory = Objects.requireNonNull(dir, "llmbench.outputDirectory");
            return this;
        }

        /** @throws IllegalArgumentException when the endpoint or the model is missing */
        public AdHocRun build() {
            if (s.endpoint == null) throw new IllegalArgumentException("llmbench.endpoint: no endpoint given");
            if (s.model == null) {
                throw new IllegalArgumentException("llmbench.model: a model name is required for endpoint "
                        + Redaction.stripCredentials(s.rawUrl) + " (-Dllmbench.model=…)");
            }
            if (s.tokenizer != null) {
                try {
                    dev.llmbench.harness.workload.tokenizer.Tokenizers.fromSpec(s.tokenizer);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("llmbench.tokenizer: " + e.getMessage());
                }
            }
            return new AdHocRun(s);
        }

        private static List<String> split(String csv) {
            List<String> out = new ArrayList<>();
            if (csv == null) return out;
            for (String p : csv.split(",")) if (!p.isBlank()) out.add(p.trim());
            return out;
        }
    }
}
