package dev.llmbench.harness.endpoint;

import dev.llmbench.harness.endpoint.Redaction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A quick TCP connect to an endpoint's host and port, so that an unreachable endpoint fails at once with one clear
 * message instead of as a run of connection errors. Shared by the JUnit extension and the Maven plugin. Stateless.
 */
public final class Reachability {

    /** How long the connect may take, in milliseconds. */
    public static final int TIMEOUT_MILLIS = 3000;

    private Reachability() {
    }

    /**
     * Opens and closes one TCP connection to {@code base}'s host and port (80/443 by scheme when it has none: 443 for https and wss).
     *
     * @param base   the endpoint's base URI
     * @param rawUrl the URL as the user gave it; only its credential-stripped form appears in the message
     * @return null when the connection opened, else the reason: the URL without credentials, the host and port, and
     *         the error, e.g. {@code endpoint http://127.0.0.1:9 is unreachable (TCP connect to 127.0.0.1:9 failed:
     *         ConnectException: Connection refused)}
     */
    public static String problem(URI base, String rawUrl) {
        int port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) || "wss".equals(base.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), port), TIMEOUT_MILLIS);
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "endpoint " + Redaction.stripCredentials(rawUrl) + " is unreachable (TCP connect to " + base.getHost()
                    + ":" + port + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }
}
