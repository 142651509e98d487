package dev.llmbench.harness.result;

import dev.llmbench.harness.endpoint.Redaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Normalises configuration values to the plain types a result file stores and reads back: String, Long, Double,
 * Boolean, List, Map (String keys, insertion order), or null. Other integral numbers become Long, other floating
 * numbers Double; enums, characters, URIs, paths, durations and instants become their strings. URLs lose their
 * credentials, values under secret-like keys become {@link Redaction#REDACTED}, and so do the values of header lines
 * written as strings ({@code "Authorization: Bearer …"}). Anything else is rejected with a
 * message naming the key.
 */
final class PlainValues {

    private PlainValues() {
    }

    static Map<String, Object> map(Map<String, ?> in, String path) {
        if (in == null) return null;
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : in.entrySet()) {
            String key = e.getKey();
            if (key == null) throw new IllegalArgumentException("configuration key at '" + path + "' is null");
            String p = path.isEmpty() ? key : path + "." + key;
            Object v = e.getValue();
            out.put(key, v != null && Redaction.isSecretName(key) ? Redaction.REDACTED : value(v, p));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object value(Object v, String path) {
        if (v == null || v instanceof Boolean || v instanceof Long) return v;
        if (v instanceof String s) return Redaction.redactString(s);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof java.util.concurrent.atomic.AtomicInteger || v instanceof java.util.concurrent.atomic.AtomicLong) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            if (b.bitLength() < 64) return b.longValue();
            throw new IllegalArgumentException("configuration value at '" + path + "' does not fit a long: " + b);
        }
        if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) throw new IllegalArgumentException("configuration value at '" + path + "' is not finite: " + d);
            return d;
        }
        if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Character || v instanceof java.net.URI
                || v instanceof java.net.URL || v instanceof java.nio.file.Path || v instanceof java.io.File
                || v instanceof java.time.Duration || v instanceof java.time.Instant) {
            String s = v instanceof Enum<?> e ? e.name() : v.toString();
            return value(s, path);
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (!(k instanceof String)) throw new IllegalArgumentException("configuration key under '" + path + "' is not a string: " + k);
                copy.put((String) k, x);
            });
            return map(copy, path);
        }
        if (v instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object x : it) out.add(value(x, path + "[" + i++ + "]"));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Object[] arr) return value(List.of(arr), path);
        throw new IllegalArgumentException("configuration value at '" + path + "' is a " + v.getClass().getName()
                + "; expected a string, number, boolean, list or map");
    }

    /** The path of the first difference between two normalised values, or null when equal. */
    static String firstDifference(Object a, Object b, String path) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            List<Object> keys = new ArrayList<>(ma.keySet());
            for (Object k : mb.keySet()) if (!ma.containsKey(k)) keys.add(k);
            for (Object k : keys) {
                String p = path.isEmpty() ? String.valueOf(k) : path + "." + k;
                if (ma.containsKey(k) != mb.containsKey(k)) return p;
                String d = firstDifference(ma.get(k), mb.get(k), p);
                if (d != null) return d;
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                String d = firstDifference(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) return d;
            }
            return la.size() == lb.size() ? null : path + "[" + Math.min(la.size(), lb.size()) + "]";
        }
        return java.util.Objects.equals(a, b) ? null : path;
    }
}
