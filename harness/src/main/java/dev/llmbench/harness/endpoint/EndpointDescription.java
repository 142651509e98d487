package dev.llmbench.harness.endpoint;

import java.util.List;

/**
 * An endpoint as a result file records it ({@code configuration.endpoint}): safe to store, so never a key or a
 * header value. Fields a file did not record are null.
 *
 * @param url           the request URL, credentials stripped
 * @param protocol      the wire protocol's name, e.g. {@code openai-chat}
 * @param httpVersion   {@code HTTP_1_1} or {@code HTTP_2}
 * @param apiKey        where the key came from; result files hold {@code [redacted]} (a secret-like name)
 * @param ioThreads     the client's I/O threads
 * @param timeouts      the per-request timeouts, milliseconds
 * @param customHeaders the names of custom headers (their values may be credentials)
 */
public record EndpointDescription(String url, String protocol, String httpVersion, String apiKey, Integer ioThreads,
                                  TimeoutsMillis timeouts, List<String> customHeaders) {

    public EndpointDescription {
        customHeaders = customHeaders == null ? null : List.copyOf(customHeaders);
    }

    /** Only a URL (test endpoints, files that recorded nothing else). */
    public static EndpointDescription of(String url) {
        return new EndpointDescription(url, null, null, null, null, null, null);
    }

    /** This description with another URL. */
    public EndpointDescription withUrl(String newUrl) {
        return new EndpointDescription(newUrl, protocol, httpVersion, apiKey, ioThreads, timeouts, customHeaders);
    }

    /**
     * Per-request timeouts in milliseconds.
     *
     * @param connectMs    connecting
     * @param firstTokenMs until the first token
     * @param idleMs       between chunks
     * @param totalMs      the whole request
     */
    public record TimeoutsMillis(Long connectMs, Long firstTokenMs, Long idleMs, Long totalMs) {
    }
}
