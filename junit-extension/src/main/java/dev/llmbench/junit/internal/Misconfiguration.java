package dev.llmbench.junit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Builds the one clear message of a configuration mistake: "llmbench: &lt;key or annotation&gt; (&lt;source&gt;): &lt;what is wrong; allowed&gt;". */
final class Misconfiguration {

    static final String PREFIX = "llmbench: ";

    private Misconfiguration() {
    }

    static ExtensionConfigurationException of(SettingsResolver.Value v, String problem) {
        String where = v.source().startsWith("@") ? v.source() : v.key() + " (" + v.source() + ")";
        return new ExtensionConfigurationException(PREFIX + where + ": " + problem);
    }

    static ExtensionConfigurationException at(String where, String problem) {
        return new ExtensionConfigurationException(PREFIX + where + ": " + problem);
    }
}
