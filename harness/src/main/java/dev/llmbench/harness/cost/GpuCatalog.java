package dev.llmbench.harness.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The GPUs the cost floor knows, by name: a built-in table ({@value #RESOURCE}: A100 40/80 GB, H100 SXM, H200, L40S,
 * A10G, MI300X, each figure with its public source) that a file the user owns overrides and extends. Immutable and
 * thread-safe.
 *
 * <p>A file holds {@code {"gpus": [ {...}, ... ]}}; each entry has a {@code name} and any of
 * {@code description, peak_bf16_flops_per_second, memory_bandwidth_bytes_per_second, memory_bytes,
 * usd_per_gpu_hour_low, usd_per_gpu_hour_high, source} (numbers in FLOP/s, bytes/s, bytes and US dollars). An entry
 * whose name is already known replaces only the fields it gives (its source then says what the file changed unless
 * it gives one); a new name needs every figure and a source. Bad input fails with a message naming the file, the entry
 * and the field.
 */
public final class GpuCatalog {

    /** The built-in table, a class-path resource. */
    public static final String RESOURCE = "/dev/llmbench/harness/cost/gpus.json";

    private static final Set<String> FIELDS = Set.of("name", "description", "peak_bf16_flops_per_second",
            "memory_bandwidth_bytes_per_second", "memory_bytes", "usd_per_gpu_hour_low", "usd_per_gpu_hour_high", "source");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GpuCatalog BUILT_IN = readBuiltIn();

    private final Map<String, Gpu> gpus;

    private GpuCatalog(Map<String, Gpu> gpus) {
        this.gpus = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gpus));
    }

    /** The built-in table. */
    public static GpuCatalog builtIn() {
        return BUILT_IN;
    }

    /** The built-in table with {@code userFile} applied over it; null: the built-in table. */
    public static GpuCatalog load(Path userFile) {
        return userFile == null ? BUILT_IN : BUILT_IN.withFile(userFile);
    }

    /** This table with the entries of {@code file} applied (see the class comment). */
    public GpuCatalog withFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("GPU catalog " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        return apply(text, file.toString());
    }

    /** This table with the entries of the JSON {@code text} applied; {@code origin} names it in messages. */
    GpuCatalog apply(String text, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GPU catalog " + origin + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode list = root == null ? null : root.get("gpus");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("GPU catalog " + origin + ": expected {\"gpus\": [ ... ]}");
        }
        Map<String, Gpu> merged = new LinkedHashMap<>(gpus);
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String where = "GPU catalog " + origin + ": gpus[" + i + "]";
            if (!e.isObject()) throw new IllegalArgumentException(where + ": expected an object, found " + e);
            JsonNode nameNode = e.get("name");
            if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": name: required, a text such as \"h100-sxm\"");
            }
            String name = nameNode.asText().trim().toLowerCase(Locale.ROOT);
            where += " ('" + name + "')";
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException(where + ": " + f + ": unknown field; allowed: " + String.join(", ",
                            new java.util.TreeSet<>(FIELDS)));
                }
            }
            Gpu old = merged.get(name);
            List<String> changed = new ArrayList<>();
            try {
                Gpu gpu = new Gpu(name,
                        text(e, "description", old == null ? null : old.description(), where, changed),
                        number(e, "peak_bf16_flops_per_second", old == null ? null : old.peakBf16FlopsPerSecond(), where, changed),
                        number(e, "memory_bandwidth_bytes_per_second", old == null ? null : old.memoryBandwidthBytesPerSecond(), where, changed),
                        number(e, "memory_bytes", old == null ? null : old.memoryBytes(), where, changed),
                        number(e, "usd_per_gpu_hour_low", old == null ? null : old.usdPerGpuHourLow(), where, changed),
                        number(e, "usd_per_gpu_hour_high", old == null ? null : old.usdPerGpuHourHigh(), where, changed),
                        source(e, old, origin, changed, where));
                merged.put(name, gpu);
            } catch (IllegalArgumentException ex) {
                if (ex.getMessage().startsWith("GPU catalog ")) throw ex;
                throw new IllegalArgumentException(where + ": " + ex.getMessage());
            }
        }
        return new GpuCatalog(merged);
    }

    private static String text(JsonNode e, String field, String old, String where, List<String> changed) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) return old;
        if (!v.isTextual()) throw new IllegalArgumentException(where + ": " + field + ": expected a text, found " + v);
        changed.add(field);
        return v.asText();
    }

    private static double number(JsonNode e, String field, Double old, String where, List<String> changed) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            if (old == null) throw new IllegalArgumentException(where + ": " + field + ": required for a GPU the catalog does not know");
            return old;
        }
        if (!v.isNumber()) throw new IllegalArgumentException(where + ": " + field + ": expected a number, found " + v);
        double d = v.doubleValue();
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(where + ": " + field + ": must be a finite number >= 0, was " + v);
        }
        changed.add(field);
        return d;
    }

    private static String source(JsonNode e, Gpu old, String origin, List<String> changed, String where) {
        JsonNode v = e.get("source");
        if (v != null && !v.isNull()) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": source: expected a text naming where the figures come from");
            }
            return v.asText();
        }
        if (old == null) throw new IllegalArgumentException(where + ": source: required, where the figures come from");
        return changed.isEmpty() ? old.source() : old.source() + "; " + String.join(", ", changed) + " from " + origin;
    }

    private static GpuCatalog readBuiltIn() {
        try (InputStream in = GpuCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new GpuCatalog(Map.of()).apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "(built-in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every GPU, built-in ones first in table order, then the user's new ones. */
    public List<Gpu> gpus() {
        return List.copyOf(gpus.values());
    }

    /** Every name, in {@link #gpus()} order. */
    public List<String> names() {
        return List.copyOf(gpus.keySet());
    }

    /** The GPU called {@code name} (case-insensitive), or null. */
    public Gpu find(String name) {
        return name == null ? null : gpus.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The GPU called {@code name}; an unknown name fails with the names allowed. */
    public Gpu get(String name) {
        Gpu g = find(name);
        if (g == null) throw new IllegalArgumentException("'" + name + "' is not a GPU in the catalog; allowed: " + String.join(", ", names()));
        return g;
    }
}
