package dev.llmbench.simulator;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every exchange of one simulator shares: configuration, the step loop, the emit log, id counters and
 * statistics counters. Thread-safe (final fields, atomic counters, thread-safe collaborators).
 */
final class ServerState {

    final SimulatorConfig config;
    final RequestParser parser;
    final StepLoop stepLoop;
    final EmitLog emitLog;
    final RateLimiter rateLimiter;
    final byte[] modelsBody;
    final ConnectionLifecycle lifecycle;

    /** Numbers responses: chatcmpl-1, cmpl-2, ... unique per server. */
    final AtomicLong responseIds = new AtomicLong();
    /** Numbers generation requests in arrival order, for the fault plan. */
    final AtomicLong requestNumbers = new AtomicLong();

    final LongAdder accepted = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder tokensEmitted = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder closedIdle = new LongAdder();

    ServerState(SimulatorConfig config, StepLoop stepLoop) {
        this.config = config;
        this.parser = new RequestParser(config.profile(), config.personality());
        this.stepLoop = stepLoop;
        this.emitLog = new EmitLog(config.emitLogCapacity(), config.recordEmitTimes());
        this.rateLimiter = new RateLimiter(config.requestsPerMinute(), config.tokensPerMinute(),
                config.rateLimitWindow() == null ? RateLimiter.WINDOW_NANOS : config.rateLimitWindow().toNanos());
        this.lifecycle = new ConnectionLifecycle(config.h2cPriorKnowledge() ? null : config.keepAliveTimeout(),
                config.maxRequestsPerConnection());
        long created = System.currentTimeMillis() / 1000;
        this.modelsBody = ("{\"object\":\"list\",\"data\":[{\"id\":" + Json.quote(config.profile().modelName())
                + ",\"object\":\"model\",\"created\":" + created + ",\"owned_by\":\"llmbench-simulator\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    SimulatorStats stats() {
        long steps = stepLoop.steps();
        return new SimulatorStats(accepted.sum(), completed.sum(), rejected.sum(), rateLimited.sum(),
                stepLoop.activeCount(), stepLoop.queuedCount(), stepLoop.kvTokensInUse(),
                stepLoop.tokensGenerated(), tokensEmitted.sum(), steps,
                steps == 0 ? 0 : stepLoop.lagSumNanos() / 1e3 / steps,
                stepLoop.lagMaxNanos() / 1_000,
                steps == 0 ? 0 : stepLoop.workSumNanos() / 1e3 / steps, connections.sum(),
                closedIdle.sum());
    }
}
