package dev.llmbench.simulator;

/**
 * How to start a {@link Simulator}. Immutable and thread-safe; build one with {@link #builder(Profile)}.
 *
 * @param profile            hardware/model figures and timing
 * @param host               address to bind, default {@code 127.0.0.1}
 * @param port               TCP port, 0 = ephemeral
 * @param seed               seed for token texts and fault choices
 * @param requestsPerMinute  RPM limit over a sliding 60 s window, 0 = unlimited
 * @param tokensPerMinute    TPM limit (prompt + max output tokens of admitted requests) over a sliding 60 s window,
 *                           0 = unlimited
 * @param faultPlan          random faults; {@link FaultPlan#none()} for none
 * @param recordEmitTimes    whether to keep the true emit time of every text chunk in the {@link EmitLog}
 * @param emitLogCapacity    responses the emit log keeps before dropping the oldest (bounds memory)
 * @param ioThreads          I/O reactor threads, 0 = one per available processor
 * @param h2cPriorKnowledge  serve cleartext HTTP/2 with prior knowledge (h2c) instead of HTTP/1.1 on the port.
 *                           HttpCore 5.4 cannot sniff the h2 preface on a cleartext port, so it is one or the other
 * @param personality        which real server's wire behaviour to reproduce; {@link Personality#VLLM} by default
 * @param keepAliveTimeout   HTTP/1.1 connection lifecycle, orthogonal to the personality: null (the default) keeps
 *                           idle connections open and advertises nothing; zero answers every response with
 *                           {@code Connection: close} and closes the connection after it (nginx's
 *                           {@code keepalive_timeout 0}); whole seconds N advertise {@code Keep-Alive: timeout=N} and
 *                           close a connection that stays idle (no request under way) for N seconds (uvicorn's
 *                           {@code --timeout-keep-alive}, nginx's {@code keepalive_timeout}). Ignored with h2c
 * @param maxRequestsPerConnection the most requests one connection serves, 0 = unlimited (the default), as nginx's
 *                           {@code keepalive_requests}: over HTTP/1.1 the last is answered with {@code Connection: close};
 *                           over h2c its arrival starts a graceful shutdown (GOAWAY naming it the last stream)
 * @param rateLimitWindow    the sliding window of the RPM/TPM limits; null = 60 s (a hosted API's). A shorter window
 *                           scales the limits to it (600 RPM over 1 s admits 10 requests in any 1 s), so a test of a few
 *                           seconds sees a steady rate limit instead of a one-minute quota
 */
public record SimulatorConfig(
        Profile profile,
        String host,
        int port,
        long seed,
        int requestsPerMinute,
        long tokensPerMinute,
        FaultPlan faultPlan,
        boolean recordEmitTimes,
        int emitLogCapacity,
        int ioThreads,
        boolean h2cPriorKnowledge,
        Personality personality,
        java.time.Duration keepAliveTimeout,
        int maxRequestsPerConnection,
        java.time.Duration rateLimitWindow) {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42L;
    /** The bind address used when none is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public SimulatorConfig {
        if (profile == null) {
            throw new IllegalArgumentException("profile must not be null");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute and tokensPerMinute must be >= 0 (0 = unlimited)");
        }
        if (emitLogCapacity < 1) {
            throw new IllegalArgumentException("emitLogCapacity must be >= 1, got " + emitLogCapacity);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0 (0 = one per processor), got " + ioThreads);
        }
        if (faultPlan == null) {
            faultPlan = FaultPlan.none();
        }
        if (personality == null) {
            personality = Personality.VLLM;
        }
        if (maxRequestsPerConnection < 0) {
            throw new IllegalArgumentException("maxRequestsPerConnection must be >= 0 (0 = unlimited), got " + maxRequestsPerConnection);
        }
        if (rateLimitWindow != null && (rateLimitWindow.isNegative() || rateLimitWindow.isZero()
                || rateLimitWindow.compareTo(java.time.Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException("rateLimitWindow must be in (0, 60 s] (null = 60 s), got " + rateLimitWindow);
        }
        if (keepAliveTimeout != null && (keepAliveTimeout.isNegative() || keepAliveTimeout.toNanosPart() != 0)) {
            throw new IllegalArgumentException("keepAliveTimeout must be whole seconds >= 0 (Keep-Alive: timeout= counts "
                    + "seconds), got " + keepAliveTimeout);
        }
    }

    /** Defaults: 127.0.0.1, ephemeral port, seed 42, no limits, no faults, emit times recorded, the vllm personality. */
    public static Builder builder(Profile profile) {
        return new Builder(profile);
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private final Profile profile;
        private String host = DEFAULT_HOST;
        private int port;
        private long seed = DEFAULT_SEED;
        private int requestsPerMinute;
        private long tokensPerMinute;
        private FaultPlan faultPlan = FaultPlan.none();
        private boolean recordEmitTimes = true;
        private int emitLogCapacity = 100_000;
        private int ioThreads;
        private boolean h2cPriorKnowledge;
        private Personality personality = Personality.VLLM;
        private java.time.Duration keepAliveTimeout;
        private int maxRequestsPerConnection;
        private java.time.Duration rateLimitWindow;

        private Builder(Profile profile) {
            this.profile = profile;
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder requestsPerMinute(int rpm) { this.requestsPerMinute = rpm; return this; }
        public Builder tokensPerMinute(long tpm) { this.tokensPerMinute = tpm; return this; }
        public Builder faultPlan(FaultPlan plan) { this.faultPlan = plan; return this; }
        public Builder recordEmitTimes(boolean record) { this.recordEmitTimes = record; return this; }
        public Builder emitLogCapacity(int responses) { this.emitLogCapacity = responses; return this; }
        public Builder ioThreads(int threads) { this.ioThreads = threads; return this; }
        public Builder h2cPriorKnowledge(boolean h2c) { this.h2cPriorKnowledge = h2c; return this; }
        public Builder personality(Personality personality) { this.personality = personality; return this; }
        /** See {@link SimulatorConfig#keepAliveTimeout()}: null = never close idle connections, 0 = {@code Connection: close}. */
        public Builder keepAliveTimeout(java.time.Duration timeout) { this.keepAliveTimeout = timeout; return this; }
        /** See {@link SimulatorConfig#maxRequestsPerConnection()}: 0 = unlimited. */
        public Builder maxRequestsPerConnection(int n) { this.maxRequestsPerConnection = n; return this; }

        /** See {@link SimulatorConfig#rateLimitWindow()}: null = 60 s. */
        public Builder rateLimitWindow(java.time.Duration window) { this.rateLimitWindow = window; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(profile, host, port, seed, requestsPerMinute, tokensPerMinute, faultPlan,
                    recordEmitTimes, emitLogCapacity, ioThreads, h2cPriorKnowledge, personality, keepAliveTimeout,
                    maxRequestsPerConnection, rateLimitWindow);
        }
    }
}
