package dev.llmbench.harness.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code llmbench.*} key, declared once (in {@link Settings}): its type, default, what is allowed and one line of
 * documentation. Parsing a value is the setting's job, so every front-end reads values the same way and every
 * message says the same thing. Immutable and thread-safe.
 *
 * @param <T> the parsed value's type
 */
public final class Setting<T> {

    private final String key;
    private final String type;
    private final String defaultText;
    private final String allowed;
    private final String doc;
    private final boolean list;
    private final Function<String, T> parser;

    private Setting(String key, String type, String defaultText, String allowed, String doc, boolean list,
                    Function<String, T> parser) {
        if (!key.matches("llmbench\\.[a-z][A-Za-z0-9.]*")) throw new IllegalArgumentException("not a setting key: " + key);
        this.key = key;
        this.type = Objects.requireNonNull(type);
        this.defaultText = defaultText;
        this.allowed = Objects.requireNonNull(allowed);
        this.doc = Objects.requireNonNull(doc);
        this.list = list;
        this.parser = Objects.requireNonNull(parser);
    }

    /** Free text (a URL, a name); {@code allowed} describes it for messages and the README. */
    public static Setting<String> text(String key, String defaultText, String allowed, String doc) {
        return new Setting<>(key, "text", defaultText, allowed, doc, false, raw -> raw);
    }

    /** A whole number in {@code min..max}. */
    public static Setting<Long> wholeNumber(String key, Long defaultValue, long min, long max, String doc) {
        String allowed = min + ".." + max;
        return new Setting<>(key, "whole number", defaultValue == null ? null : defaultValue.toString(), allowed, doc, false,
                raw -> {
                    long v;
                    try {
                        v = Long.parseLong(raw.replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + raw + "' is not a whole number; allowed: " + allowed);
                    }
                    if (v < min || v > max) throw new IllegalArgumentException(v + " is out of range; allowed: " + allowed);
                    return v;
                });
    }

    /** A finite number in {@code min..max}, e.g. seconds or dollars; a leading {@code $} is accepted. */
    public static Setting<Double> number(String key, Double defaultValue, double min, double max, String unit, String doc) {
        String allowed = "a number " + fmt(min) + ".." + fmt(max) + (unit.isEmpty() ? "" : " (" + unit + ")");
        return new Setting<>(key, "number", defaultValue == null ? null : fmt(defaultValue), allowed, doc, false, raw -> {
            double v;
            try {
                v = Double.parseDouble(raw.startsWith("$") ? raw.substring(1) : raw);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a number; allowed: " + allowed);
            }
            if (Double.isNaN(v) || v < min || v > max) {
                throw new IllegalArgumentException("'" + raw + "' is out of range; allowed: " + allowed);
            }
            return v;
        });
    }

    /**
     * A duration: a number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}) or plain seconds
     * ({@code 2.5}); {@code 0} means no limit.
     */
    public static Setting<java.time.Duration> duration(String key, String defaultValue, String doc) {
        String allowed = "a duration such as 500ms, 10s, 2m, 1h, or seconds (2.5); 0 = no limit";
        return new Setting<>(key, "duration", defaultValue, allowed, doc, false, raw -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?").matcher(raw.toLowerCase(Locale.ROOT));
            if (!m.matches()) throw new IllegalArgumentException("'" + raw + "' is not a duration; allowed: " + allowed);
            double v = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double nanos = v * switch (unit) {
                case "ms" -> 1e6;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                default -> 1e9;
            };
            if (nanos > 7 * 24 * 3600e9) throw new IllegalArgumentException("'" + raw + "' is out of range; allowed: at most 7 days");
            return java.time.Duration.ofNanos(Math.round(nanos));
        });
    }

    /** {@code true} or {@code false}. */
    public static Setting<Boolean> flag(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, "boolean", Boolean.toString(defaultValue), "true, false", doc, false, raw -> {
            String v = raw.toLowerCase(Locale.ROOT);
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
            throw new IllegalArgumentException("'" + raw + "' is not a boolean; allowed: true, false");
        });
    }

    /** One of a closed set of words (case-insensitive), returned in lower case. */
    public static Setting<String> choice(String key, String defaultValue, List<String> values, String doc) {
        String allowed = String.join(", ", values);
        return new Setting<>(key, "one of " + allowed, defaultValue, allowed, doc, false, raw -> {
            String v = raw.toLowerCase(Locale.ROOT);
            if (!values.contains(v)) throw new IllegalArgumentException("'" + raw + "' is not allowed; allowed: " + allowed);
            return v;
        });
    }

    /** A file or folder. */
    public static Setting<Path> path(String key, String defaultValue, String doc) {
        return new Setting<>(key, "path", defaultValue, "a file system path", doc, false, raw -> {
            try {
                return Path.of(raw);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + raw + "' is not a valid path: " + e.getMessage());
            }
        });
    }

    /**
     * A list of items separated by any of {@code separators} outside parentheses; items stay text (the plan reads them, since
     * an item's meaning can depend on other settings). A layer may give several values: their items are joined.
     */
    public static Setting<List<String>> list(String key, String defaultValue, String separators, String allowed, String doc) {
        return new Setting<>(key, "list", defaultValue, allowed, doc, true, raw -> split(raw, separators));
    }

    /** Items of {@code text} separated by any of {@code separators} outside parentheses, stripped, blanks dropped. */
    static List<String> split(String text, String separators) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') depth--;
            if (separators.indexOf(c) >= 0 && depth <= 0) {
                if (!cur.toString().isBlank()) out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().strip());
        return out;
    }

    /**
     * Parses one value.
     *
     * @throws SettingsException naming where the value came from and what is allowed
     */
    public T parse(SettingValue value) {
        try {
            return parser.apply(value.raw());
        } catch (IllegalArgumentException e) {
            throw SettingsException.at(value, e.getMessage());
        }
    }

    public String key() { return key; }

    /** e.g. {@code whole number}, {@code one of chat, completions}. */
    public String type() { return type; }

    /** The built-in default as text, or null when the setting has none (unset means something, said in {@link #doc}). */
    public String defaultText() { return defaultText; }

    /** What values are allowed, for messages. */
    public String allowed() { return allowed; }

    /** One line of documentation. */
    public String doc() { return doc; }

    /** True for list settings, whose values a layer may give several times. */
    public boolean isList() { return list; }

    /** {@code llmbench.apiKeyEnv} → {@code LLMBENCH_API_KEY_ENV}: upper case; dots and camel humps become underscores. */
    public String environmentName() {
        StringBuilder sb = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '-') {
                sb.append('_');
            } else if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key;
    }

    private static String fmt(double d) {
        if (d == Double.MAX_VALUE) return "∞";
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
