package dev.llmbench.harness.plan;

import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.settings.SettingValue;

/** Where a plan sends its requests: a configured endpoint, or the embedded simulator (started when the plan runs). */
public sealed interface Target permits Target.Remote, Target.Simulated {

    /** How reports and messages show the target (never with credentials). */
    String display();

    /**
     * A configured endpoint.
     *
     * @param displayUrl the URL without credentials
     * @param config     how to reach it
     * @param setting    the {@code llmbench.endpoint} value (for messages naming where it came from)
     */
    record Remote(String displayUrl, EndpointConfig config, SettingValue setting) implements Target {
        @Override
        public String display() {
            return displayUrl;
        }

        @Override
        public String toString() {
            return "Remote[" + displayUrl + "]"; // never the raw URL the setting holds
        }
    }

    /** The embedded simulator with this profile and wire personality ({@code vllm}, {@code llamacpp}, {@code openai}, {@code tgi}, {@code ollama}). */
    record Simulated(SimulatorProfile profile, String personality) implements Target {
        /** The default ({@code vllm}) personality. */
        public Simulated(SimulatorProfile profile) {
            this(profile, "vllm");
        }

        @Override
        public String display() {
            return "embedded simulator (profile " + profile.name()
                    + ("vllm".equals(personality) ? "" : ", personality " + personality) + ")";
        }
    }
}
