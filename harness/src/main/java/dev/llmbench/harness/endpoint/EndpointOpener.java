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

    /**
     * Whether requests of this protocol carry the vLLM-style fields {@code min_tokens} and {@code ignore_eos} when asked
     * to (OpenAI's chat and completions bodies do; Anthropic's, OpenAI Responses' and Realtime's never do, as their APIs
     * refuse unknown fields). A result records what was really sent. Default: true.
     */
    default boolean sendsOutputLengthFields() {
        return true;
    }
}
