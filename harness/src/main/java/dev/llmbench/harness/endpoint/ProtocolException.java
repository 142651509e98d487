package dev.llmbench.harness.endpoint;

/** The server broke its protocol (malformed event, malformed JSON, an error event). Becomes a PROTOCOL_ERROR failure. */
public final class ProtocolException extends Exception {
    public ProtocolException(String message) { super(message); }
    public ProtocolException(String message, Throwable cause) { super(message, cause); }
}
