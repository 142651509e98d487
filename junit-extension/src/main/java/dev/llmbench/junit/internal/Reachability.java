package dev.llmbench.junit.internal;

import java.net.URI;

/** The harness's reachability check, failing as a misconfiguration of {@code llmbench.endpoint}. */
final class Reachability {

    private Reachability() {
    }

    /**
     * @param source where the endpoint was configured (for the message)
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException with the URL (credentials stripped)
     *         when no TCP connection can be opened
     */
    static void check(URI base, String rawUrl, String source) {
        String problem = dev.llmbench.harness.endpoint.Reachability.problem(base, rawUrl);
        if (problem != null) {
            throw Misconfiguration.at("llmbench.endpoint (" + source + ")", problem
                    + ". Start the server, fix the URL, or leave llmbench.endpoint unset to use the embedded simulator");
        }
    }
}
