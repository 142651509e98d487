package dev.llmbench.harness.endpoint;

/** Opens a client that speaks one protocol: what a benchmark needs to know of its protocol. Thread-safe. */
@FunctionalInterface
public interface EndpointOpener {

    /**
     * Opens a client; the caller closes it.
     *
     * @param maxConcurrency the most requests in flight the run will have, or 0 when unbounded (sizes pools)
     */
    Endpoint open(EndpointConfig config, int maxConcurrency);
}
