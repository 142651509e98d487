package dev.llmbench.harness.settings;

import java.util.Objects;

/**
 * One value of a setting as a front-end read it, with where it came from, e.g. {@code system property -Dllmbench.requests}
 * or {@code @LoadTier(concurrency = {2, 20}) on ChatBenchmark}. Values are text: front-ends never interpret them, the
 * harness does (see {@link Setting#parse}).
 *
 * @param key    the setting's key, e.g. {@code llmbench.requests}
 * @param raw    the text as given (stripped)
 * @param source where it came from; a source starting with {@code @} names an annotation and reads on its own in
 *               messages, any other is shown after the key
 */
public record SettingValue(String key, String raw, String source) {

    public SettingValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(source, "source");
        raw = raw.strip();
    }

    /** How messages name this value: {@code llmbench.requests (system property -Dllmbench.requests)} or the annotation. */
    public String where() {
        return source.startsWith("@") ? source : key + " (" + source + ")";
    }
}
