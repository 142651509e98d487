package dev.llmbench.simulator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar llmbench-simulator.jar [--profile NAME] [--personality NAME] [--port N] [--host H] [--seed S] [--h2c]
 * [--keep-alive-timeout SECONDS] [--max-requests-per-connection N]}
 * (parsed by picocli; {@code --help} prints the generated usage). Prints
 * {@code llmbench-simulator listening on http://127.0.0.1:PORT (profile NAME)} and serves until killed; a shutdown hook
 * closes the server. Bad arguments print a message naming the option and what it allows, then the usage, and exit
 * with 2.
 */
public final class SimulatorMain {

    static final int EXIT_USAGE = 2;

    /** The generated usage message (what {@code --help} prints). */
    static final String USAGE = commandLine(new Arguments()).getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();

    private SimulatorMain() {
    }

    /** The options, with picocli's annotations: names, defaults and help text are declared once, here. */
    @Command(name = "java -jar llmbench-simulator.jar", sortOptions = false,
            description = "Serves an OpenAI-compatible LLM API (chat + completions, SSE) driven by a roofline timing model.")
    static final class Arguments {

        @Option(names = "--profile", paramLabel = "NAME", defaultValue = "fast", converter = ProfileName.class,
                completionCandidates = ProfileNames.class,
                description = "timing profile, one of: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
        String profile;

        @Option(names = "--personality", paramLabel = "NAME", defaultValue = "vllm", converter = PersonalityName.class,
                completionCandidates = PersonalityNames.class,
                description = "wire personality (which server's wire format), one of: ${COMPLETION-CANDIDATES} "
                        + "(default ${DEFAULT-VALUE})")
        Personality personality;

        @Option(names = "--port", paramLabel = "N", defaultValue = "0", converter = Port.class,
                description = "TCP port 0..65535, 0 = ephemeral (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", paramLabel = "H", defaultValue = SimulatorConfig.DEFAULT_HOST, converter = NonBlank.class,
                description = "bind address (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SimulatorConfig.DEFAULT_SEED,
                description = "long seed for token texts and faults (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--h2c", description = "serve cleartext HTTP/2 with prior knowledge instead of HTTP/1.1")
        boolean h2c;

        @Option(names = "--keep-alive-timeout", paramLabel = "SECONDS", converter = KeepAliveSeconds.class,
                description = "HTTP/1.1: advertise Keep-Alive: timeout=N and close connections idle for N seconds "
                        + "(`2`, `2s`); 0 = Connection: close on every response (default: idle connections stay open)")
        java.time.Duration keepAliveTimeout;

        @Option(names = "--max-requests-per-connection", paramLabel = "N", defaultValue = "0",
                description = "the most requests one connection serves (nginx's keepalive_requests): HTTP/1.1 answers "
                        + "the last with Connection: close, h2c sends GOAWAY when it arrives; 0 = unlimited (default)")
        int maxRequestsPerConnection;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
        boolean help;

        SimulatorConfig config() {
            return SimulatorConfig.builder(Profile.named(profile)).host(host).port(port).seed(seed).h2cPriorKnowledge(h2c)
                    .personality(personality).keepAliveTimeout(keepAliveTimeout)
                    .maxRequestsPerConnection(maxRequestsPerConnection).build();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Simulator simulator;
        try {
            simulator = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("llmbench-simulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(EXIT_USAGE);
            return;
        } catch (IllegalStateException e) {
            System.err.println("llmbench-simulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (simulator == null) return; // --help
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            forever.countDown();
        }, "llmbench-sim-shutdown"));
        forever.await();
    }

    /**
     * Parses {@code args}, starts the simulator and prints the listening line to {@code out}. For tests and
     * embedding; the caller closes the returned simulator. With {@code --help} it prints the usage to {@code out} and
     * returns null.
     *
     * @throws IllegalArgumentException naming the bad option and the allowed values
     */
    static Simulator start(String[] args, PrintStream out) {
        Arguments a = arguments(args);
        if (a.help) {
            out.println(USAGE);
            out.flush();
            return null;
        }
        SimulatorConfig config = a.config();
        Simulator simulator = Simulator.start(config);
        out.println("llmbench-simulator listening on " + simulator.baseUri() + " (profile " + config.profile().name() + ")");
        out.flush();
        return simulator;
    }

    /**
     * The configuration {@code args} ask for.
     *
     * @throws IllegalArgumentException naming the bad option and the allowed values, or "help requested" for --help
     */
    static SimulatorConfig parse(String[] args) {
        Arguments a = arguments(args);
        if (a.help) throw new IllegalArgumentException("help requested");
        return a.config();
    }

    private static Arguments arguments(String[] args) {
        Arguments a = new Arguments();
        CommandLine cli = commandLine(a);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.MissingParameterException e) {
            throw new IllegalArgumentException("option " + optionName(e) + " needs a value", e);
        } catch (CommandLine.UnmatchedArgumentException e) {
            throw new IllegalArgumentException("unknown option '" + String.join(" ", e.getUnmatched()) + "'; allowed: "
                    + String.join(", ", cli.getCommandSpec().optionsMap().keySet().stream()
                    .filter(n -> n.startsWith("--")).toList()), e);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return a;
    }

    private static String optionName(CommandLine.MissingParameterException e) {
        return e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() : e.getMessage();
    }

    private static CommandLine commandLine(Arguments a) {
        return new CommandLine(a).setUsageHelpWidth(100);
    }

    /** The profile names, for {@code ${COMPLETION-CANDIDATES}} in the help. */
    static final class ProfileNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Profile.NAMES.iterator();
        }
    }

    /** Accepts a known profile name; {@link Profile#named} writes the message that lists the allowed ones. */
    static final class ProfileName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Profile.named(value).name();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The personality names, for {@code ${COMPLETION-CANDIDATES}} in the help. */
    static final class PersonalityNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Personality.NAMES.iterator();
        }
    }

    /** Accepts a known personality name; {@link Personality#named} writes the message that lists the allowed ones. */
    static final class PersonalityName implements CommandLine.ITypeConverter<Personality> {
        @Override
        public Personality convert(String value) {
            try {
                return Personality.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Port implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException("must be an integer in 0..65535, got '" + value + "'");
        }
    }

    /** Whole seconds, with or without an {@code s}: {@code 0}, {@code 5}, {@code 5s}. */
    static final class KeepAliveSeconds implements CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            String v = value.strip();
            if (v.endsWith("s")) v = v.substring(0, v.length() - 1);
            try {
                long seconds = Long.parseLong(v);
                if (seconds >= 0 && seconds <= 86_400) return java.time.Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException("must be whole seconds 0..86400 (`5` or `5s`), got '" + value + "'");
        }
    }

    static final class NonBlank implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) throw new CommandLine.TypeConversionException("must not be blank");
            return value.strip();
        }
    }
}
