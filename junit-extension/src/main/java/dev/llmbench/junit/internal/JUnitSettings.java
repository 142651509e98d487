package dev.llmbench.junit.internal;

import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Setting;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsLayer;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The JUnit front-end's layers, highest first: environment variables &gt; system properties &gt; annotations &gt;
 * JUnit configuration parameters ({@code junit-platform.properties}, Surefire's {@code configurationParameters},
 * {@code EngineTestKit}'s parameters) &gt; JUnit's defaults (a benchmark is named after its class and method) &gt;
 * the harness's built-in defaults. Only reads text; the harness's plan interprets it.
 */
final class JUnitSettings {

    private JUnitSettings() {
    }

    static LayeredSettings of(ExtensionContext context, AnnotationReader annotations) {
        return of(context::getConfigurationParameter, annotations, System::getenv, System.getProperties());
    }

    /** With every source given, so the precedence can be tested without touching the real environment. */
    static LayeredSettings of(Function<String, java.util.Optional<String>> platform, AnnotationReader annotations,
                              Function<String, String> getenv, Properties systemProperties) {
        SettingsLayer.Builder b = SettingsLayer.builder("JUnit configuration parameters");
        for (Setting<?> s : Settings.all()) {
            // JUnit also answers from system properties here; they are a layer above, so this only matters when unset there.
            platform.apply(s.key()).ifPresent(v -> b.put(s.key(), v, "configuration parameter " + s.key() + " (junit-platform.properties)"));
        }
        return LayeredSettings.standard(getenv, systemProperties, List.of(annotations.layer(), b.build(), annotations.defaults()));
    }
}
