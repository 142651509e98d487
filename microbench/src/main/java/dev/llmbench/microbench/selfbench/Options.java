package dev.llmbench.microbench.selfbench;

import dev.llmbench.harness.endpoint.protocol.Protocol;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line options of {@link dev.llmbench.microbench.HarnessSelfBenchmark}, parsed by picocli (generated
 * {@code --help}; a bad value names the option and its range). Immutable once parsed.
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
 * @param protocol       the client, by its {@code llmbench.protocol} name ({@code chat}, {@code realtime}, …)
 */
public record Options(int streams, int seconds, String out, String endpoint, String model, int maxTokens,
                      int inputTokens, int warmup, boolean compareFloor, String apiKeyEnv, int simIoThreads,
                      long stepMicros, boolean stagger, String protocol) {

    /** The generated usage message (what {@code --help} prints). */
    public static final String USAGE = new CommandLine(new Arguments()).setUsageHelpWidth(110)
            .getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();

    /** A bad command line (the message names the option and what it allows), or {@code --help} ({@link #help()}). */
    public static final class UsageException extends Exception {
        private final boolean help;

        public UsageException(String message) { this(message, false); }

        private UsageException(String message, boolean help) {
            super(message);
            this.help = help;
        }

        /** True when the user asked for {@code --help}: print {@link #USAGE}, exit 0. */
        public boolean help() { return help; }
    }

    public boolean external() { return endpoint != null; }

    /** Parses a command line; every option may also be written {@code --name=value}. */
    public static Options parse(String... args) throws UsageException {
        Arguments a = new Arguments();
        CommandLine cli = new CommandLine(a);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new UsageException("unknown option '" + String.join(" ", e.getUnmatched()) + "'; see --help");
        } catch (CommandLine.ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        if (a.help) throw new UsageException("help", true);
        String protocol;
        try {
            protocol = Protocol.named(a.protocol).settingName();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--protocol: '" + a.protocol + "' is not a protocol; allowed: " + String.join(", ", Protocol.NAMES));
        }
        if (a.compareFloor && !protocol.equals("chat"))
            throw new UsageException("--compare-floor compares with a bare HTTP chat consumer: it needs --protocol chat");
        if (a.endpoint != null) {
            if (!a.endpoint.matches("(?i)(https?|wss?)://.*"))
                throw new UsageException("--endpoint must be an http(s):// URL (ws(s):// for --protocol realtime), was '" + a.endpoint + "'");
            if (a.model == null) throw new UsageException("--model is required with --endpoint");
            if (a.compareFloor) throw new UsageException("--compare-floor needs the in-process simulator (drop --endpoint)");
        } else if (a.apiKeyEnv != null) {
            throw new UsageException("--api-key-env only applies with --endpoint");
        }
        return new Options(a.streams, a.seconds, a.out, a.endpoint, a.model == null ? DEFAULT_MODEL : a.model,
                a.maxTokens, a.inputTokens, a.warmup == null ? -1 : a.warmup, a.compareFloor, a.apiKeyEnv, a.simIoThreads, a.stepMicros, a.stagger, protocol);
    }

    private static final String DEFAULT_MODEL = "selfbench-20ms";

    /** The options as picocli reads them: names, defaults, ranges and help text are declared once, here. */
    @Command(name = "java -cp microbench/target/benchmarks.jar dev.llmbench.microbench.HarnessSelfBenchmark",
            sortOptions = false, footer = "Prints one JSON line on stdout; progress goes to stderr.")
    static final class Arguments {
        @Option(names = "--streams", paramLabel = "N", defaultValue = "100", converter = Streams.class,
                description = "concurrent streams (closed loop), 1..100000, default ${DEFAULT-VALUE}")
        int streams;
        @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", converter = Seconds.class,
                description = "measured seconds after warmup, 1..86400, default ${DEFAULT-VALUE}")
        int seconds;
        @Option(names = "--max-tokens", paramLabel = "K", defaultValue = "256", converter = Tokens.class,
                description = "output tokens per request, default ${DEFAULT-VALUE} (5.1 s per request at the 20 ms step)")
        int maxTokens;
        @Option(names = "--input-tokens", paramLabel = "I", defaultValue = "32", converter = Tokens.class,
                description = "prompt tokens per request (approximate), default ${DEFAULT-VALUE}")
        int inputTokens;
        @Option(names = "--warmup", paramLabel = "W", converter = Warmup.class,
                description = "warmup requests, 0..10000000, default = --streams (the first wave)")
        Integer warmup; // null: one per stream
        @Option(names = "--out", paramLabel = "FILE", converter = NonBlank.class,
                description = "also write the harness's full result JSON to FILE")
        String out;
        @Option(names = "--compare-floor",
                description = "also run the same load through a bare HttpClient 5 consumer (simulator mode only)")
        boolean compareFloor;
        @Option(names = "--sim-io-threads", paramLabel = "T", defaultValue = "0", converter = IoThreads.class,
                description = "simulator I/O threads, 0..64, default ${DEFAULT-VALUE} (one per processor)")
        int simIoThreads;
        @Option(names = "--step-micros", paramLabel = "U", defaultValue = "20000", converter = StepMicros.class,
                description = "simulator decode step in microseconds, default ${DEFAULT-VALUE}")
        int stepMicros;
        @Option(names = "--stagger",
                description = "vary output lengths (normal, mean K, sd K/4, in [K/2, 3K/2]): streams drift apart")
        boolean stagger;
        @Option(names = "--protocol", paramLabel = "P", defaultValue = "chat",
                description = "the client, as llmbench.protocol names it: chat (SSE), realtime (WebSocket), …; default ${DEFAULT-VALUE}")
        String protocol;
        @Option(names = "--endpoint", paramLabel = "URL", converter = NonBlank.class,
                description = "benchmark an external OpenAI-compatible server instead (no error fields)")
        String endpoint;
        @Option(names = "--model", paramLabel = "M", converter = NonBlank.class,
                description = "model name, default " + DEFAULT_MODEL + " (required with --endpoint)")
        String model;
        @Option(names = "--api-key-env", paramLabel = "NAME", converter = NonBlank.class,
                description = "environment variable with the API key (external mode), default LLMBENCH_API_KEY")
        String apiKeyEnv;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
        boolean help;
    }

    /** An integer option within [min, max]; the message says which range (picocli prefixes the option's name). */
    private abstract static class IntIn implements CommandLine.ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntIn(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("must be an integer in " + min + ".." + max + ", was '" + value + "'");
            }
            if (n < min || n > max) throw new CommandLine.TypeConversionException("must be in " + min + ".." + max + ", was " + value);
            return n;
        }
    }

    static final class Streams extends IntIn { Streams() { super(1, 100_000); } }

    static final class Seconds extends IntIn { Seconds() { super(1, 86_400); } }

    static final class Tokens extends IntIn { Tokens() { super(1, 1_000_000); } }

    static final class Warmup extends IntIn { Warmup() { super(0, 10_000_000); } }

    static final class IoThreads extends IntIn { IoThreads() { super(0, 64); } }

    static final class StepMicros extends IntIn { StepMicros() { super(1, 10_000_000); } }

    static final class NonBlank implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) throw new CommandLine.TypeConversionException("must not be blank");
            return value.strip();
        }
    }

    /** The output-token shape of a request: fixed K, or staggered around K. */
    public dev.llmbench.harness.workload.TokenCount outputTokens() {
        return stagger ? dev.llmbench.harness.workload.TokenCount.normal(maxTokens, maxTokens / 4.0,
                Math.max(1, maxTokens / 2), maxTokens + maxTokens / 2)
                : dev.llmbench.harness.workload.TokenCount.fixed(maxTokens);
    }

    /** Warmup requests actually used. */
    public int warmupRequests() { return warmup < 0 ? streams : warmup; }
}
