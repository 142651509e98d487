package dev.llmbench.harness.endpoint;

/** Why a request failed. Every failed request carries exactly one kind; none of them stops a run. */
public enum FailureKind {
    /** The server answered with a non-2xx status other than 429/503. */
    HTTP_STATUS,
    /** 429, or 503 with {@code Retry-After}: rate limiting, counted apart from errors. */
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
