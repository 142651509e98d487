package dev.llmbench.harness.endpoint;

/**
 * Sends generation requests to one server and reports each request's timed events to a {@link StreamListener}.
 *
 * <p>Contract: {@link #send} returns at once; the listener is called later from the endpoint's decoder thread
 * and always ends with exactly one {@code done} or {@code failed}, whatever the server does. Thread-safe.
 */
public interface Endpoint extends AutoCloseable {

    /**
     * Sends one request.
     *
     * @param request   what to generate
     * @param listener  receives the request's events; {@link StreamListener#sent} when the request is put on a connection
     */
    void send(GenerationRequest request, StreamListener listener);

    /** Fails every request still in flight with {@link FailureKind#CANCELLED} (e.g. the run's duration ran out). */
    void cancelAll(String reason);

    /** Number of requests sent and not yet ended. */
    int inFlight();

    /** CPU time in nanoseconds used so far by this endpoint's I/O threads. */
    long ioCpuNanos();

    /** CPU time in nanoseconds used so far by all of this endpoint's threads (I/O, decoder, watchdog). */
    long clientCpuNanos();

    /**
     * Why the client itself can no longer be trusted for this run (e.g. an I/O thread died of an
     * {@link OutOfMemoryError}), or null while it is sound. A run that sees one stops issuing requests and is marked
     * partial with this reason; requests it cut off are cancelled, never blamed on the server. Any thread.
     */
    default String clientFault() { return null; }

    /** A description safe to store: URL without credentials, protocol, HTTP version. */
    EndpointDescription describe();

    @Override
    void close();
}
