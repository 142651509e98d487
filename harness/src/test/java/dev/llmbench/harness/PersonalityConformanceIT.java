package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Personality;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness against each simulator wire personality (vllm, llamacpp, openai, tgi, ollama), one request at a time and
 * fifty at once: every request succeeds, the output token count is the server's usage exactly, and every output chunk
 * is timestamped after the simulator wrote it and soon after.
 *
 * <p>llama.cpp closes the connection after every streamed response although it advertises keep-alive: a request the
 * client puts on such a pooled connection never reaches the server and is sent again once on a fresh connection
 * (counted in {@code reconnects}), so nothing fails there either.
 */
class PersonalityConformanceIT {

    private static final int OUTPUT = 8;

    @ParameterizedTest(name = "{0} at concurrency {1}, {2} requests")
    @CsvSource({
            "vllm, 1, 24", "vllm, 50, 150",
            "llamacpp, 1, 24", "llamacpp, 50, 150",
            "openai, 1, 24", "openai, 50, 150",
            "tgi, 1, 24", "tgi, 50, 150",
            "ollama, 1, 24", "ollama, 50, 150"})
    void everyRequestSucceedsCountsTheServersUsageAndIsTimedAfterItsEmit(String personality, int concurrency, int requests) {
        // The OpenAI API refuses min_tokens and ignore_eos, so a run against it must not send them.
        boolean openai = personality.equals("openai");
        ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
        List<long[]> emitted = new ArrayList<>();
        BenchmarkResult r;
        try (Simulator sim = start(Personality.named(personality))) {
            r = benchmark(sim, concurrency, requests, b -> b.sendsMinTokens(!openai).sendsIgnoreEos(!openai))
                    .onRequest(seen::add).build().run();
            // The simulator sends its own id of every response in x-request-id (TGI's chunks have an empty id).
            for (RequestTimeline t : seen) {
                emitted.add(sim.emitLog().take(t.rateLimitHeaders().get("x-request-id")));
            }
        }

        assertThat(r.counts().failedByKind()).allSatisfy((kind, n) -> assertThat(n).as(kind.toString()).isZero());
        assertThat(r.counts().succeeded()).isEqualTo(requests);
        assertThat(r.tokens().output()).isEqualTo((long) requests * OUTPUT);
        assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(requests);

        assertThat(seen).hasSize(requests);
        int i = 0;
        for (RequestTimeline t : seen) {
            long[] emits = emitted.get(i++);
            assertThat(t.usageOutputTokens()).as("usage of %s", t.responseId()).isEqualTo(OUTPUT);
            assertThat(t.chunkCount()).as("output chunks").isEqualTo(OUTPUT);
            assertThat(emits).as("emit log of %s", t.rateLimitHeaders()).hasSize(t.chunkCount());
            for (int c = 0; c < emits.length; c++) {
                assertThat(t.chunkNanos(c) - emits[c]).as("chunk %d: arrival − emit", c)
                        .isNotNegative()
                        // generous sanity bound, as OpenAiEndpointIT's: a shared 2-core machine can stall a thread
                        .isLessThan(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    @ParameterizedTest(name = "at concurrency {0}")
    @CsvSource({"1", "8"})
    void aDefaultRunAgainstOpenAiSendsMinTokensAndGets400sTypedAsHttpStatus(int concurrency) {
        int requests = 24;
        BenchmarkResult r;
        try (Simulator sim = start(Personality.OPENAI)) {
            r = benchmark(sim, concurrency, requests, UnaryOperator.identity()).build().run();
        }

        assertThat(r.counts().succeeded()).isZero();
        assertThat(r.counts().failedByKind().get(FailureKind.HTTP_STATUS)).isEqualTo(requests);
    }

    private static Simulator start(Personality personality) {
        return Simulator.start(SimulatorConfig.builder(Profile.fast()).personality(personality).build());
    }

    private static Benchmark.Builder benchmark(Simulator sim, int concurrency, int requests,
                                               UnaryOperator<EndpointConfig.Builder> endpoint) {
        return Benchmark.builder("personality-" + sim.config().personality().wireName() + "-c" + concurrency)
                .endpoint(endpoint.apply(EndpointConfig.builder(sim.baseUri().toString())).build())
                .model(sim.profile().modelName())
                .load(LoadModel.concurrency(concurrency))
                .promptShape(RequestShape.of(16, OUTPUT))
                .maxRequests(requests);
    }
}
