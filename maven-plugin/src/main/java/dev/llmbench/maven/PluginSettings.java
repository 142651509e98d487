package dev.llmbench.maven;

import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Setting;
import dev.llmbench.harness.settings.SettingValue;
import dev.llmbench.harness.settings.SettingsLayer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A goal's parameters as settings layers, highest first: environment variables &gt; system and user properties
 * ({@code -Dllmbench.…}) &gt; the plugin's configuration in the pom &gt; the goal's project-dependent defaults (folders)
 * &gt; the harness's built-in defaults. Mojos only copy their fields in here as text; the harness interprets them.
 * Not thread-safe; one per execution.
 */
final class PluginSettings {

    private final SettingsLayer.Builder configuration = SettingsLayer.builder("plugin configuration");
    private final SettingsLayer.Builder defaults = SettingsLayer.builder("Maven defaults");

    /** A parameter's value as configured (null: not configured). Maven also fills it from {@code -D}; that layer wins anyway. */
    PluginSettings put(Setting<?> setting, Object value) {
        return put(setting, value, setting.key().substring("llmbench.".length()));
    }

    /** As {@link #put(Setting, Object)} for a parameter whose name is not the key's last part. */
    PluginSettings put(Setting<?> setting, Object value, String parameter) {
        configuration.put(setting.key(), text(value), "<" + parameter + "> in the plugin configuration");
        return this;
    }

    /** A default this goal computes (a folder of the project), below the plugin configuration. */
    PluginSettings defaultValue(Setting<?> setting, Object value, String why) {
        defaults.put(setting.key(), text(value), why);
        return this;
    }

    /** The layers; warns of {@code llmbench.*} properties that are no setting (typos). */
    LayeredSettings resolve(MavenSession session, Log log) {
        Properties props = new Properties();
        props.putAll(System.getProperties());
        if (session != null) {
            props.putAll(session.getSystemProperties());
            props.putAll(session.getUserProperties());
        }
        LayeredSettings s = LayeredSettings.standard(System::getenv, props, List.of(configuration.build(), defaults.build()));
        for (SettingValue typo : s.undeclared()) {
            log.warn("llmbench: " + typo.where() + " is not a setting (mvn llmbench:help -Ddetail lists them)");
        }
        return s;
    }

    private static String text(Object value) {
        if (value == null) return null;
        if (value instanceof File f) return f.getPath();
        if (value instanceof Collection<?> c) return c.stream().map(PluginSettings::text).collect(Collectors.joining(","));
        return value.toString();
    }
}
