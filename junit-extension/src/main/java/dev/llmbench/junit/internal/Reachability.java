package dev.llmbench.junit.internal;

import dev.llmbench.harness.result.Redaction;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** A quick TCP connect to an endpoint's host and port, so an unreachable endpoint fails before anything runs. */
final class Reachability {

    static final int TIMEOUT_MILLIS = 3000;

    private Reachability() {
    }

    /**
     * @param source where the endpoint was configured (for the message)
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException with the URL (credentials stripped)
     *         when no TCP connection can be opened within {@value #TIMEOUT_MILLIS} ms
     */
    static void check(URI base, String rawUrl, String source) {
        int port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(base.getHost(), port), TIMEOUT_MILLIS);
        } catch (IOException | IllegalArgumentException e) {
            throw Misconfiguration.at("llmbench.endpoint (" + source + ")", "endpoint " + Redaction.stripCredentials(rawUrl)
                    + " is unreachable (TCP connect to " + base.getHost() + ":" + port + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "). Start the server, fix the URL, or leave llmbench.endpoint unset to use the embedded simulator");
        }
    }
}
