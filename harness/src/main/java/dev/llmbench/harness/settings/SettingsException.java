package dev.llmbench.harness.settings;

/**
 * A setting that cannot be used, with one message that names the key (or the annotation that set it), where the value
 * came from and what is allowed: {@code llmbench: llmbench.requests (system property -Dllmbench.requests): 'ten' is not
 * a whole number; allowed: 0..1000000}. Front-ends rethrow it as their own kind of configuration error, message unchanged.
 */
public final class SettingsException extends IllegalArgumentException {

    /** Every message starts with this. */
    public static final String PREFIX = "llmbench: ";

    private final String key;

    private SettingsException(String key, String message) {
        super(PREFIX + message);
        this.key = key;
    }

    /** A bad value: {@code <where>: <problem>}. */
    public static SettingsException at(SettingValue value, String problem) {
        return new SettingsException(value.key(), value.where() + ": " + problem);
    }

    /** A problem of a key that has no single value to blame (missing, or a combination): {@code <key>: <problem>}. */
    public static SettingsException of(String key, String problem) {
        return new SettingsException(key, key + ": " + problem);
    }

    /** A problem found at a place that is not a setting value (an annotation without attributes, say). */
    public static SettingsException where(String key, String where, String problem) {
        return new SettingsException(key, where + ": " + problem);
    }

    /** The setting's key. */
    public String key() {
        return key;
    }
}
