package dev.llmbench.harness.endpoint;

/**
 * The server broke its protocol (malformed event, malformed JSON, an error event). Becomes a PROTOCOL_ERROR failure.
 *
 * <p>The message may quote the server (an error event's message); the endpoint redacts it ({@link Redactor}) before
 * it becomes a {@link Failure}. Raw server bytes the message is about go in {@link #serverData()}, not into the
 * message: the endpoint appends {@code ": "} and a redacted, cut preview of them, so a secret is never cut in half
 * before it is redacted.
 */
public final class ProtocolException extends Exception {

    private final transient byte[] serverData;

    public ProtocolException(String message) { this(message, (byte[]) null); }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
        this.serverData = null;
    }

    /** @param serverData the bytes the server sent that this is about (not copied), or null */
    public ProtocolException(String message, byte[] serverData) {
        super(message);
        this.serverData = serverData;
    }

    /** The server's bytes this failure is about, or null. */
    public byte[] serverData() { return serverData; }
}
