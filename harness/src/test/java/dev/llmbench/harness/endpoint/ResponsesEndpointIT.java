package dev.llmbench.harness.endpoint;

import dev.llmbench.harness.endpoint.http.HttpStreamingEndpoint;
import dev.llmbench.harness.endpoint.protocol.Protocol;
import dev.llmbench.harness.endpoint.responses.ResponsesProtocol;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.RequestTimeline.Outcome;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI Responses endpoint ({@code llmbench.protocol=responses}) against the embedded simulator on loopback. */
class ResponsesEndpointIT {

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
        return new GenerationRequest("fast-sim-0.5b", "Say something about the sea.", 7, maxTokens, maxTokens, stream, Map.of());
    }

    private static Endpoint endpoint(EndpointConfig.Builder config) {
        return Protocol.RESPONSES.open(config.build(), 4);
    }

    private static EndpointConfig.Builder config() {
        return EndpointConfig.builder(simulator.baseUri().toString());
    }

    @Test
    void aStreamedResponseRecordsEveryTextDeltaWithServerUsageAndTheResponseId() throws Exception {
        try (Endpoint endpoint = endpoint(config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(16, true), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).as("the opening and closing events carry no output").isEqualTo(16);
            assertThat(t.usageOutputTokens()).isEqualTo(16);
            assertThat(t.outputTokenSource()).isEqualTo(TokenSource.USAGE);
            assertThat(t.usageInputTokens()).isEqualTo(7); // 28 characters / 4
            assertThat(t.usageCachedTokens()).isZero();
            assertThat(t.responseId()).startsWith("resp_");
            assertThat(t.firstContentNanos()).isEqualTo(t.firstTokenNanos());
            assertThat(t.endNanos()).isGreaterThanOrEqualTo(t.chunkNanos(15));
            assertThat(l.endings).isEqualTo(1);
            assertThat(endpoint.describe().protocol()).isEqualTo("openai-responses");
        }
    }

    @Test
    void everyDeltaIsTimestampedAfterTheServerEmittedIt() throws Exception {
        try (Endpoint endpoint = endpoint(config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(24, true), l);
            RequestTimeline t = l.await();

            long[] emitted = simulator.emitLog().take(t.responseId());
            assertThat(emitted).hasSize(t.chunkCount()).hasSize(24);
            for (int i = 0; i < emitted.length; i++) {
                assertThat(t.chunkNanos(i) - emitted[i]).as("delta %d: arrival − emit", i)
                        .isNotNegative()
                        // generous sanity bound, as for chat: a shared 2-core machine can stall a thread for a while
                        .isLessThan(Duration.ofSeconds(2).toNanos());
            }
        }
    }

    @Test
    void aNonStreamedResponseHasItsFirstTokenAtTheEnd() throws Exception {
        try (Endpoint endpoint = endpoint(config())) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(12, false), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
            assertThat(t.chunkCount()).isEqualTo(1);
            assertThat(t.usageOutputTokens()).isEqualTo(12);
            assertThat(t.responseId()).startsWith("resp_");
            assertThat(t.firstTokenNanos()).as("TTFT equals E2E when not streamed").isEqualTo(t.endNanos());
        }
    }

    @Test
    void theOpenAiPersonalityAcceptsTheRequestBecauseMinTokensAndIgnoreEosAreNeverSent() throws Exception {
        var openai = dev.llmbench.simulator.SimulatorConfig.builder(Profile.fast())
                .personality(dev.llmbench.simulator.Personality.OPENAI).build();
        try (Simulator strict = Simulator.start(openai);
             Endpoint endpoint = new HttpStreamingEndpoint(EndpointConfig.builder(strict.baseUri().toString()).build(),
                     new ResponsesProtocol(), 2)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(5, true), l);
            RequestTimeline t = l.await();
            assertThat(t.outcome()).as(String.valueOf(t.failure())).isEqualTo(Outcome.SUCCESS);
            assertThat(t.usageOutputTokens()).isEqualTo(5);
        }
    }

    @Test
    void aStreamWithoutResponseCompletedIsAProtocolErrorEvenWhenNotStrict() throws Exception {
        try (Endpoint endpoint = endpoint(config().header("x-llmbench-fault", "no_done").strictSse(false))) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(6, true), l);
            RequestTimeline t = l.await();
            assertThat(t.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(t.failure().kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
            assertThat(t.failure().message()).isEqualTo("stream ended without response.completed");
            assertThat(t.chunkCount()).isEqualTo(6);
        }
    }

    @Test
    void aCutDeltaEventIsAProtocolError() throws Exception {
        try (Endpoint endpoint = endpoint(config().header("x-llmbench-fault", "malformed_json_after:2"))) {
            RecordingListener l = new RecordingListener();
            endpoint.send(request(6, true), l);
            RequestTimeline t = l.await();
            assertThat(t.failure().kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
            assertThat(t.failure().message()).startsWith("malformed JSON in event");
            assertThat(t.chunkCount()).isEqualTo(2);
        }
    }
}
