package dev.llmbench.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar llmbench-simulator.jar --profile NAME --port N [--host H] [--seed S] [--h2c]}.
 * Prints {@code llmbench-simulator listening on http://127.0.0.1:PORT (profile NAME)} and serves until killed;
 * a shutdown hook closes the server. Bad arguments print a usage message naming the option and exit with 2.
 */
public final class SimulatorMain {

    static final int EXIT_USAGE = 2;

    static final String USAGE = "usage: java -jar llmbench-simulator.jar --profile NAME --port N [--host H] [--seed S] [--h2c]\n"
            + "  --profile  one of " + String.join(", ", Profile.NAMES) + " (default fast)\n"
            + "  --port     TCP port 0..65535, 0 = ephemeral (default 0)\n"
            + "  --host     bind address (default 127.0.0.1)\n"
            + "  --seed     long seed for token texts and faults (default " + SimulatorConfig.DEFAULT_SEED + ")\n"
            + "  --h2c      serve cleartext HTTP/2 with prior knowledge instead of HTTP/1.1";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
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
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            forever.countDown();
        }, "llmbench-sim-shutdown"));
        forever.await();
    }

    /**
     * Parses {@code args}, starts the simulator and prints the listening line to {@code out}. For tests and
     * embedding; the caller closes the returned simulator.
     *
     * @throws IllegalArgumentException naming the bad option and the allowed values
     */
    static Simulator start(String[] args, PrintStream out) {
        SimulatorConfig config = parse(args);
        Simulator simulator = Simulator.start(config);
        out.println("llmbench-simulator listening on " + simulator.baseUri() + " (profile " + config.profile().name() + ")");
        out.flush();
        return simulator;
    }

    static SimulatorConfig parse(String[] args) {
        String profileName = "fast";
        String host = SimulatorConfig.DEFAULT_HOST;
        int port = 0;
        long seed = SimulatorConfig.DEFAULT_SEED;
        boolean h2c = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("help requested");
            }
            if (option.equals("--h2c")) {
                h2c = true;
                continue;
            }
            if (!option.equals("--profile") && !option.equals("--port") && !option.equals("--host")
                    && !option.equals("--seed")) {
                throw new IllegalArgumentException("unknown option '" + option + "'; allowed: --profile, --port, --host, --seed, --h2c");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--profile":
                    Profile.named(value); // validates, naming the allowed profiles
                    profileName = value;
                    break;
                case "--port":
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port must be an integer in 0..65535, got '" + value + "'");
                    }
                    break;
                case "--host":
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--host must not be blank");
                    }
                    host = value;
                    break;
                default: // --seed
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be a long integer, got '" + value + "'");
                    }
            }
        }
        return SimulatorConfig.builder(Profile.named(profileName)).host(host).port(port).seed(seed).h2cPriorKnowledge(h2c).build();
    }
}
