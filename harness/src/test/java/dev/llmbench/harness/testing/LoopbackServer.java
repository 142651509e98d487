package dev.llmbench.harness.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A bare HTTP server on 127.0.0.1 (the JDK's own) that answers every request as told, e.g. 503 with an HTML body, or
 * 429 with {@code Retry-After}: what a misbehaving proxy or a rate limiter says, without the simulator. Counts the
 * requests it answered.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String contentType, String body) {
        public static Answer of(int status, String contentType, String body, String... headerPairs) {
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) h.put(headerPairs[i], headerPairs[i + 1]);
            return new Answer(status, h, contentType, body);
        }
    }

    /** An OpenAI-style streamed chat completion of a few tokens. */
    public static final Answer STREAMED_OK = new Answer(200, Map.of(), "text/event-stream",
            "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}\n\n"
                    + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}\n\n"
                    + "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":2,\"total_tokens\":10}}\n\n"
                    + "data: [DONE]\n\n");

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private volatile Map<String, java.util.List<String>> lastRequestHeaders = Map.of();

    private LoopbackServer(LongFunction<Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            lastRequestHeaders = Map.copyOf(exchange.getRequestHeaders());
            answer(exchange, answers.apply(requests.getAndIncrement()));
        });
        server.start();
    }

    /** Answers request {@code n} (0-based, in arrival order) with {@code answers.apply(n)}. */
    public static LoopbackServer start(LongFunction<Answer> answers) throws IOException {
        return new LoopbackServer(answers);
    }

    /** Answers every request the same. */
    public static LoopbackServer always(Answer answer) throws IOException {
        return new LoopbackServer(n -> answer);
    }

    /** {@code http://127.0.0.1:port/v1}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Requests received so far. */
    public long requests() {
        return requests.get();
    }

    /** The headers of the last request received (names as the JDK server gives them: first letter upper case). */
    public Map<String, java.util.List<String>> lastRequestHeaders() {
        return lastRequestHeaders;
    }

    private static void answer(HttpExchange exchange, Answer a) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
