package dev.llmbench.harness.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How load is offered to an endpoint. Immutable values; create them with the factory methods.
 *
 * <ul>
 *   <li>{@link #concurrency(int)}: closed loop. N virtual users; each sends its next request when its previous
 *       one ends. {@code t0} is the hand-off to the client.</li>
 *   <li>{@link #arrivalRate(double, ArrivalProcess)}: open loop. Requests arrive at a mean rate (constant,
 *       Poisson or gamma-bursty) whether or not earlier ones have finished, optionally capped by
 *       {@link ArrivalRate#withMaxConcurrency(int)}. {@code t0} is the intended send time from the
 *       {@link ArrivalSchedule}.</li>
 *   <li>{@link #burst(int, int, Duration)}: {@code size} requests at once, repeated {@code repeats} times
 *       every {@code interval} (the leaderboard's one-shot tiers use {@link #burst(int)}).</li>
 * </ul>
 *
 * <p>The runner tells the kinds apart with {@code instanceof}: a {@link Concurrency} runs {@code users()}
 * virtual users; an {@link OpenLoop} model gives its intended send times through {@link OpenLoop#schedule(long)},
 * and {@link #maxConcurrency()} says how many requests may be in flight at once (empty = no cap).
 */
public sealed interface LoadModel permits LoadModel.Concurrency, LoadModel.OpenLoop {

    /** Upper bound for virtual users, max concurrency and burst size. */
    int MAX_CONCURRENCY = 100_000;
    /** Upper bound for an arrival rate, requests per second. */
    double MAX_RATE_PER_SECOND = 1_000_000.0;
    /** Upper bound for burst repeats. */
    int MAX_REPEATS = 100_000;
    /** Upper bound for the interval between bursts. */
    Duration MAX_INTERVAL = Duration.ofDays(1);

    /**
     * Closed loop with {@code users} virtual users.
     *
     * @throws IllegalArgumentException unless {@code users} is in [1, 100000]
     */
    static Concurrency concurrency(int users) {
        return new Concurrency(users);
    }

    /** Closed loop at a named tier: {@code concurrency(tier.concurrency())}. */
    static Concurrency concurrency(NamedTier tier) {
        return concurrency(Objects.requireNonNull(tier, "tier").concurrency());
    }

    /**
     * Open loop at {@code requestsPerSecond} with the given spacing, no concurrency cap.
     *
     * @throws IllegalArgumentException unless the rate is finite and in (0, 1e6], and the process is not null
     */
    static ArrivalRate arrivalRate(double requestsPerSecond, ArrivalProcess process) {
        return new ArrivalRate(requestsPerSecond, process, OptionalInt.empty());
    }

    /**
     * {@code size} requests at once, {@code repeats} times, {@code interval} apart (measured from the start
     * of one burst to the start of the next, whether or not the previous burst has finished).
     *
     * @throws IllegalArgumentException unless size is in [1, 100000], repeats in [1, 100000], and the interval
     *                                  in (0, 1 day] (zero is allowed when repeats is 1)
     */
    static Burst burst(int size, int repeats, Duration interval) {
        return new Burst(size, repeats, interval);
    }

    /** One burst of {@code size} requests sent at once: {@code burst(size, 1, Duration.ZERO)}. */
    static Burst burst(int size) {
        return burst(size, 1, Duration.ZERO);
    }

    /**
     * Rebuilds a model from {@link #toConfig()} output (e.g. read back from a result file).
     *
     * @throws IllegalArgumentException naming the key when a key is missing, of the wrong type or out of range
     */
    static LoadModel fromConfig(Map<String, ?> config) {
        return Configs.fromConfig(config);
    }

    /**
     * Rebuilds a model from {@link #toConfig()} output (e.g. read back from a result file).
     *
     * @throws IllegalArgumentException naming the key when a field is missing or out of range
     */
    static LoadModel fromConfig(LoadConfig config) {
        if (config == null) throw new IllegalArgumentException("load model config must not be null");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", config.type());
        m.put("users", config.users());
        m.put("rate_per_second", config.ratePerSecond());
        m.put("process", config.process());
        m.put("burstiness", config.burstiness());
        m.put("max_concurrency", config.maxConcurrency());
        m.put("size", config.size());
        m.put("repeats", config.repeats());
        m.put("interval_seconds", config.intervalSeconds());
        m.values().removeIf(java.util.Objects::isNull);
        return Configs.fromConfig(m);
    }

    /** {@code "concurrency"}, {@code "arrival_rate"} or {@code "burst"}. */
    String type();

    /** One line for logs and reports, e.g. {@code "arrival rate 10 req/s, gamma (burstiness 0.5), max concurrency 64"}. */
    String describe();

    /**
     * The model as a result file records it, e.g.
     * {@code {type: arrival_rate, rate_per_second: 10.0, process: GAMMA, burstiness: 0.5, max_concurrency: 64}}.
     */
    LoadConfig toConfig();

    /**
     * The most requests this model allows in flight at once: the users of a closed loop, the optional cap of
     * an arrival rate; empty for bursts and uncapped arrival rates (the runner must not limit them).
     */
    OptionalInt maxConcurrency();

    /** Open-loop models: their requests go at intended times given by a schedule. */
    sealed interface OpenLoop extends LoadModel permits ArrivalRate, Burst {
        /**
         * A fresh schedule of intended send offsets. The same seed always gives the same offsets; a different
         * seed gives different ones for random processes (constant and burst schedules ignore the seed).
         */
        ArrivalSchedule schedule(long seed);
    }

    /**
     * Closed loop: {@code users} virtual users, each sending its next request when its previous one ends.
     *
     * @param users virtual users, in [1, 100000]
     */
    record Concurrency(int users) implements LoadModel {
        public Concurrency {
            Numbers.intInRange("users (concurrency)", users, 1, MAX_CONCURRENCY);
        }

        @Override
        public String type() {
            return "concurrency";
        }

        @Override
        public String describe() {
            return "concurrency " + users + " (closed loop, " + users + (users == 1 ? " virtual user)" : " virtual users)");
        }

        @Override
        public LoadConfig toConfig() {
            return LoadConfig.concurrency(users);
        }

        @Override
        public OptionalInt maxConcurrency() {
            return OptionalInt.of(users);
        }
    }

    /**
     * Open loop at a mean rate.
     *
     * @param requestsPerSecond mean arrival rate, finite, in (0, 1e6]
     * @param process           how arrivals are spaced
     * @param maxConcurrency    optional cap on requests in flight, in [1, 100000]; when reached, arrivals wait
     *                          (their queue delay grows; latency still counts from the intended time)
     */
    record ArrivalRate(double requestsPerSecond, ArrivalProcess process, OptionalInt maxConcurrency)
            implements OpenLoop {
        public ArrivalRate {
            Numbers.positiveFinite("requestsPerSecond (rate)", requestsPerSecond, MAX_RATE_PER_SECOND);
            Objects.requireNonNull(process, "process must not be null (CONSTANT, POISSON or gamma(burstiness))");
            Objects.requireNonNull(maxConcurrency, "maxConcurrency must not be null (use OptionalInt.empty())");
            if (maxConcurrency.isPresent()) {
                Numbers.intInRange("maxConcurrency", maxConcurrency.getAsInt(), 1, MAX_CONCURRENCY);
            }
        }

        /** The same model with at most {@code maxConcurrency} requests in flight, in [1, 100000]. */
        public ArrivalRate withMaxConcurrency(int maxConcurrency) {
            return new ArrivalRate(requestsPerSecond, process, OptionalInt.of(maxConcurrency));
        }

        /** The same model without a concurrency cap. */
        public ArrivalRate withoutMaxConcurrency() {
            return new ArrivalRate(requestsPerSecond, process, OptionalInt.empty());
        }

        /** Mean gap between intended sends, {@code 1e9 / requestsPerSecond} nanoseconds. */
        public double meanIntervalNanos() {
            return 1e9 / requestsPerSecond;
        }

        @Override
        public ArrivalSchedule schedule(long seed) {
            return Schedules.forArrivalRate(requestsPerSecond, process, seed);
        }

        @Override
        public String type() {
            return "arrival_rate";
        }

        @Override
        public String describe() {
            String s = "arrival rate " + Numbers.fmt(requestsPerSecond) + " req/s, " + process.describe();
            if (maxConcurrency.isPresent()) s += ", max concurrency " + maxConcurrency.getAsInt();
            return s + " (open loop)";
        }

        @Override
        public LoadConfig toConfig() {
            return new LoadConfig(type(), null, requestsPerSecond, process.name(),
                    process instanceof ArrivalProcess.Gamma g ? g.burstiness() : null,
                    maxConcurrency.isPresent() ? maxConcurrency.getAsInt() : null, null, null, null);
        }
    }

    /**
     * {@code size} requests at once, repeated {@code repeats} times, {@code interval} apart.
     *
     * @param size     requests per burst, in [1, 100000]
     * @param repeats  number of bursts, in [1, 100000]
     * @param interval start-to-start gap between bursts, in (0, 1 day]; may be zero when repeats is 1
     */
    record Burst(int size, int repeats, Duration interval) implements OpenLoop {
        public Burst {
            Numbers.intInRange("size (burst)", size, 1, MAX_CONCURRENCY);
            Numbers.intInRange("repeats", repeats, 1, MAX_REPEATS);
            Objects.requireNonNull(interval, "interval must not be null");
            if (interval.isNegative() || interval.compareTo(MAX_INTERVAL) > 0) {
                throw new IllegalArgumentException("interval must be in [0s, 1 day] (PT0S..PT24H), was " + interval);
            }
            if (repeats > 1 && interval.isZero()) {
                throw new IllegalArgumentException("interval must be > 0 when repeats > 1 (repeats was " + repeats
                        + "); for one larger burst raise size instead");
            }
        }

        /** {@code size · repeats}. */
        public long totalRequests() {
            return (long) size * repeats;
        }

        /** Burst schedules are fixed; the seed is ignored. */
        @Override
        public ArrivalSchedule schedule(long seed) {
            return Schedules.forBurst(size, repeats, interval.toNanos());
        }

        @Override
        public String type() {
            return "burst";
        }

        @Override
        public String describe() {
            String s = "burst of " + size + (size == 1 ? " request" : " requests") + " at once";
            if (repeats > 1) s += ", " + repeats + " times every " + Numbers.fmt(interval);
            return s + " (open loop)";
        }

        @Override
        public LoadConfig toConfig() {
            return new LoadConfig(type(), null, null, null, null, null, size, repeats, interval.toNanos() / 1e9);
        }

        @Override
        public OptionalInt maxConcurrency() {
            return OptionalInt.empty();
        }
    }
}
