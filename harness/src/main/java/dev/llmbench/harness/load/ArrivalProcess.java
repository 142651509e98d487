package dev.llmbench.harness.load;

import java.util.Locale;

/**
 * How open-loop requests are spaced in time at a given mean rate.
 *
 * <ul>
 *   <li>{@link #CONSTANT}: evenly spaced, one request every {@code 1/rate} seconds.</li>
 *   <li>{@link #POISSON}: a Poisson process; exponential inter-arrival times with mean {@code 1/rate}
 *       (coefficient of variation 1).</li>
 *   <li>{@link #gamma(double)}: gamma-distributed inter-arrival times with the convention of vLLM's
 *       {@code bench serve}: shape = burstiness, scale = 1/(rate·burstiness), so the mean stays
 *       {@code 1/rate} and the coefficient of variation is {@code 1/sqrt(burstiness)}. Burstiness 1 is
 *       Poisson, below 1 is burstier, above 1 is more uniform (tending to constant).</li>
 * </ul>
 */
public sealed interface ArrivalProcess permits ArrivalProcess.Constant, ArrivalProcess.Poisson, ArrivalProcess.Gamma {

    /** Smallest accepted burstiness. */
    double MIN_BURSTINESS = 1e-3;
    /** Largest accepted burstiness. */
    double MAX_BURSTINESS = 1e6;

    /** Evenly spaced arrivals. */
    ArrivalProcess CONSTANT = new Constant();
    /** Poisson arrivals (exponential gaps). */
    ArrivalProcess POISSON = new Poisson();

    /**
     * Gamma-distributed gaps with the given burstiness (vLLM convention; 1 = Poisson, &lt; 1 burstier,
     * &gt; 1 more uniform).
     *
     * @throws IllegalArgumentException unless {@code burstiness} is finite and in [0.001, 1e6]
     */
    static ArrivalProcess gamma(double burstiness) {
        return new Gamma(burstiness);
    }

    /**
     * Parses {@code "constant"}, {@code "poisson"} or {@code "gamma:<burstiness>"} (case-insensitive), e.g.
     * {@code "gamma:0.5"}.
     *
     * @throws IllegalArgumentException naming the allowed forms when the text is not one of them
     */
    static ArrivalProcess parse(String text) {
        String allowed = "allowed: constant, poisson, gamma:<burstiness> (e.g. gamma:0.5)";
        if (text == null) throw new IllegalArgumentException("arrival process must not be null; " + allowed);
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("constant")) return CONSTANT;
        if (t.equals("poisson")) return POISSON;
        if (t.startsWith("gamma:") || t.startsWith("gamma(") && t.endsWith(")")) {
            String num = t.startsWith("gamma:") ? t.substring(6) : t.substring(6, t.length() - 1);
            double b;
            try {
                b = Double.parseDouble(num.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("arrival process '" + text + "': burstiness '" + num
                        + "' is not a number; " + allowed);
            }
            return gamma(b);
        }
        throw new IllegalArgumentException("unknown arrival process '" + text + "'; " + allowed);
    }

    /** The process name used in configs: {@code "constant"}, {@code "poisson"} or {@code "gamma"}. */
    String name();

    /**
     * The gamma shape that describes this process: +infinity for constant, 1 for Poisson, the burstiness for
     * gamma. The coefficient of variation of the gaps is {@code 1/sqrt(burstiness())}.
     */
    double burstiness();

    /** Short human-readable form, e.g. {@code "gamma (burstiness 0.5)"}. */
    String describe();

    /** Evenly spaced arrivals. */
    record Constant() implements ArrivalProcess {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public double burstiness() {
            return Double.POSITIVE_INFINITY;
        }

        @Override
        public String describe() {
            return "constant";
        }
    }

    /** Poisson arrivals: exponential gaps. */
    record Poisson() implements ArrivalProcess {
        @Override
        public String name() {
            return "poisson";
        }

        @Override
        public double burstiness() {
            return 1.0;
        }

        @Override
        public String describe() {
            return "poisson";
        }
    }

    /**
     * Gamma-distributed gaps, shape = burstiness, scale = 1/(rate·burstiness).
     *
     * @param burstiness gamma shape, finite, in [0.001, 1e6]
     */
    record Gamma(double burstiness) implements ArrivalProcess {
        public Gamma {
            if (Double.isNaN(burstiness) || burstiness < MIN_BURSTINESS || burstiness > MAX_BURSTINESS) {
                throw new IllegalArgumentException("burstiness must be a finite number in [" + Numbers.fmt(MIN_BURSTINESS)
                        + ", " + Numbers.fmt(MAX_BURSTINESS) + "] (1 = Poisson, < 1 burstier, > 1 more uniform), was "
                        + burstiness);
            }
        }

        @Override
        public String name() {
            return "gamma";
        }

        @Override
        public String describe() {
            return "gamma (burstiness " + Numbers.fmt(burstiness) + ")";
        }
    }
}
