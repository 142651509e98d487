package dev.llmbench.harness.endpoint;

import dev.llmbench.harness.endpoint.http.HttpStreamingEndpoint;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.RequestTimeline.Outcome;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI endpoint against the embedded simulator on loopback: what a streamed, timed request records. */
class OpenAiEndpointIT {

    private static Simulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = Simulator.start(Profile.fast());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static GenerationRequest request(int maxTokens, boolean stream) {
        return new GenerationRequest("fast-sim-0.5b", "Say something about the sea.", 7, maxTokens, 0, stream, Map.of());
    }

    private static HttpStreamingEndpoint endpoint(WireProtocol protocol, EndpointConfig.Builder config) {
        return new HttpStreamingEndpoint(config.build(), protocol, 4);
    }

    private static EndpointConfig.Builder config() {
        return EndpointConfig.builder(simulator.baseUri().toString());
    }

    @Test
    void aStreamedChatRequestRecordsEveryTokenChunkWithServerUsage() throws Exception {
        try (var endpoint = endpoint(OpenAiProtocol.chat(), config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(16, true), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(t.failure()).isNull();
            assertThat(t.chunkCount()).as("the role-only first chunk does not count").isEqualTo(16);
            assertThat(t.usageOutputTokens()).isEqualTo(16);
            assertThat(t.outputTokenSource()).isEqualTo(TokenSource.USAGE);
            assertThat(t.usageInputTokens()).isPositive();
            assertThat(t.responseId()).startsWith("chatcmpl-");
            assertThat(t.httpStatus()).isEqualTo(200);
            assertThat(t.sentNanos()).isLessThan(t.headersNanos());
            assertThat(t.firstTokenNanos()).isGreaterThanOrEqualTo(t.headersNanos());
            assertThat(t.firstContentNanos()).isEqualTo(t.firstTokenNanos());
            assertThat(t.endNanos()).isGreaterThanOrEqualTo(t.chunkNanos(15));
            assertThat(l.endings).isEqualTo(1);
        }
    }

    @Test
    void everyChunkIsTimestampedAfterTheServerEmittedIt() throws Exception {
        try (var endpoint = endpoint(OpenAiProtocol.chat(), config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(24, true), l);
            RequestTimeline t = l.await();

            long[] emitted = simulator.emitLog().take(t.responseId());
            assertThat(emitted).hasSize(t.chunkCount());
            for (int i = 0; i < emitted.length; i++) {
                long errorNanos = t.chunkNanos(i) - emitted[i];
                assertThat(errorNanos).as("chunk %d: arrival − emit", i)
                        .isNotNegative()
                        // generous sanity bound: a shared 2-core machine can stall a thread for a while
                        .isLessThan(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    @Test
    void theCompletionsApiStreamsTextChunks() throws Exception {
        try (var endpoint = endpoint(OpenAiProtocol.completions(), config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(8, true), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).isEqualTo(8);
            assertThat(t.responseId()).startsWith("cmpl-");
            assertThat(t.outputTokens()).isEqualTo(8);
        }
    }

    @Test
    void aNonStreamedRequestHasItsFirstTokenAtTheEnd() throws Exception {
        try (var endpoint = endpoint(OpenAiProtocol.chat(), config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(12, false), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).isEqualTo(1);
            assertThat(t.usageOutputTokens()).isEqualTo(12);
            assertThat(t.firstTokenNanos()).as("TTFT equals E2E when not streamed").isEqualTo(t.endNanos());
        }
    }

    @Test
    void streamsOverHttp2WithPriorKnowledge() throws Exception {
        var h2 = dev.llmbench.simulator.SimulatorConfig.builder(Profile.fast()).h2cPriorKnowledge(true).build();
        try (Simulator h2Simulator = Simulator.start(h2);
             var endpoint = endpoint(OpenAiProtocol.chat(),
                     EndpointConfig.builder(h2Simulator.baseUri().toString()).httpVersion(HttpVersion.HTTP_2))) {
            RecordingListener[] listeners = new RecordingListener[6];
            for (int i = 0; i < listeners.length; i++) {
                listeners[i] = new RecordingListener();
                endpoint.send(request(10, true), listeners[i]);
            }
            for (RecordingListener l : listeners) {
                RequestTimeline t = l.await();
                assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
                assertThat(t.chunkCount()).isEqualTo(10);
            }
        }
    }

    @Test
    void anUnreachableEndpointIsAConnectionError() throws Exception {
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (var endpoint = endpoint(OpenAiProtocol.chat(), EndpointConfig.builder("http://127.0.0.1:" + closedPort))) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(4, true), l);
            RequestTimeline t = l.await();
            assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(t.failure().kind()).isEqualTo(FailureKind.CONNECTION_ERROR);
        }
    }

    /** A whole answer (finish_reason and usage) that ends cleanly without [DONE] succeeds, flagged; strict mode fails it. */
    @ParameterizedTest(name = "strictSse={0}")
    @CsvSource({"false", "true"})
    void aCompleteAnswerWithoutDoneSucceedsUnlessStrict(boolean strict) throws Exception {
        EndpointConfig.Builder cfg = config().header("x-llmbench-fault", "no_done").strictSse(strict);
        try (var endpoint = endpoint(OpenAiProtocol.chat(), cfg)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(10, true), l);
            RequestTimeline t = l.await();
            if (strict) {
                assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(t.failure().kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
                assertThat(t.failure().message()).isEqualTo("stream ended without data: [DONE]");
            } else {
                assertThat(t.outcome()).isEqualTo(Outcome.SUCCESS);
                assertThat(t.endedWithoutFinalEvent()).isTrue();
                assertThat(t.usageOutputTokens()).isEqualTo(10);
            }
        }
    }

    /** Each kind of bad input the server can send ends as exactly one typed failure on that request. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "status:500,             HTTP_STATUS",
            "rate_limit,             RATE_LIMITED",
            "reset_after:3,          CONNECTION_ERROR",
            "stall_after:2,          IDLE_TIMEOUT",
            "malformed_sse_after:2,  PROTOCOL_ERROR",
            "malformed_json_after:2, PROTOCOL_ERROR",
    })
    void badInputBecomesOneTypedFailure(String fault, FailureKind expected) throws Exception {
        EndpointConfig.Builder cfg = config()
                .header("x-llmbench-fault", fault)
                .timeouts(Timeouts.defaults().withIdle(Duration.ofMillis(400)));
        try (var endpoint = endpoint(OpenAiProtocol.chat(), cfg)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(10, true), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(t.failure().kind()).as(t.failure().message()).isEqualTo(expected);
            Thread.sleep(50); // anything the transport does after the failure must not end the request twice
            assertThat(l.endings).isEqualTo(1);
            if (expected == FailureKind.RATE_LIMITED) {
                assertThat(t.failure().httpStatus()).isEqualTo(429);
                assertThat(t.failure().retryAfterMillis()).isEqualTo(1000);
                assertThat(t.rateLimitHeaders()).containsKey("retry-after");
            }
            if (expected == FailureKind.HTTP_STATUS) {
                assertThat(t.failure().httpStatus()).isEqualTo(500);
            }
        }
    }

    @Test
    void theFirstTokenTimeoutFailsARequestThatNeverStartsGenerating() throws Exception {
        EndpointConfig.Builder cfg = config()
                .header("x-llmbench-fault", "stall_after:0")
                .timeouts(Timeouts.defaults().withFirstToken(Duration.ofMillis(300)));
        try (var endpoint = endpoint(OpenAiProtocol.chat(), cfg)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(10, true), l);
            RequestTimeline t = l.await();
            assertThat(t.failure().kind()).isEqualTo(FailureKind.FIRST_TOKEN_TIMEOUT);
            assertThat(t.chunkCount()).isZero();
        }
    }

    @Test
    void theApiKeyTravelsInTheHeaderButNeverInTheEndpointsDescription(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path keyFile = dir.resolve("key");
        java.nio.file.Files.writeString(keyFile, "sk-secret-123\n");
        try (var endpoint = endpoint(OpenAiProtocol.chat(), config().apiKeyFile(keyFile))) {
            assertThat(endpoint.describe().toString()).doesNotContain("sk-secret-123").contains("file:");
            RecordingListener l = new RecordingListener();
            endpoint.send(request(2, true), l);
            assertThat(l.await().outcome()).isEqualTo(Outcome.SUCCESS);
        }
    }
}
