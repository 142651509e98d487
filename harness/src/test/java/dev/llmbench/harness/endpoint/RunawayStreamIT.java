package dev.llmbench.harness.endpoint;

import com.sun.net.httpserver.HttpServer;
import dev.llmbench.harness.endpoint.http.HttpStreamingEndpoint;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.metrics.RequestTimeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that ignores {@code max_tokens} and streams on (here: 20,000 chunks before its {@code [DONE]}) would hold a
 * request until the total timeout; the client ends it as a protocol error once it has received far more than asked.
 */
class RunawayStreamIT {

    private static final int CHUNKS = 20_000;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"la \"}}]}\n\n".getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < CHUNKS; i++) out.write(chunk);
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientWentAway) {
                // expected once the client gives up on the stream
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aStreamFarLongerThanItsMaxTokensEndsAsAProtocolError() throws Exception {
        EndpointConfig config = EndpointConfig.builder("http://127.0.0.1:" + server.getAddress().getPort()).build();
        try (HttpStreamingEndpoint endpoint = new HttpStreamingEndpoint(config, OpenAiProtocol.chat(), 1)) {
            RecordingListener l = new RecordingListener();
            endpoint.send(new GenerationRequest("m", "hi", 1, 8, 0, true, Map.of()), l);
            RequestTimeline t = l.await();

            assertThat(t.outcome()).isEqualTo(RequestTimeline.Outcome.FAILED);
            assertThat(t.failure().kind()).isEqualTo(FailureKind.PROTOCOL_ERROR);
            assertThat(t.failure().message()).startsWith("runaway stream: more than 96 events");
            assertThat(t.chunkCount()).isLessThanOrEqualTo(96);
        }
    }
}
