package dev.llmbench.harness.endpoint;

/** Which HTTP version the client speaks to the endpoint. */
public enum HttpVersion {
    /** HTTP/1.1: one connection per in-flight stream. */
    HTTP_1_1,
    /** HTTP/2 (h2c prior knowledge on http://, ALPN on https://): many streams per connection. */
    HTTP_2,
    /** HTTP/2 when the server offers it over TLS, else HTTP/1.1. */
    NEGOTIATE
}
