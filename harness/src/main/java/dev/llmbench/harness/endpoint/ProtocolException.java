package dev.llmbench.harness.endpoint;

/**
 * The server broke its protocol (malformed event, malformed JSON, an error event). Becomes a PROTOCOL_ERROR failure.
 *
 * <p>The message may quote the server (an error event's message); the endpoint redacts it ({@link Redactor}) before
 * it becomes a {@link Failure}. Raw server bytes the message is about go in {@link #serverData()}, not into the
 * message: the endpoint appends {@code ": "} and a redacted, cut preview of them, so a secret is never cut in half
 * before it is redacted.
 *
 * <p>Its {@link #kind()} is {@link FailureKind#PROTOCOL_ERROR} unless the server's error event said otherwise (an
 * Anthropic {@code overloaded_error} mid-stream is {@link FailureKind#RATE_LIMITED}).
 */
public final class ProtocolException extends Exception {

    private final transient byte[] serverData;
    private final FailureKind kind;

    public ProtocolException(String message) { this(message, (byte[]) null); }

    /** An error the server reported in the stream, to be counted as {@code kind}. */
    public ProtocolException(FailureKind kind, String message) {
        super(message);
        this.serverData = null;
        this.kind = kind == null ? FailureKind.PROTOCOL_ERROR : kind;
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
        this.serverData = null;
        this.kind = FailureKind.PROTOCOL_ERROR;
    }

    /** @param serverData the bytes the server sent that this is about (not copied), or null */
    public ProtocolException(String message, byte[] serverData) {
        super(message);
        this.serverData = serverData;
        this.kind = FailureKind.PROTOCOL_ERROR;
    }

    /** The server's bytes this failure is about, or null. */
    public byte[] serverData() { return serverData; }

    /** How the failure counts: {@link FailureKind#PROTOCOL_ERROR} unless given. */
    public FailureKind kind() { return kind; }
}
