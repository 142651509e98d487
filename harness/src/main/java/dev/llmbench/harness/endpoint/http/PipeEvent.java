package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.endpoint.Failure;

import java.util.Map;

/** One thing that happened to one exchange, handed from an I/O (or watchdog) thread to the decoder thread. */
final class PipeEvent {
    enum Type { SENT, RECONNECTED, HEADERS, EVENT, MALFORMED_LINE, BODY, END, HTTP_ERROR, FAILED }

    final Exchange exchange;
    final Type type;
    final long nanos;
    String eventType;
    byte[] data;
    int status;
    Map<String, String> headers;
    Failure failure;
    boolean cleanEnd;
    /** HTTP_ERROR: the response's Content-Encoding, or null. */
    String contentEncoding;

    PipeEvent(Exchange exchange, Type type, long nanos) {
        this.exchange = exchange;
        this.type = type;
        this.nanos = nanos;
    }
}
