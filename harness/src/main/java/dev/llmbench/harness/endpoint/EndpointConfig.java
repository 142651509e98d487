package dev.llmbench.harness.endpoint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach an endpoint. Immutable; build with {@link #builder(String)}.
 *
 * <p>The API key is never held as a plain field of this object's {@code toString} and never written anywhere:
 * it is read from an environment variable (default {@code LLMBENCH_API_KEY}) or a file at connect time and only
 * placed into the {@code Authorization} header.
 */
public final class EndpointConfig {

    /** The environment variable an API key is read from unless another is named. */
    public static final String DEFAULT_API_KEY_ENV = "LLMBENCH_API_KEY";
    /** Default largest SSE line or event: 4 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 4 * 1024 * 1024;
    /** Default largest non-streamed response body: 16 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final URI baseUri;
    private final HttpVersion httpVersion;
    private final String apiKeyEnv;
    private final Path apiKeyFile;
    private final Map<String, String> headers;
    private final Timeouts timeouts;
    private final int ioThreads;
    private final int maxConnections;
    private final boolean sendsMinTokens;
    private final boolean sendsIgnoreEos;
    private final int maxEventBytes;
    private final int maxBodyBytes;
    private final boolean strictSse;

    private EndpointConfig(Builder b) {
        this.baseUri = b.baseUri;
        this.httpVersion = b.httpVersion;
        this.apiKeyEnv = b.apiKeyEnv;
        this.apiKeyFile = b.apiKeyFile;
        this.headers = Map.copyOf(b.headers);
        this.timeouts = b.timeouts;
        this.ioThreads = b.ioThreads;
        this.maxConnections = b.maxConnections;
        this.sendsMinTokens = b.sendsMinTokens;
        this.sendsIgnoreEos = b.sendsIgnoreEos;
        this.maxEventBytes = b.maxEventBytes;
        this.maxBodyBytes = b.maxBodyBytes;
        this.strictSse = b.strictSse;
    }

    /**
     * @param baseUrl the server's base URL, e.g. {@code http://127.0.0.1:8000} (a trailing {@code /v1} is accepted), or
     *                for {@code llmbench.protocol=realtime} a WebSocket URL, e.g.
     *                {@code wss://api.openai.com/v1/realtime?model=gpt-realtime} (its query is kept)
     */
    public static Builder builder(String baseUrl) { return new Builder(baseUrl); }

    public URI baseUri() { return baseUri; }
    public HttpVersion httpVersion() { return httpVersion; }
    public Map<String, String> headers() { return headers; }
    public Timeouts timeouts() { return timeouts; }
    public int ioThreads() { return ioThreads; }
    /** Largest number of pooled connections; 0 = size it to the load. */
    public int maxConnections() { return maxConnections; }
    /** Whether this server accepts {@code min_tokens} (default true); see {@link Builder#sendsMinTokens}. */
    public boolean sendsMinTokens() { return sendsMinTokens; }
    /** Whether this server accepts {@code ignore_eos} (default true); see {@link Builder#sendsIgnoreEos}. */
    public boolean sendsIgnoreEos() { return sendsIgnoreEos; }
    /** Largest SSE line or event in bytes; see {@link Builder#maxEventBytes}. */
    public int maxEventBytes() { return maxEventBytes; }
    /** Largest non-streamed response body in bytes; see {@link Builder#maxBodyBytes}. */
    public int maxBodyBytes() { return maxBodyBytes; }
    /** Whether a stream must end with its protocol's final event; see {@link Builder#strictSse}. */
    public boolean strictSse() { return strictSse; }

    /** The API key from the configured file or environment variable, or null when none is configured or set. */
    /** Reads the key; the caller must only place it into a request header, never print or store it. */
    public String resolveApiKey() {
        if (apiKeyFile != null) {
            try {
                String key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
                return key.isEmpty() ? null : key;
            } catch (java.io.IOException e) {
                // The path is configuration, not a secret; the key's content never appears in the message.
                throw new IllegalArgumentException("apiKeyFile: cannot read " + apiKeyFile + ": " + e.getMessage());
            }
        }
        String key = System.getenv(apiKeyEnv);
        return key == null || key.isBlank() ? null : key.strip();
    }

    /** Where the key comes from, safe to store (never the key itself). */
    public String apiKeySource() {
        return apiKeyFile != null ? "file:" + apiKeyFile : "env:" + apiKeyEnv;
    }

    @Override public String toString() {
        return "EndpointConfig[" + baseUri + ", " + httpVersion + ", key from " + apiKeySource() + "]";
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private final URI baseUri;
        private HttpVersion httpVersion = HttpVersion.HTTP_1_1;
        private String apiKeyEnv = DEFAULT_API_KEY_ENV;
        private Path apiKeyFile;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Timeouts timeouts = Timeouts.defaults();
        private int ioThreads = 1;
        private int maxConnections;
        private boolean sendsMinTokens = true;
        private boolean sendsIgnoreEos = true;
        private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private boolean strictSse;

        private Builder(String baseUrl) {
            Objects.requireNonNull(baseUrl, "endpoint URL");
            URI uri;
            try {
                uri = URI.create(baseUrl.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint URL is not a valid URI: " + e.getMessage());
            }
            boolean webSocket = "ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) && !webSocket)
                throw new IllegalArgumentException("endpoint URL must start with http:// or https:// (ws:// or wss:// for "
                        + "llmbench.protocol=realtime), was scheme '" + uri.getScheme() + "'");
            if (uri.getHost() == null)
                throw new IllegalArgumentException("endpoint URL has no host");
            if (uri.getRawUserInfo() != null)
                // Never echo the URL here: its user-info is a credential.
                throw new IllegalArgumentException("endpoint URL must not carry credentials (user-info before '@'): "
                        + "give the API key through apiKeyEnv or apiKeyFile");
            // A WebSocket URL is the whole address of the session (wss://api.openai.com/v1/realtime?model=…): its query stays.
            if ((uri.getRawQuery() != null && !webSocket) || uri.getRawFragment() != null)
                throw new IllegalArgumentException("endpoint URL must be a base URL without query or fragment, e.g. http://127.0.0.1:8000");
            String path = uri.getPath() == null ? "" : uri.getPath();
            while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            if (path.endsWith("/v1")) path = path.substring(0, path.length() - 3);
            this.baseUri = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }

        public Builder httpVersion(HttpVersion v) { this.httpVersion = Objects.requireNonNull(v); return this; }
        /** Reads the API key from this environment variable. */
        public Builder apiKeyEnv(String name) { this.apiKeyEnv = Objects.requireNonNull(name); this.apiKeyFile = null; return this; }
        /** Reads the API key from this file (its whole content, stripped). */
        public Builder apiKeyFile(Path file) { this.apiKeyFile = Objects.requireNonNull(file); return this; }
        public Builder header(String name, String value) { headers.put(name, value); return this; }
        public Builder timeouts(Timeouts t) { this.timeouts = Objects.requireNonNull(t); return this; }
        /** I/O reactor threads (default 1: one was as fast as two on 2 cores and cost less CPU per token). */
        public Builder ioThreads(int n) {
            if (n < 1 || n > 64) throw new IllegalArgumentException("ioThreads must be 1..64, was " + n);
            this.ioThreads = n; return this;
        }
        /** Caps pooled connections; by default the pool is sized to the load so it never silently caps a tier. */
        public Builder maxConnections(int n) {
            if (n < 0) throw new IllegalArgumentException("maxConnections must be >= 0, was " + n);
            this.maxConnections = n; return this;
        }
        /**
         * Whether to send {@code min_tokens} when a benchmark asks for its exact output length (default true: vLLM,
         * SGLang and the simulator accept it). Turn it off for servers that reject unknown fields (OpenAI's hosted
         * API answers 400); {@code max_tokens} is always sent, and the result reports actual against requested length.
         */
        public Builder sendsMinTokens(boolean b) { this.sendsMinTokens = b; return this; }
        /** Whether to send {@code ignore_eos: true} when a benchmark asks for its exact output length (default true); as {@link #sendsMinTokens}. */
        public Builder sendsIgnoreEos(boolean b) { this.sendsIgnoreEos = b; return this; }
        /**
         * The largest SSE line (without its line end) or event (its data lines joined) a stream may send, in bytes
         * (default 4 MiB). A longer one fails that request as a protocol error ({@code SSE event larger than N bytes})
         * and frees what was buffered for it: a server that never ends a line costs at most this much per stream.
         */
        public Builder maxEventBytes(int n) {
            if (n < 1) throw new IllegalArgumentException("maxEventBytes must be >= 1, was " + n);
            this.maxEventBytes = n; return this;
        }
        /** The largest non-streamed response body in bytes (default 16 MiB); a longer one fails that request as a protocol error. */
        public Builder maxBodyBytes(int n) {
            if (n < 1) throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + n);
            this.maxBodyBytes = n; return this;
        }
        /**
         * Whether a stream that ends without its final event ({@code data: [DONE]}) fails as a protocol error even when
         * the answer was complete (default false: a stream that sent its {@code finish_reason} and its usage, then
         * closed cleanly, succeeds and is counted in {@code counts.missing_done}).
         */
        public Builder strictSse(boolean b) { this.strictSse = b; return this; }
        public EndpointConfig build() { return new EndpointConfig(this); }
    }
}
