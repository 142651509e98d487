package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.HttpVersion;
import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against servers that end connections on their own terms (the simulator's {@code keepAliveTimeout}):
 * an idle timeout it advertises ({@code Keep-Alive: timeout=N}) and {@code Connection: close} on every response.
 */
class ConnectionLifecycleIT {

    private static Simulator start(Duration keepAlive) {
        return Simulator.start(SimulatorConfig.builder(Profile.fast()).keepAliveTimeout(keepAlive).build());
    }

    private static BenchmarkResult run(Simulator sim, LoadModel load, int requests) {
        return Benchmark.builder("lifecycle")
                .endpoint(EndpointConfig.builder(sim.baseUri().toString())
                        .httpVersion(sim.config().h2cPriorKnowledge() ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1).build())
                .model(sim.profile().modelName())
                .load(load)
                .promptShape(RequestShape.of(8, 4))
                .maxRequests(requests)
                .build()
                .run();
    }

    /**
     * One request every 1.05 s against a server that closes connections idle for 1 s: each gap is just longer than the
     * server's timeout. The pool keeps a connection only half the advertised timeout (timeouts of 2 s and less are
     * halved, longer ones lose a second: {@link KeepAlive}), so it never leases one the server is closing: every request
     * gets a fresh connection, nothing fails and nothing needs a reconnect, while the server still closes each idle
     * connection the pool left behind (the pool drops an expired connection when it next leases, not at its expiry).
     * On loopback HttpClient's own reading of {@code Keep-Alive: timeout=1} (no margin) passes this too, since the
     * server's clock starts when it wrote the response's end, hardly before ours; the margin is for real networks, where
     * the response's last bytes take a while to arrive and the server's close takes a while to be seen.
     */
    @Test
    void requestsAfterIdleGapsLongerThanTheServersKeepAliveTimeoutNeitherFailNorReconnect() {
        try (Simulator sim = start(Duration.ofSeconds(1))) {
            BenchmarkResult r = run(sim, LoadModel.arrivalRate(1 / 1.05, ArrivalProcess.CONSTANT), 5);

            assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
            assertThat(r.counts().succeeded()).isEqualTo(5);
            assertThat(r.counts().reconnects()).as("the pool never offered a connection past its keep-alive").isZero();
            assertThat(sim.stats().connectionsClosedIdle()).as("the server did close idle connections").isPositive();
        }
    }

    /** {@code Connection: close} on every response: the client never puts a request on such a connection. */
    @ParameterizedTest(name = "at concurrency {0}")
    @ValueSource(ints = {1, 4})
    void aServerThatAnswersConnectionCloseEveryTimeGivesNoFailuresAndNoReconnects(int concurrency) {
        try (Simulator sim = start(Duration.ZERO)) {
            BenchmarkResult r = run(sim, LoadModel.concurrency(concurrency), 200);

            assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
            assertThat(r.counts().succeeded()).isEqualTo(200);
            assertThat(r.counts().reconnects()).isZero();
        }
    }

    /**
     * HTTP/1.1 against a server that serves 5 requests a connection (nginx's {@code keepalive_requests}): the fifth is
     * answered with {@code Connection: close}, and the client opens a new connection for the sixth.
     */
    @ParameterizedTest(name = "at concurrency {0}")
    @ValueSource(ints = {1, 4})
    void aServerThatEndsEachConnectionAfterFiveRequestsGivesNoFailuresAndNoReconnects(int concurrency) {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).maxRequestsPerConnection(5).build())) {
            BenchmarkResult r = run(sim, LoadModel.concurrency(concurrency), 200);

            assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
            assertThat(r.counts().succeeded()).isEqualTo(200);
            assertThat(r.counts().reconnects()).isZero();
        }
    }

    /**
     * HTTP/2 (h2c) against a server that shuts each connection down gracefully when its fifth stream arrives: a GOAWAY
     * names the last stream it will process (HttpCore: the highest it has received); the streams up to it finish on the
     * old connection and new requests go to a new one. A stream the client opened after the server's GOAWAY left would
     * be failed by the client as not executed and sent again once on a new connection (a reconnect); on loopback the
     * client learns of the GOAWAY before its next stream, so that window is rarely hit and reconnects are usually 0.
     * Nothing fails, and the server answered every request exactly once.
     */
    @ParameterizedTest(name = "at concurrency {0}")
    @ValueSource(ints = {1, 8})
    void http2GoawayMidRunFailsNoRequest(int concurrency) {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).h2cPriorKnowledge(true)
                .maxRequestsPerConnection(5).build())) {
            BenchmarkResult r = run(sim, LoadModel.concurrency(concurrency), 200);

            assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
            assertThat(r.counts().succeeded()).isEqualTo(200);
            assertThat(sim.stats().requestsCompleted()).as("every request was answered once, by the server")
                    .isEqualTo(200);
            // Each connection served its 5 requests and the streams the client had opened before the GOAWAY came
            // (at most concurrency - 1 more), then was replaced: GOAWAY happened all through the run.
            assertThat(sim.stats().connectionsOpened()).isGreaterThanOrEqualTo(200 / (5 + concurrency - 1));
            assertThat(r.counts().reconnects()).as("a stream the server never processed is sent again and counted")
                    .isLessThanOrEqualTo(r.counts().succeeded());
        }
    }
}
