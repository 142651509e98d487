package dev.llmbench.harness.workload.tokenizer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata key/value pairs of a GGUF file (versions 2 and 3): magic {@code GGUF}, version u32, tensor count u64,
 * KV count u64, then the typed KV entries, little-endian. Reading stops after the last KV entry: tensor infos and
 * tensor data are never read, so a 40 GB model costs only its header. Arrays of strings become {@code String[]},
 * of float32 {@code float[]}, of integers {@code long[]} (booleans {@code boolean[]}); scalars their boxed value.
 * Immutable after {@link #read}; thread-safe.
 */
public final class GgufMetadata {
    private static final int MAX_STRING = 1 << 26;
    private static final long MAX_ARRAY = 1L << 28;

    private final int version;
    private final long tensorCount;
    private final Map<String, Object> values;

    private GgufMetadata(int version, long tensorCount, Map<String, Object> values) {
        this.version = version;
        this.tensorCount = tensorCount;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Reads the header and metadata of {@code file}. */
    public static GgufMetadata read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(new DataInputStream(in), file.toString());
        }
    }

    private static GgufMetadata read(DataInputStream in, String where) throws IOException {
        byte[] magic = new byte[4];
        try {
            in.readFully(magic);
        } catch (EOFException e) {
            throw new IOException(where + " is not a GGUF file (shorter than its magic)");
        }
        if (magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
            throw new IOException(where + " is not a GGUF file (magic is not \"GGUF\")");
        }
        Reader r = new Reader(in);
        int version = r.u32();
        if (version != 2 && version != 3) {
            throw new IOException(where + ": GGUF version " + version + " is not supported; supported: 2, 3");
        }
        long tensors = r.u64();
        long kvCount = r.u64();
        if (kvCount < 0 || kvCount > 1_000_000) throw new IOException(where + ": implausible KV count " + kvCount);
        Map<String, Object> values = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = r.string();
            int type = r.u32();
            values.put(key, r.value(type, key));
        }
        return new GgufMetadata(version, tensors, values);
    }

    public int version() {
        return version;
    }

    public long tensorCount() {
        return tensorCount;
    }

    /** All metadata, in file order. */
    public Map<String, Object> values() {
        return values;
    }

    /** The value of {@code key}, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The string value of {@code key}, or {@code fallback} if absent. */
    public String string(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    /** The boolean value of {@code key}, or {@code fallback} if absent. */
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        return v instanceof Boolean ? (Boolean) v : fallback;
    }

    /** Little-endian primitive reads over a stream. */
    private static final class Reader {
        private final DataInputStream in;

        Reader(DataInputStream in) {
            this.in = in;
        }

        int u32() throws IOException {
            return Integer.reverseBytes(in.readInt());
        }

        long u64() throws IOException {
            return Long.reverseBytes(in.readLong());
        }

        String string() throws IOException {
            long n = u64();
            if (n < 0 || n > MAX_STRING) throw new IOException("GGUF string of implausible length " + n);
            byte[] b = new byte[(int) n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        Object value(int type, String key) throws IOException {
            switch (type) {
                case 0: return (long) in.readUnsignedByte();
                case 1: return (long) in.readByte();
                case 2: return (long) Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
                case 3: return (long) Short.reverseBytes(in.readShort());
                case 4: return Integer.toUnsignedLong(u32());
                case 5: return (long) u32();
                case 6: return Float.intBitsToFloat(u32());
                case 7: return in.readByte() != 0;
                case 8: return string();
                case 9: return array(key);
                case 10:
                case 11: return u64();
                case 12: return Double.longBitsToDouble(u64());
                default: throw new IOException("GGUF key '" + key + "' has unknown value type " + type);
            }
        }

        Object array(String key) throws IOException {
            int type = u32();
            long n = u64();
            if (n < 0 || n > MAX_ARRAY) throw new IOException("GGUF array '" + key + "' of implausible length " + n);
            int len = (int) n;
            switch (type) {
                case 8: {
                    String[] a = new String[len];
                    for (int i = 0; i < len; i++) a[i] = string();
                    return a;
                }
                case 6: {
                    float[] a = new float[len];
                    for (int i = 0; i < len; i++) a[i] = Float.intBitsToFloat(u32());
                    return a;
                }
                case 7: {
                    boolean[] a = new boolean[len];
                    for (int i = 0; i < len; i++) a[i] = in.readByte() != 0;
                    return a;
                }
                case 12: {
                    double[] a = new double[len];
                    for (int i = 0; i < len; i++) a[i] = Double.longBitsToDouble(u64());
                    return a;
                }
                case 9: {
                    Object[] a = new Object[len];
                    for (int i = 0; i < len; i++) a[i] = array(key);
                    return a;
                }
                default: {
                    long[] a = new long[len];
                    for (int i = 0; i < len; i++) a[i] = ((Number) value(type, key)).longValue();
                    return a;
                }
            }
        }
    }
}
