package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.endpoint.EndpointConfig;
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
                .endpoint(EndpointConfig.builder(sim.baseUri().toString()).build())
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
}
