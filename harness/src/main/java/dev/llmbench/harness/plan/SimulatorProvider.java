package dev.llmbench.harness.plan;

import java.net.URI;
import java.util.List;

/**
 * The embedded simulator, seen from the harness: the fallback endpoint when no {@code llmbench.endpoint} is set. Found
 * with {@link java.util.ServiceLoader} (see {@link EmbeddedSimulators}), so that the harness does not depend on the
 * simulator at compile time; the {@code llmbench-simulator-embedded} module provides it. Implementations are
 * thread-safe.
 */
public interface SimulatorProvider {

    /** The profile names, in a stable order (for messages). */
    List<String> profileNames();

    /**
     * A profile by name.
     *
     * @throws IllegalArgumentException naming the allowed profiles when there is none by this name
     */
    SimulatorProfile profile(String name);

    /**
     * Starts a simulator with this profile on 127.0.0.1.
     *
     * @param port a TCP port, 0 for a free one
     */
    Running start(String profileName, int port);

    /** The wire personality names, the default first; a provider without personalities has only {@code vllm}. */
    default List<String> personalityNames() {
        return List.of("vllm");
    }

    /**
     * Starts a simulator with this profile and wire personality on 127.0.0.1.
     *
     * @param personality one of {@link #personalityNames()}
     * @throws IllegalArgumentException naming the allowed personalities when there is none by this name
     */
    default Running start(String profileName, int port, String personality) {
        if (!personalityNames().contains(personality)) {
            throw new IllegalArgumentException("'" + personality + "' is not a simulator personality; allowed: "
                    + String.join(", ", personalityNames()));
        }
        return start(profileName, port);
    }

    /** A running simulator; closing it stops it (idempotent). */
    interface Running extends AutoCloseable {
        /** e.g. {@code http://127.0.0.1:40123/v1}. */
        URI baseUri();

        SimulatorProfile profile();

        /**
         * The OpenAI Realtime WebSocket URL, e.g. {@code ws://127.0.0.1:40124/v1/realtime}: where
         * {@code llmbench.protocol=realtime} is sent.
         *
         * @throws UnsupportedOperationException when this simulator does not serve the Realtime flow
         */
        default URI realtimeUri() {
            throw new UnsupportedOperationException("this simulator does not serve the OpenAI Realtime flow (llmbench.protocol=realtime)");
        }

        @Override
        void close();
    }
}
