package dev.llmbench.harness.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Layers of settings, highest first, with the built-in defaults last: a key's value is the one of the highest layer
 * that sets it (for a list setting, all the values that layer gives). Every read goes through a {@link Setting}, so
 * a bad value fails with the key, where the value came from and what is allowed. Immutable and thread-safe.
 */
public final class LayeredSettings {

    private final List<SettingsLayer> layers;

    private LayeredSettings(List<SettingsLayer> highestFirst) {
        List<SettingsLayer> l = new ArrayList<>(highestFirst);
        l.add(SettingsLayer.defaults());
        this.layers = List.copyOf(l);
    }

    /** These layers (highest first) over the built-in defaults. */
    public static LayeredSettings of(List<SettingsLayer> highestFirst) {
        return new LayeredSettings(highestFirst);
    }

    /**
     * The usual stack: environment variables &gt; system properties &gt; the front-end's own layers (highest first)
     * &gt; built-in defaults.
     *
     * @param getenv           e.g. {@code System::getenv}
     * @param systemProperties e.g. {@code System.getProperties()} (Maven: the session's user properties)
     */
    public static LayeredSettings standard(Function<String, String> getenv, Properties systemProperties,
                                           List<SettingsLayer> frontEndHighestFirst) {
        List<SettingsLayer> l = new ArrayList<>();
        l.add(SettingsLayer.environment(getenv));
        l.add(SettingsLayer.systemProperties(systemProperties));
        l.addAll(frontEndHighestFirst);
        return new LayeredSettings(l);
    }

    /** The layers, highest first, the defaults last. */
    public List<SettingsLayer> layers() {
        return layers;
    }

    /** The values of the highest layer that sets {@code setting} (one for a scalar setting); empty when none does. */
    public List<SettingValue> values(Setting<?> setting) {
        for (SettingsLayer layer : layers) {
            List<SettingValue> v = layer.values(setting.key());
            if (!v.isEmpty()) return setting.isList() ? v : List.of(v.get(v.size() - 1));
        }
        return List.of();
    }

    /** The winning value of a scalar setting, with its source; empty when no layer sets it and it has no default. */
    public Optional<SettingValue> find(Setting<?> setting) {
        List<SettingValue> v = values(setting);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /**
     * How high the layer that sets {@code setting} stands: 0 for the highest layer, larger below; the defaults last;
     * {@link Integer#MAX_VALUE} when nothing sets it. Settings that exclude each other (concurrency, rate and burst
     * tiers) are decided by it: the one set higher wins.
     */
    public int rank(Setting<?> setting) {
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).values(setting.key()).isEmpty()) return i;
        }
        return Integer.MAX_VALUE;
    }

    /** True when a layer above the defaults sets {@code setting}. */
    public boolean isSet(Setting<?> setting) {
        return find(setting).filter(v -> !v.source().equals("built-in default")).isPresent();
    }

    /**
     * The parsed value of a scalar setting, or null when nothing sets it and it has no default.
     *
     * @throws SettingsException naming the key, the source and what is allowed
     */
    public <T> T get(Setting<T> setting) {
        if (setting.isList()) throw new IllegalArgumentException(setting.key() + " is a list: use list()");
        return find(setting).map(setting::parse).orElse(null);
    }

    /**
     * The items of a list setting, each with the value (and so the source) it came from; empty when unset.
     *
     * @throws SettingsException when an item cannot be read
     */
    public List<Item> list(Setting<List<String>> setting) {
        List<Item> out = new ArrayList<>();
        for (SettingValue v : values(setting)) {
            for (String item : setting.parse(v)) out.add(new Item(item, v));
        }
        return out;
    }

    /** Keys starting with {@code llmbench.} that some layer sets but no setting declares (typos), with their sources. */
    public List<SettingValue> undeclared() {
        List<SettingValue> out = new ArrayList<>();
        for (SettingsLayer layer : layers) {
            for (String k : layer.keys()) {
                if (Settings.byKey(k) == null) out.addAll(layer.values(k));
            }
        }
        return out;
    }

    /** One item of a list setting and the value it came from (for messages). */
    public record Item(String text, SettingValue from) {
    }
}
