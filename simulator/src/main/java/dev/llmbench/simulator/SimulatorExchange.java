// Over 400 lines: one HTTP exchange's state, shared by the reactor and step-loop threads under one lock; its parts are not separable.
package dev.llmbench.simulator;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.AsyncServerExchangeHandler;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.ResponseChannel;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http.impl.BasicEntityDetails;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * One HTTP exchange: routes the request, answers errors and fixed bodies, and streams a generation as the
 * {@link StepLoop} releases its tokens.
 *
 * <p>Threads: request callbacks and {@link #produce} run on an I/O reactor thread. The step-loop thread calls the
 * {@link Sequence.Listener} methods, which only call {@link DataStreamChannel#requestOutput()} (streaming) or send the
 * finished non-streamed response through the {@link ResponseChannel} (HttpCore hands such a response over to the
 * reactor safely; its first {@code produce} then runs on the calling thread, later ones on the reactor, never at
 * once). Fields read by {@link #available()} across threads are volatile.
 */
final class SimulatorExchange implements AsyncServerExchangeHandler, Sequence.Listener {

    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    static final ContentType JSON = ContentType.APPLICATION_JSON;
    static final ContentType EVENT_STREAM = ContentType.create("text/event-stream");

    private final ServerState server;

    private HttpRequest request;
    private ResponseChannel responseChannel;
    private HttpContext context;
    private byte[] body = new byte[0];
    private int bodyLength;
    private boolean bodyTooLarge;

    private volatile DataStreamChannel channel;
    private volatile ByteBuffer pending;      // bytes of the current event not yet accepted by the channel
    private volatile ByteBuffer fixedBody;    // a whole response body (errors, JSON, non-streamed completions)
    private volatile boolean ended;
    private volatile boolean resetRequested;
    private boolean fixedBodyIsCompletion;
    private boolean completionCounted;

    // Generation state (streamed or not).
    private volatile boolean streaming;
    private volatile boolean stalled;
    private Sequence sequence;
    private CompletionRequest completion;
    private CompletionRequest.Endpoint api;   // the generation API asked for; null for other paths (OpenAI-shaped errors)
    private StreamFormat format;
    private EmitLog.Times emitTimes;
    private Fault fault;
    private volatile String requestIdHeader;
    private int faultAfter;                   // min(k, N) for the *_after faults
    private boolean openingSent;
    private int written;                      // token chunks written
    private boolean malformedSent;
    private boolean closingSent;
    private boolean doneSent;

    SimulatorExchange(ServerState server) {
        this.server = server;
    }

    // ---------------------------------------------------------------- request side (reactor thread)

    @Override
    public void handleRequest(HttpRequest request, EntityDetails entityDetails, ResponseChannel responseChannel,
                              HttpContext context) throws HttpException, IOException {
        this.request = request;
        this.responseChannel = responseChannel;
        this.context = context;
        if (entityDetails == null) {
            dispatch();
        } else if (entityDetails.getContentLength() > MAX_REQUEST_BYTES) {
            bodyTooLarge = true;
        } else if (entityDetails.getContentLength() > 0) {
            body = new byte[(int) entityDetails.getContentLength()];
        }
    }

    @Override
    public void updateCapacity(CapacityChannel capacityChannel) throws IOException {
        capacityChannel.update(Integer.MAX_VALUE);
    }

    @Override
    public void consume(ByteBuffer src) {
        int n = src.remaining();
        if (bodyTooLarge || bodyLength + n > MAX_REQUEST_BYTES) {
            bodyTooLarge = true;
            src.position(src.limit());
            return;
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(1024, body.length * 2)));
        }
        src.get(body, bodyLength, n);
        bodyLength += n;
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws HttpException, IOException {
        dispatch();
    }

    private void dispatch() throws HttpException, IOException {
        String method = request.getMethod();
        String path = request.getPath() == null ? "/" : request.getPath();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        switch (path) {
            case "/health":
                if (allow(method, "GET")) {
                    sendBody(200, JSON, "{\"status\":\"ok\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
                return;
            case "/v1/models":
                if (allow(method, "GET")) {
                    sendBody(200, JSON, server.modelsBody);
                }
                return;
            case "/v1/chat/completions":
                if (allow(method, "POST")) {
                    generate(CompletionRequest.Endpoint.CHAT);
                }
                return;
            case "/v1/completions":
                if (allow(method, "POST")) {
                    generate(CompletionRequest.Endpoint.COMPLETIONS);
                }
                return;
            case "/v1/messages":
                if (allow(method, "POST")) {
                    generate(CompletionRequest.Endpoint.MESSAGES);
                }
                return;
            case "/v1/responses":
                if (allow(method, "POST")) {
                    generate(CompletionRequest.Endpoint.RESPONSES);
                }
                return;
            default:
                sendError(404, "Unknown path " + path + "; the simulator serves POST /v1/chat/completions, "
                        + "POST /v1/completions, POST /v1/messages, POST /v1/responses, GET /v1/models and GET /health.", "invalid_request_error", null, null);
        }
    }

    private boolean allow(String method, String allowed) throws HttpException, IOException {
        if (allowed.equalsIgnoreCase(method)) {
            return true;
        }
        sendError(405, "Method " + method + " not allowed here; use " + allowed + ".", "invalid_request_error",
                null, null, "Allow", allowed);
        return false;
    }

    private void generate(CompletionRequest.Endpoint endpoint) throws HttpException, IOException {
        this.api = endpoint;
        if (bodyTooLarge) {
            sendError(413, "Request body larger than " + MAX_REQUEST_BYTES + " bytes.", "invalid_request_error", null, null);
            return;
        }
        String[] headerProblem = endpoint == CompletionRequest.Endpoint.MESSAGES ? AnthropicFormat.headerProblem(request) : null;
        if (headerProblem != null) {
            sendError(Integer.parseInt(headerProblem[0]), headerProblem[1], "invalid_request_error", null, null);
            return;
        }
        Fault requested = null;
        Header faultHeader = request.getFirstHeader(Fault.HEADER);
        if (faultHeader != null) {
            try {
                requested = Fault.parse(faultHeader.getValue());
            } catch (IllegalArgumentException e) {
                sendError(400, e.getMessage(), "invalid_request_error", Fault.HEADER, null);
                return;
            }
        }
        CompletionRequest req;
        try {
            req = server.parser.parse(endpoint, body, bodyLength);
        } catch (BadRequestException e) {
            // llama.cpp's handler turns a parse exception into 500, TGI answers 422 validation, the others 400
            int status = server.config.personality().badRequestStatus();
            if (status >= 500) {
                sendError(status, e.getMessage(), "server_error", null, null);
            } else {
                sendError(status, e.getMessage(), "invalid_request_error", e.param(), null);
            }
            return;
        }
        body = null;
        long requestNumber = server.requestNumbers.getAndIncrement();
        Fault f = requested != null ? requested : server.config.faultPlan().choose(server.config.seed(), requestNumber);
        if (f != null && f.kind() == Fault.Kind.STATUS) {
            int code = f.argument();
            sendError(code, "Simulated error (fault " + f + ").", code >= 500 ? "server_error" : "invalid_request_error",
                    null, null);
            return;
        }
        if (f != null && f.kind() == Fault.Kind.RATE_LIMIT) {
            server.rateLimited.increment();
            sendError(429, "Rate limit reached (simulated fault rate_limit). Please try again in 1s.", "requests", null,
                    "rate_limit_exceeded", "Retry-After", "1", "x-ratelimit-remaining-requests", "0");
            return;
        }
        if (!server.rateLimiter.isUnlimited()) {
            RateLimiter.Decision d = server.rateLimiter.tryAcquire(System.nanoTime(), req.kvTokens());
            if (!d.admitted()) {
                server.rateLimited.increment();
                sendError(429, "Rate limit reached: " + d.reason() + ". Please try again in " + d.retryAfterSeconds()
                                + "s.", "requests", null, "rate_limit_exceeded",
                        "Retry-After", Long.toString(d.retryAfterSeconds()),
                        "x-ratelimit-remaining-requests", count(d.remainingRequests()),
                        "x-ratelimit-remaining-tokens", count(d.remainingTokens()));
                return;
            }
        }
        this.fault = f;
        this.completion = req;
        this.faultAfter = f == null ? 0 : Math.min(f.argument(), req.maxTokens());
        String id = endpoint.idPrefix + server.responseIds.incrementAndGet();
        long streamKey = Mix.mix64(server.config.seed() ^ Mix.mix64(req.promptHash()));
        this.format = StreamFormat.of(req, id, System.currentTimeMillis() / 1000, streamKey, server.config.personality());
        this.emitTimes = server.emitLog.open(id);
        this.sequence = new Sequence(req.promptTokens(), req.maxTokens(), this);
        server.accepted.increment();
        if (req.stream()) {
            streaming = true;
            BasicHttpResponse response = new BasicHttpResponse(200);
            response.addHeader("x-request-id", id);
            response.addHeader("Cache-Control", "no-cache");
            if (server.config.personality().closesAfterStream()) {
                // llama.cpp advertises keep-alive yet closes after every streamed response. HttpCore decides reuse
                // from the request's Connection header too, so marking the request makes it close after this response.
                response.addHeader("Connection", "keep-alive");
                response.addHeader("Keep-Alive", "timeout=5, max=100");
                request.setHeader("Connection", "close");
            }
            server.lifecycle.decorate(response);
            responseChannel.sendResponse(response, new BasicEntityDetails(-1, EVENT_STREAM), context);
        } else {
            requestIdHeader = id;
        }
        server.stepLoop.submit(sequence);
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "unlimited" : Long.toString(n);
    }

    private void sendError(int status, String message, String type, String param, String code, String... headers)
            throws HttpException, IOException {
        server.rejected.increment();
        byte[] bytes = StreamFormat.errorBody(api, server.config.personality(), status, message, type, param, code);
        sendBody(status, JSON, bytes, headers);
    }

    private void sendBody(int status, ContentType type, byte[] bytes, String... headers) throws HttpException, IOException {
        BasicHttpResponse response = new BasicHttpResponse(status);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        fixedBody = ByteBuffer.wrap(bytes);
        server.lifecycle.decorate(response);
        responseChannel.sendResponse(response, new BasicEntityDetails(bytes.length, type), context);
    }

    // ---------------------------------------------------------------- step-loop callbacks (step thread)

    @Override
    public void onAdmitted() {
        if (streaming) {
            wake();
        }
    }

    @Override
    public void onToken(int tokensReleased, boolean finished) {
        if (streaming) {
            wake();
        } else if (finished) {
            sendCompletedBody();
        }
    }

    private void wake() {
        DataStreamChannel c = channel;
        if (c != null) {
            c.requestOutput();
        }
    }

    private void sendCompletedBody() {
        if (sequence.cancelled()) {
            return;
        }
        Fault.Kind kind = fault == null ? null : fault.kind();
        if (kind == Fault.Kind.STALL_AFTER) {
            stalled = true;                    // never answer; the client gives up or the server closes
            return;
        }
        try {
            byte[] bytes = format.fullBody();
            BasicHttpResponse response = new BasicHttpResponse(200);
            response.addHeader("x-request-id", requestIdHeader);
            fixedBodyIsCompletion = true;
            if (kind == Fault.Kind.RESET_AFTER) {
                resetRequested = true;         // write half the body, then abort
            }
            fixedBody = ByteBuffer.wrap(bytes);
            server.lifecycle.decorate(response);
            responseChannel.sendResponse(response, new BasicEntityDetails(bytes.length, JSON), context);
        } catch (HttpException | IOException | RuntimeException e) {
            sequence.cancel();
        }
    }

    // ---------------------------------------------------------------- response side (reactor thread)

    @Override
    public int available() {
        if (channel == null || resetRequested) {
            return 1;
        }
        ByteBuffer p = pending;
        if (p != null) {
            return Math.max(1, p.remaining());
        }
        ByteBuffer fb = fixedBody;
        if (fb != null) {
            return ended ? 0 : Math.max(1, fb.remaining());
        }
        if (!streaming || ended || stalled) {
            return 0;
        }
        Sequence s = sequence;
        if ((!openingSent && s.admitted()) || written < s.tokensReleased() || written >= s.maxTokens) {
            return 1;
        }
        return 0;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        this.channel = channel;                // publish before reading the step loop's progress
        if (ended) {
            return;
        }
        ByteBuffer p = pending;
        if (p != null) {
            channel.write(p);
            if (p.hasRemaining()) {
                return;
            }
            pending = null;
        }
        ByteBuffer fb = fixedBody;
        if (fb != null) {
            produceFixed(channel, fb);
        } else if (streaming) {
            produceStream(channel);
        }
    }

    private void produceFixed(DataStreamChannel channel, ByteBuffer fb) throws IOException {
        if (fixedBodyIsCompletion && !completionCounted) {
            completionCounted = true;
            if (emitTimes != null) {
                emitTimes.add(System.nanoTime());
            }
            server.tokensEmitted.add(completion.maxTokens());
        }
        if (resetRequested) {
            if (fb.position() > 0) {
                throw new SimulatedResetException();
            }
            ByteBuffer half = fb.duplicate();
            half.limit(fb.capacity() / 2);
            channel.write(half);
            fb.position(half.position());
            channel.requestOutput();
            return;
        }
        channel.write(fb);
        if (!fb.hasRemaining()) {
            finish(channel);
        }
    }

    private void produceStream(DataStreamChannel channel) throws IOException {
        Sequence s = sequence;
        if (!openingSent && s.admitted()) {
            openingSent = true;
            if (!write(channel, format.opening())) {
                return;
            }
        }
        int released = s.tokensReleased();
        while (written < released) {
            if (!faultGate(channel)) {
                return;
            }
            byte[] chunk = format.token(written);
            written++;
            server.tokensEmitted.increment();
            EmitLog.Times times = emitTimes;
            if (times != null) {
                times.add(System.nanoTime());
            }
            if (!write(channel, chunk)) {
                return;
            }
        }
        if (written < s.maxTokens || !faultGate(channel)) {
            return;
        }
        if (!closingSent) {
            closingSent = true;
            if (!write(channel, format.closing())) {
                return;
            }
        }
        if (!doneSent && (fault == null || fault.kind() != Fault.Kind.NO_DONE)) {
            doneSent = true;
            if (!write(channel, format.finalEvent())) {
                return;
            }
        }
        finish(channel);
    }

    /** Applies a *_after fault before token chunk {@code written}; false when output must stop here. */
    private boolean faultGate(DataStreamChannel channel) throws IOException {
        if (fault == null || written != faultAfter) {
            return true;
        }
        switch (fault.kind()) {
            case STALL_AFTER:
                stalled = true;
                return false;
            case RESET_AFTER:
                throw new SimulatedResetException();
            case MALFORMED_SSE_AFTER:
            case MALFORMED_JSON_AFTER:
                if (!malformedSent) {
                    malformedSent = true;
                    return write(channel, fault.kind() == Fault.Kind.MALFORMED_SSE_AFTER
                            ? ResponseTemplates.MALFORMED_SSE : format.malformedJson());
                }
                return true;
            default:
                return true;
        }
    }

    /** Writes one event; false (keeping the rest pending) when the channel took only part of it. */
    private boolean write(DataStreamChannel channel, byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return true;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        channel.write(b);
        if (b.hasRemaining()) {
            pending = b;
            return false;
        }
        return true;
    }

    private void finish(DataStreamChannel channel) throws IOException {
        ended = true;
        channel.endStream(null);
        if (sequence != null) {
            server.completed.increment();
        }
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        Sequence s = sequence;
        if (s != null && !s.finished()) {
            s.cancel();
        }
    }

    /** Thrown from produce to abort the connection without a clean end (the reset_after fault). */
    static final class SimulatedResetException extends IOException {
        private static final long serialVersionUID = 1L;

        SimulatedResetException() {
            super("llmbench simulator: simulated connection reset (fault reset_after)", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
