package dev.llmbench.harness.endpoint;

/**
 * Why a request failed. Every failed request carries exactly one kind; none of them stops a run.
 *
 * <p>Every kind but {@link #CANCELLED} is an error ({@code error_rate}, and +infinity in the error-adjusted
 * percentiles): see {@link dev.llmbench.harness.metrics.Counts}.
 */
public enum FailureKind {
    /** The server answered with a status that is not success (not 2xx), other than the rate limiting below. */
    HTTP_STATUS,
    /**
     * Rate limiting: HTTP 429, HTTP 529 (Anthropic's {@code overloaded_error}: the service sheds load, as a rate limit
     * does, and clients are told to retry), an Anthropic {@code rate_limit_error} or {@code overloaded_error} event in
     * the middle of a stream, and HTTP 503 <em>with</em> a {@code Retry-After} header (the server said when to come
     * back). A 503 without {@code Retry-After} — a proxy's error page, a server that is down — is {@link #HTTP_STATUS}.
     * An error like any other failure, and also counted apart ({@code rate_limited_rate}, with the {@code Retry-After}
     * values and {@code x-ratelimit-*} headers).
     */
    RATE_LIMITED,
    /** The connection could not be established within the connect timeout. */
    CONNECT_TIMEOUT,
    /** No generated output arrived within the first-token timeout. */
    FIRST_TOKEN_TIMEOUT,
    /** The gap between two reads of the stream exceeded the idle timeout. */
    IDLE_TIMEOUT,
    /** The whole request exceeded the total timeout. */
    TOTAL_TIMEOUT,
    /** The server broke the protocol: malformed SSE, malformed JSON, an error event, a stream that ended without its final event. */
    PROTOCOL_ERROR,
    /** The connection failed: refused, reset, closed mid-stream. */
    CONNECTION_ERROR,
    /** The run ended (duration bound, interruption) while the request was in flight. */
    CANCELLED
}
