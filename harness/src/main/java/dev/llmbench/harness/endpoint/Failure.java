package dev.llmbench.harness.endpoint;

/**
 * A typed failure of one request.
 *
 * @param kind             why it failed
 * @param httpStatus       the HTTP status when one was received, else 0
 * @param message          a short description; never contains credentials: server text in it has passed the
 *                         endpoint's {@link Redactor} before it was cut, and is otherwise verbatim (reports escape
 *                         it), truncated to {@link #MAX_MESSAGE_CHARS}
 * @param retryAfterMillis the server's {@code Retry-After} in milliseconds, or -1 when absent
 */
public record Failure(FailureKind kind, int httpStatus, String message, long retryAfterMillis) {

    /** Longest message kept; a server's error body can be huge. */
    public static final int MAX_MESSAGE_CHARS = 500;

    public Failure {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        message = message == null ? "" : (message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) + "…" : message);
    }

    public static Failure of(FailureKind kind, String message) {
        return new Failure(kind, 0, message, -1);
    }
}
