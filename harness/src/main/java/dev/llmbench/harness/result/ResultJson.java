package dev.llmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.llmbench.harness.cost.Gpu;
import dev.llmbench.harness.cost.ModelSize;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.Counts;
import dev.llmbench.harness.metrics.Fidelity;
import dev.llmbench.harness.metrics.OutputLength;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.metrics.Summary;
import dev.llmbench.harness.metrics.SystemThroughput;
import dev.llmbench.harness.metrics.TimeSeries;
import dev.llmbench.harness.metrics.TokenReconciliation;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.workload.TokenCount;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one {@link ObjectMapper} of result files, configured once: snake_case names, unknown fields ignored (a newer
 * harness may add some), non-finite doubles written as the strings {@code "Infinity"}, {@code "-Infinity"},
 * {@code "NaN"} and read back exactly (Jackson's default), enums in lower case, instants as ISO-8601 text.
 * Domain records stay free of Jackson where their names already fit; mixins here say what differs (derived figures
 * written for readers of the file and ignored when reading, names the naming strategy cannot derive), and small
 * (de)serializers handle histograms (HdrHistogram's compressed encoding, base64) and token counts (an integer or a
 * distribution).
 */
final class ResultJson {

    /** Configured once; thread-safe after configuration. */
    static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private ResultJson() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        SimpleModule module = new SimpleModule("llmbench-result");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String s = p.getValueAsString();
                try {
                    return Instant.parse(s);
                } catch (RuntimeException e) {
                    return (Instant) c.handleWeirdStringValue(Instant.class, s, "expected an ISO-8601 instant");
                }
            }
        });
        module.addSerializer(Summary.class, new SummarySerializer());
        module.addDeserializer(Summary.class, new SummaryDeserializer());
        module.addSerializer(TokenCount.class, new TokenCountSerializer());
        module.addDeserializer(TokenCount.class, new TokenCountDeserializer());
        lowerCaseEnum(module, FailureKind.class);
        lowerCaseEnum(module, TokenSource.class);
        module.setMixInAnnotation(Counts.class, ResultJsonMixins.CountsMixin.class);
        module.setMixInAnnotation(dev.llmbench.harness.metrics.TokenTotals.class, ResultJsonMixins.TokenTotalsMixin.class);
        module.setMixInAnnotation(TokenReconciliation.class, ResultJsonMixins.ReconciliationMixin.class);
        module.setMixInAnnotation(OutputLength.class, ResultJsonMixins.OutputLengthMixin.class);
        module.setMixInAnnotation(Fidelity.class, ResultJsonMixins.FidelityMixin.class);
        module.setMixInAnnotation(TimeSeries.Point.class, ResultJsonMixins.PointMixin.class);
        module.setMixInAnnotation(RateLimits.class, ResultJsonMixins.RateLimitsMixin.class);
        module.setMixInAnnotation(SystemThroughput.class, ResultJsonMixins.ThroughputMixin.class);
        module.addSerializer(Pricing.class, new PricingSerializer());
        module.addDeserializer(Pricing.class, new PricingDeserializer());
        module.setMixInAnnotation(dev.llmbench.harness.workload.RequestShape.class, ResultJsonMixins.RequestShapeMixin.class);
        // The configuration records what was known: a field a file did not have stays absent when written back.
        for (Class<?> c : List.of(dev.llmbench.harness.load.LoadConfig.class, dev.llmbench.harness.endpoint.EndpointDescription.class,
                dev.llmbench.harness.endpoint.EndpointDescription.TimeoutsMillis.class, BenchmarkConfiguration.Tokenizer.class,
                BenchmarkConfiguration.OutputLengthSteering.class, BenchmarkConfiguration.Bounds.class)) {
            m.configOverride(c).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
        }
        return m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.USE_LONG_FOR_INTS, true) // plain values: Long, as before
                .enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(module);
    }

    /** A configuration from plain values (see {@link BenchmarkConfiguration#fromPlainValues}). */
    static BenchmarkConfiguration configuration(Map<String, ?> values) {
        try {
            return MAPPER.convertValue(PlainValues.map(values == null ? Map.of() : values, ""), BenchmarkConfiguration.class);
        } catch (IllegalArgumentException e) {
            if (!(e.getCause() instanceof JsonMappingException m)) throw e;
            throw new IllegalArgumentException("configuration." + path(m) + ": " + problem(m), e);
        }
    }

    /** The path of the field a mapping problem is about, as the file names it, e.g. {@code metrics.ttft.p90}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (path.length() > 0) path.append('.');
                path.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        FieldException fe = fieldException(e);
        if (fe != null && fe.field != null && !path.toString().endsWith(fe.field)) {
            path.append(path.length() > 0 ? "." : "").append(fe.field);
        }
        return path.toString();
    }

    /** What is wrong, without Jackson's reference chain. */
    static String problem(JsonMappingException e) {
        FieldException fe = fieldException(e);
        if (fe != null) return fe.getMessage();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof IllegalArgumentException || c instanceof NullPointerException) return c.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static FieldException fieldException(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) if (c instanceof FieldException fe) return fe;
        return null;
    }

    /** A configuration as plain values (ordered maps, lists, strings, numbers, booleans), for comparing two. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> plainValues(BenchmarkConfiguration c) {
        return MAPPER.convertValue(c, Map.class);
    }

    // ------------------------------------------------------------------ histograms and summaries

    /** HdrHistogram's compressed encoding of {@code h}, base64. */
    static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int len = h.encodeIntoCompressedByteBuffer(buf);
        byte[] bytes = new byte[len];
        buf.flip();
        buf.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes {@link #encode}'s text into an auto-resizing histogram. */
    static Histogram decode(String base64) throws java.util.zip.DataFormatException {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        Histogram resizable = new Histogram(h.getNumberOfSignificantValueDigits());
        resizable.add(h);
        return resizable;
    }

    /** The summary's figures in its unit, then its histogram (the figures are there for readers; the histogram rules). */
    private static final class SummarySerializer extends JsonSerializer<Summary> {
        @Override
        public void serialize(Summary s, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("unit", s.unit());
            g.writeNumberField("count", s.count());
            g.writeNumberField("mean", s.mean());
            g.writeNumberField("stddev", s.stddev());
            g.writeNumberField("min", s.min());
            g.writeNumberField("max", s.max());
            g.writeNumberField("p50", s.p50());
            g.writeNumberField("p90", s.p90());
            g.writeNumberField("p95", s.p95());
            g.writeNumberField("p99", s.p99());
            g.writeNumberField("p999", s.p999());
            g.writeNumberField("failed_count", s.failedCount());
            g.writeStringField("hdr_histogram", encode(s.histogram()));
            g.writeEndObject();
        }
    }

    /** Reads a summary; its count must match the histogram's, so a hand-edited figure cannot go unnoticed. */
    private static final class SummaryDeserializer extends JsonDeserializer<Summary> {
        @Override
        public Summary deserialize(JsonParser p, DeserializationContext c) throws IOException {
            SummaryFields f = c.readValue(p, SummaryFields.class);
            Histogram h;
            try {
                h = decode(f.hdrHistogram() == null ? "" : f.hdrHistogram());
            } catch (IllegalArgumentException | java.util.zip.DataFormatException | java.nio.BufferUnderflowException e) {
                throw new FieldException("hdr_histogram", "not a base64 HdrHistogram compressed encoding: " + e.getMessage());
            }
            if (f.count() != h.getTotalCount()) {
                throw new FieldException("count", f.count() + " does not match the histogram's " + h.getTotalCount() + " samples");
            }
            return new Summary(f.count(), f.mean(), f.stddev(), f.min(), f.max(), f.p50(), f.p90(), f.p95(), f.p99(),
                    f.p999(), f.failedCount(), f.unit(), h);
        }
    }

    /** A summary as written, before its histogram is decoded. */
    record SummaryFields(String unit, long count, double mean, double stddev, long min, long max, long p50, long p90,
                         long p95, long p99, long p999, long failedCount, String hdrHistogram) {
    }

    /** A problem with one field below the value being read; {@link ResultFiles} turns it into its full path. */
    static final class FieldException extends RuntimeException {
        final String field;

        FieldException(String field, String problem) {
            super(problem);
            this.field = field;
        }
    }

    // ------------------------------------------------------------------ token counts

    /** A fixed count as an integer, a distribution as {@code {mean, stddev, min, max}}. */
    private static final class TokenCountSerializer extends JsonSerializer<TokenCount> {
        @Override
        public void serialize(TokenCount t, JsonGenerator g, SerializerProvider p) throws IOException {
            if (t instanceof TokenCount.Normal n) {
                g.writeStartObject();
                g.writeNumberField("mean", n.mean());
                g.writeNumberField("stddev", n.stddev());
                g.writeNumberField("min", n.min());
                g.writeNumberField("max", n.max());
                g.writeEndObject();
            } else {
                g.writeNumber(((TokenCount.Fixed) t).tokens());
            }
        }
    }

    private static final class TokenCountDeserializer extends JsonDeserializer<TokenCount> {
        @Override
        public TokenCount deserialize(JsonParser p, DeserializationContext c) throws IOException {
            JsonNode n = p.readValueAsTree();
            try {
                if (n.isIntegralNumber()) return TokenCount.fixed(n.intValue());
                if (n.isObject()) {
                    return TokenCount.normal(n.path("mean").asDouble(Double.NaN), n.path("stddev").asDouble(Double.NaN),
                            n.path("min").asInt(0), n.path("max").asInt(0));
                }
            } catch (IllegalArgumentException e) {
                throw new FieldException(null, e.getMessage());
            }
            throw new FieldException(null, "expected a token count (an integer) or {mean, stddev, min, max}, found " + n);
        }
    }

    // ------------------------------------------------------------------ enums

    private static <E extends Enum<E>> void lowerCaseEnum(SimpleModule module, Class<E> type) {
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.name().toLowerCase(Locale.ROOT));
            }
        });
        module.addKeySerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(E v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeFieldName(v.name().toLowerCase(Locale.ROOT));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return enumValue(type, p.getValueAsString());
            }
        });
        module.addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext c) {
                return enumValue(type, key);
            }
        });
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, String.valueOf(name).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException(name, "unknown " + type.getSimpleName() + " '" + name + "'");
        }
    }

    /** The file records the effective cached-input price (the input price when none was set). */
    private static final class PricingSerializer extends JsonSerializer<Pricing> {
        @Override
        public void serialize(Pricing v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeNumberField("input_usd_per_million_tokens", v.inputUsdPerMillionTokens());
            g.writeNumberField("cached_input_usd_per_million_tokens", v.effectiveCachedInputUsdPerMillionTokens());
            // Only a price of its own: absent means 1.25 × input (and older files stay as they were).
            if (v.cacheWriteUsdPerMillionTokens() >= 0) {
                g.writeNumberField("cache_write_usd_per_million_tokens", v.cacheWriteUsdPerMillionTokens());
            }
            g.writeNumberField("output_usd_per_million_tokens", v.outputUsdPerMillionTokens());
            g.writeNumberField("gpu_usd_per_hour", v.gpuUsdPerHour());
            g.writeNumberField("gpu_count", v.gpuCount());
            g.writeNumberField("model_parameters", v.modelParameters());
            g.writeNumberField("peak_flops_per_gpu", v.peakFlopsPerGpu());
            g.writeStringField("source", v.source());
            if (v.gpu() != null) {
                Gpu gpu = v.gpu();
                g.writeObjectFieldStart("gpu");
                g.writeStringField("name", gpu.name());
                g.writeStringField("description", gpu.description());
                g.writeNumberField("peak_bf16_flops_per_second", gpu.peakBf16FlopsPerSecond());
                g.writeNumberField("memory_bandwidth_bytes_per_second", gpu.memoryBandwidthBytesPerSecond());
                g.writeNumberField("memory_bytes", gpu.memoryBytes());
                g.writeNumberField("usd_per_gpu_hour_low", gpu.usdPerGpuHourLow());
                g.writeNumberField("usd_per_gpu_hour_high", gpu.usdPerGpuHourHigh());
                g.writeStringField("source", gpu.source());
                g.writeEndObject();
            }
            if (v.model() != null) {
                g.writeObjectFieldStart("model");
                g.writeNumberField("total_parameters", v.model().totalParameters());
                g.writeNumberField("active_parameters", v.model().activeParameters());
                g.writeNumberField("bytes_per_parameter", v.model().bytesPerParameter());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static final class PricingDeserializer extends JsonDeserializer<Pricing> {
        @Override
        public Pricing deserialize(JsonParser p, DeserializationContext c) throws IOException {
            JsonNode n = p.readValueAsTree();
            try {
                Gpu gpu = null;
                JsonNode gn = n.get("gpu");
                if (gn != null && gn.isObject()) {
                    gpu = new Gpu(text(gn, "name"), text(gn, "description"), num(gn, "peak_bf16_flops_per_second"),
                            num(gn, "memory_bandwidth_bytes_per_second"), num(gn, "memory_bytes"), num(gn, "usd_per_gpu_hour_low"),
                            num(gn, "usd_per_gpu_hour_high"), text(gn, "source"));
                }
                ModelSize model = null;
                JsonNode mn = n.get("model");
                if (mn != null && mn.isObject()) {
                    model = new ModelSize(num(mn, "total_parameters"), num(mn, "active_parameters"), num(mn, "bytes_per_parameter"));
                }
                return new Pricing(num(n, "input_usd_per_million_tokens"), num(n, "cached_input_usd_per_million_tokens"),
                        num(n, "output_usd_per_million_tokens"), num(n, "gpu_usd_per_hour"), (int) num(n, "gpu_count"),
                        num(n, "model_parameters"), num(n, "peak_flops_per_gpu"),
                        n.hasNonNull("source") ? n.get("source").asText() : null,
                        n.hasNonNull("cache_write_usd_per_million_tokens") ? num(n, "cache_write_usd_per_million_tokens") : -1,
                        gpu, model);
            } catch (IllegalArgumentException e) {
                throw new FieldException(null, e.getMessage());
            }
        }

        private static String text(JsonNode n, String key) {
            JsonNode v = n.get(key);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static double num(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) return 0;
            if (!v.isNumber()) throw new FieldException(key, "expected a number, found " + v);
            return v.doubleValue();
        }
    }
}
