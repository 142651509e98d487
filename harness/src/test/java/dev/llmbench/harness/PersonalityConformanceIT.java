package dev.llmbench.harness;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Personality;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness against each simulator wire personality (vllm, llamacpp, openai), one request at a time and eight at
 * once: every request succeeds and the output token count is the server's usage, exactly.
 */
class PersonalityConformanceIT {

    private static final int REQUESTS = 24;
    private static final int OUTPUT = 8;

    @ParameterizedTest(name = "{0} at concurrency {1}")
    @CsvSource({"vllm, 1", "vllm, 8", "openai, 1", "openai, 8"})
    void everyRequestSucceedsAndCountsTheServersUsage(String personality, int concurrency) {
        // The OpenAI API refuses min_tokens and ignore_eos, so a run against it must not send them.
        boolean openai = personality.equals("openai");
        BenchmarkResult r = run(Personality.named(personality), concurrency,
                b -> b.sendsMinTokens(!openai).sendsIgnoreEos(!openai));

        assertThat(r.counts().failedByKind()).allSatisfy((kind, n) -> assertThat(n).as(kind.toString()).isZero());
        assertThat(r.counts().succeeded()).isEqualTo(REQUESTS);
        assertThat(r.tokens().output()).isEqualTo((long) REQUESTS * OUTPUT);
        assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(REQUESTS);
    }

    /**
     * llama.cpp closes the connection after every streamed response although it advertises keep-alive: a request the
     * client puts on such a pooled connection never reaches the server and is sent again once on a fresh connection
     * (counted in {@code reconnects}), so nothing fails, and every request counts the server's usage (on the final
     * chunk, beside {@code finish_reason}) exactly.
     */
    @ParameterizedTest(name = "llamacpp at concurrency {0}")
    @CsvSource({"1", "8"})
    void llamacppRunsWithoutFailuresAndCountsTheServersUsageOnTheFinalChunk(int concurrency) {
        BenchmarkResult r = run(Personality.LLAMACPP, concurrency, UnaryOperator.identity());

        assertThat(r.counts().failed()).as("failures by kind: " + r.counts().failedByKind()).isZero();
        assertThat(r.tokens().output()).isEqualTo((long) REQUESTS * OUTPUT);
        assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(REQUESTS);
    }

    @ParameterizedTest(name = "at concurrency {0}")
    @CsvSource({"1", "8"})
    void aDefaultRunAgainstOpenAiSendsMinTokensAndGets400sTypedAsHttpStatus(int concurrency) {
        BenchmarkResult r = run(Personality.OPENAI, concurrency, UnaryOperator.identity());

        assertThat(r.counts().succeeded()).isZero();
        assertThat(r.counts().failedByKind().get(FailureKind.HTTP_STATUS)).isEqualTo(REQUESTS);
    }

    private static BenchmarkResult run(Personality personality, int concurrency, UnaryOperator<EndpointConfig.Builder> endpoint) {
        try (Simulator sim = Simulator.start(SimulatorConfig.builder(Profile.fast()).personality(personality).build())) {
            return Benchmark.builder("personality-" + personality.wireName() + "-c" + concurrency)
                    .endpoint(endpoint.apply(EndpointConfig.builder(sim.baseUri().toString())).build())
                    .model(sim.profile().modelName())
                    .load(LoadModel.concurrency(concurrency))
                    .promptShape(RequestShape.of(16, OUTPUT))
                    .maxRequests(REQUESTS)
                    .build()
                    .run();
        }
    }
}
