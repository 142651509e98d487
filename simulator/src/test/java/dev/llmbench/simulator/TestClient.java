package dev.llmbench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: talks to a simulator with the JDK's HttpClient, or with a raw socket for faults. */
final class TestClient {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    TestClient(URI base) {
        this.base = base;
    }

    static String chat(int maxTokens, boolean stream, boolean usage) {
        return "{\"model\":\"any-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about batching.\"}],"
                + "\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
                + (usage ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /** A streamed response read line by line, with the arrival time of every text-carrying event. */
    record Streamed(int status, String requestId, long sentNanos, long endNanos, List<String> dataLines,
                    List<Long> textArrivalNanos, List<String> texts) {
    }

    Streamed stream(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            List<String> data = new ArrayList<>();
            List<Long> arrivals = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (Stream<String> lines = r.body()) {
                lines.forEach(line -> {
                    long t = System.nanoTime();
                    if (!line.startsWith("data: ")) {
                        return;
                    }
                    String payload = line.substring(6);
                    data.add(payload);
                    String text = textOf(payload);
                    if (text != null && !text.isEmpty()) {
                        arrivals.add(t);
                        texts.add(text);
                    }
                });
            }
            return new Streamed(r.statusCode(), r.headers().firstValue("x-request-id").orElse(null), sent,
                    System.nanoTime(), data, arrivals, texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Generated text of an SSE payload (chat delta content or completion text), or null. */
    static String textOf(String payload) {
        if (payload.equals("[DONE]")) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(payload);
            JsonNode choice = n.path("choices").path(0);
            if (choice.isMissingNode()) {
                return null;
            }
            JsonNode c = choice.path("delta").path("content");
            if (c.isTextual()) {
                return c.asText();
            }
            JsonNode t = choice.path("text");
            return t.isTextual() ? t.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** How a raw exchange ended. */
    enum End { CLEAN, EOF_TRUNCATED, RESET, TIMEOUT }

    record Raw(String head, String body, End end) {
    }

    /**
     * Sends one HTTP/1.1 request on a fresh socket and reads the chunked response until its terminator, EOF, a
     * reset or {@code readTimeoutMillis} of silence.
     */
    Raw raw(String path, String body, int readTimeoutMillis, String... headers) throws IOException {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(readTimeoutMillis);
            StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("\r\n").append(body);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            End end;
            byte[] buf = new byte[8192];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    end = End.TIMEOUT;
                    break;
                } catch (IOException e) {
                    end = End.RESET;
                    break;
                }
                if (n < 0) {
                    end = End.EOF_TRUNCATED;
                    break;
                }
                all.write(buf, 0, n);
                if (all.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n0\r\n\r\n")) {
                    end = End.CLEAN;
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String rest = split < 0 ? "" : text.substring(split + 4);
            return new Raw(head, dechunk(rest), end);
        }
    }

    /** Decodes as much of a chunked body as is complete. */
    static String dechunk(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int eol = s.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(s.substring(i, eol).trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            int stop = Math.min(s.length(), start + size);
            out.append(s, start, stop);
            i = stop + 2;
        }
        return out.toString();
    }
}
