package dev.llmbench.harness.load;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@link LoadModel#fromConfig(Map)}. */
final class Configs {
    private Configs() {
    }

    /** Keys accepted per model type. */
    static final Map<String, Set<String>> CONFIG_KEYS = Map.of(
            "concurrency", Set.of("type", "users"),
            "arrival_rate", Set.of("type", "rate_per_second", "process", "burstiness", "max_concurrency"),
            "burst", Set.of("type", "size", "repeats", "interval_seconds"));

    static LoadModel fromConfig(Map<String, ?> config) {
        if (config == null) throw new IllegalArgumentException("load model config must not be null");
        Object typeValue = config.get("type");
        String allowedTypes = String.join(", ", new TreeSet<>(CONFIG_KEYS.keySet()));
        if (!(typeValue instanceof String type) || !CONFIG_KEYS.containsKey(type)) {
            throw new IllegalArgumentException("load model config key 'type' must be one of " + allowedTypes
                    + ", was " + typeValue);
        }
        for (String key : config.keySet()) {
            if (!CONFIG_KEYS.get(type).contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for load model type " + type
                        + "; allowed: " + String.join(", ", new TreeSet<>(CONFIG_KEYS.get(type))));
            }
        }
        switch (type) {
            case "concurrency":
                return LoadModel.concurrency(intValue(config, "users"));
            case "arrival_rate": {
                String processName = stringValue(config, "process");
                ArrivalProcess process;
                if (processName.equalsIgnoreCase("gamma")) {
                    process = ArrivalProcess.gamma(number(config, "burstiness").doubleValue());
                } else {
                    if (config.containsKey("burstiness")) {
                        throw new IllegalArgumentException("key 'burstiness' is only allowed with process gamma");
                    }
                    process = ArrivalProcess.parse(processName);
                }
                LoadModel.ArrivalRate model = LoadModel.arrivalRate(number(config, "rate_per_second").doubleValue(), process);
                return config.containsKey("max_concurrency")
                        ? model.withMaxConcurrency(intValue(config, "max_concurrency")) : model;
            }
            default: {
                double seconds = number(config, "interval_seconds").doubleValue();
                if (!(seconds >= 0) || seconds > LoadModel.MAX_INTERVAL.toSeconds()) {
                    throw new IllegalArgumentException("key 'interval_seconds' must be in [0, 86400], was " + seconds);
                }
                return LoadModel.burst(intValue(config, "size"), intValue(config, "repeats"),
                        Duration.ofNanos(Math.round(seconds * 1e9)));
            }
        }
    }

    private static Number number(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException("load model config key '" + key + "' must be a number, was "
                + (v == null ? "missing" : v + " (" + v.getClass().getSimpleName() + ")"));
    }

    private static int intValue(Map<String, ?> config, String key) {
        Number n = number(config, key);
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("load model config key '" + key + "' must be a whole number, was " + n);
        }
        return (int) d;
    }

    private static String stringValue(Map<String, ?> config, String key) {
        Object v = config.get(key);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("load model config key '" + key + "' must be a string, was "
                + (v == null ? "missing" : v));
    }
}
