package dev.llmbench.junit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * An invocation whose every request failed measured nothing: it fails even without SLOs, says what failed, and its
 * report entries show no latency ("TTFT p50 0.00 ms" would be a lie) — unless {@code llmbench.allowAllFailed}.
 */
class AllFailedIT {

    private static final String HTML_503 = "<html><body><h1>503 Service Temporarily Unavailable</h1><hr>nginx</body></html>";
    private static HttpServer server;

    @BeforeAll
    static void startServer() throws IOException {
        // Answers every request 503 with an HTML page and no Retry-After, like a proxy whose backend is down.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = HTML_503.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static Map<String, String> against(String... more) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("llmbench.endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        p.put("llmbench.model", "m");
        for (int i = 0; i + 1 < more.length; i += 2) p.put(more[i], more[i + 1]);
        return p;
    }

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class NoSlos {
        @BenchmarkTest
        void chat() {
            // the body passes; that nothing was measured fails the invocation after it
        }
    }

    @Test
    void anInvocationWhoseEveryRequestFailedFailsWithoutAnySlo() {
        EngineExecutionResults results = Kit.run(against(), NoSlos.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("chat"),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message(m -> m.startsWith(
                        "llmbench: all 4 requests failed: 4 × http_status (\"HTTP 503: <html><body><h1>503 Service Temporarily"
                                + " Unavailable</h1><hr>nginx</body></html>\") in chat [small: 2 concurrent, 8→4 tokens]:"
                                + " nothing was measured (set llmbench.allowAllFailed=true to accept)\nresult: ")))));
    }

    @Test
    void itsReportEntriesSayWhatFailedAndShowNoLatency() {
        Map<String, String> entries = Kit.reportEntries(Kit.run(against(), NoSlos.class)).get(0);

        assertThat(entries).containsEntry("llmbench.requests", "4")
                .containsEntry("llmbench.errors", "4 requests, 4 errors")
                .containsEntry("llmbench.errorRate", "100.00 %")
                .doesNotContainKeys("llmbench.ttft.p50", "llmbench.ttft.p90", "llmbench.tpot.p50", "llmbench.tpot.mean");
        assertThat(entries.get("llmbench.failures")).startsWith("all 4 requests failed: 4 × http_status (\"HTTP 503: <html>");
    }

    @Test
    void allowAllFailedLetsTheInvocationPass() {
        EngineExecutionResults results = Kit.run(against("llmbench.allowAllFailed", "true"), NoSlos.class);

        assertThat(Kit.failureMessages(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(Kit.reportEntries(results).get(0)).containsKey("llmbench.failures");
    }

    @TestKitOnly
    @LlmBenchmark
    @Measurement(requests = 4)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    @Slo("error_rate < 1%")
    static class WithSlo {
        @BenchmarkTest
        void chat() {
        }
    }

    @Test
    void withAnSloBothAreSaidInOneMessage() {
        EngineExecutionResults results = Kit.run(against(), WithSlo.class);

        String m = Kit.failureMessages(results).get(0);
        assertThat(m).startsWith("llmbench: all 4 requests failed: 4 × http_status")
                .contains("\n1 of 1 SLOs violated in chat [small: 2 concurrent, 8→4 tokens]\n")
                .contains("100.00 %", "4 errors in 4 measured requests", "FAILED");
    }
}
