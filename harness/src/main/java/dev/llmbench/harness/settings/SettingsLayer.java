package dev.llmbench.harness.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The values one source gives (the environment, system properties, annotations, {@code junit-platform.properties},
 * the plugin's configuration, the plan builder), as text with where each came from. A front-end only fills layers;
 * {@link LayeredSettings} decides which value wins and the declarations in {@link Settings} read it. Immutable once
 * built; build with {@link #builder(String)}.
 */
public final class SettingsLayer {

    private final String name;
    private final Map<String, List<SettingValue>> values;

    private SettingsLayer(String name, Map<String, List<SettingValue>> values) {
        this.name = name;
        Map<String, List<SettingValue>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** @param name the layer's name, e.g. {@code annotations} (for diagnostics) */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The environment: every declared key under its {@link Setting#environmentName()}. */
    public static SettingsLayer environment(Function<String, String> getenv) {
        Builder b = builder("environment variables");
        for (Setting<?> s : Settings.all()) {
            String envName = s.environmentName();
            b.put(s.key(), getenv.apply(envName), "environment variable " + envName);
        }
        return b.build();
    }

    /** System properties (or Maven's user properties): every key starting with {@code llmbench.}, declared or not. */
    public static SettingsLayer systemProperties(Properties properties) {
        Builder b = builder("system properties");
        for (String k : properties.stringPropertyNames()) {
            if (k.startsWith("llmbench.")) b.put(k, properties.getProperty(k), "system property -D" + k);
        }
        return b.build();
    }

    /** Built-in defaults of every declared setting. */
    static SettingsLayer defaults() {
        Builder b = builder("built-in defaults");
        Settings.defaults().forEach((k, v) -> b.put(k, v, "built-in default"));
        return b.build();
    }

    public String name() {
        return name;
    }

    /** The values this layer gives for {@code key}, in the order given; empty when it gives none. */
    public List<SettingValue> values(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** The keys this layer sets. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }

    @Override
    public String toString() {
        return name + " " + values.keySet();
    }

    /** Collects values; blank and null values count as not set. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Map<String, List<SettingValue>> values = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** Sets {@code key} to {@code raw}, replacing what this layer had (null or blank: nothing). */
        public Builder put(String key, String raw, String source) {
            if (raw == null || raw.isBlank()) return this;
            List<SettingValue> list = new ArrayList<>();
            list.add(new SettingValue(key, raw, source));
            values.put(key, list);
            return this;
        }

        /** Adds one more value of a list setting (e.g. one {@code @Slo} of several), each with its own source. */
        public Builder add(String key, String raw, String source) {
            if (raw == null || raw.isBlank()) return this;
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(new SettingValue(key, raw, source));
            return this;
        }

        /** Sets every non-blank entry of {@code texts}, each with source {@code source}. */
        public Builder putAll(Map<String, String> texts, String source) {
            texts.forEach((k, v) -> put(k, v, source));
            return this;
        }

        public SettingsLayer build() {
            return new SettingsLayer(name, values);
        }
    }
}
