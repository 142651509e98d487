package dev.llmbench.junit.internal;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.junit.ConfigurationKeys;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.Slo;
import dev.llmbench.junit.Warmup;
import dev.llmbench.harness.workload.TokenCount;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the llmbench annotations of one test method: on the method first, then on its class (with superclasses,
 * for {@code @Inherited} annotations), then on the enclosing classes of a {@code @Nested} class. Every mistake
 * throws {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the annotation, where it
 * sits and what is allowed.
 */
public final class AnnotationReader {

    /** An annotation and where it was found, e.g. {@code ChatBenchmark.chat()}. */
    record Found<A extends Annotation>(A annotation, String where) {
    }

    private final Method method;
    private final Class<?> testClass;

    public AnnotationReader(Method method, Class<?> testClass) {
        this.method = method;
        this.testClass = testClass;
    }

    // ------------------------------------------------------------------ scalar settings (the annotation layer)

    /** The values set by {@code @LlmBenchmark}, {@code @Warmup} and {@code @Measurement}, by configuration key. */
    public Map<String, SettingsResolver.Value> settingsLayer() {
        Map<String, SettingsResolver.Value> values = new LinkedHashMap<>();
        List<Found<LlmBenchmark>> benches = all(LlmBenchmark.class);
        string(values, benches, ConfigurationKeys.ENDPOINT, "endpoint", LlmBenchmark::endpoint);
        string(values, benches, ConfigurationKeys.MODEL, "model", LlmBenchmark::model);
        string(values, benches, ConfigurationKeys.PROTOCOL, "protocol", LlmBenchmark::protocol);
        string(values, benches, ConfigurationKeys.API_KEY_ENV, "apiKeyEnv", LlmBenchmark::apiKeyEnv);
        string(values, benches, ConfigurationKeys.SIMULATOR_PROFILE, "simulatorProfile", LlmBenchmark::simulatorProfile);
        List<Found<Warmup>> warmups = all(Warmup.class);
        number(values, warmups, ConfigurationKeys.WARMUP_REQUESTS, "requests", w -> (double) w.requests(), true);
        number(values, warmups, ConfigurationKeys.WARMUP_SECONDS, "seconds", Warmup::seconds, false);
        List<Found<Measurement>> measurements = all(Measurement.class);
        number(values, measurements, ConfigurationKeys.REQUESTS, "requests", m -> (double) m.requests(), true);
        number(values, measurements, ConfigurationKeys.SECONDS, "seconds", Measurement::seconds, false);
        return values;
    }

    /**
     * The benchmark name: the nearest non-empty {@code @LlmBenchmark(name)} (method, class, enclosing classes), else
     * the test class's simple name.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when the name has other characters
     */
    public String benchmarkName() {
        for (Found<LlmBenchmark> f : all(LlmBenchmark.class)) {
            String n = f.annotation().name();
            if (n.isEmpty()) continue;
            if (!n.matches("[A-Za-z0-9._-]{1,80}")) {
                throw Misconfiguration.at("@LlmBenchmark(name = \"" + n + "\") on " + f.where(),
                        "not a benchmark name; allowed: 1 to 80 letters, digits, '.', '_' or '-'");
            }
            return n;
        }
        return simpleName(testClass);
    }

    private static <A extends Annotation> void string(Map<String, SettingsResolver.Value> values, List<Found<A>> found,
                                                      String key, String attribute, Function<A, String> get) {
        for (Found<A> f : found) {
            String v = get.apply(f.annotation());
            if (v != null && !v.isBlank()) {
                String type = f.annotation().annotationType().getSimpleName();
                values.put(key, new SettingsResolver.Value(key, v.strip(),
                        "@" + type + "(" + attribute + " = \"" + v + "\") on " + f.where()));
                return;
            }
        }
    }

    /** -1 is "not set"; any other value (also other negatives, which the resolver rejects by name) is set. */
    private static <A extends Annotation> void number(Map<String, SettingsResolver.Value> values, List<Found<A>> found,
                                                      String key, String attribute, Function<A, Double> get, boolean whole) {
        for (Found<A> f : found) {
            double v = get.apply(f.annotation());
            if (v != -1) {
                String text = whole ? Long.toString((long) v) : TierSpec.fmt(v);
                String type = f.annotation().annotationType().getSimpleName();
                values.put(key, new SettingsResolver.Value(key, text, "@" + type + "(" + attribute + " = " + text + ") on " + f.where()));
                return;
            }
        }
    }

    // ------------------------------------------------------------------ tiers

    /** The tiers of {@code @LoadTier} (method's, else class's); one tier of 1 concurrent user without one. */
    public List<TierSpec> tiers() {
        List<Found<LoadTier>> found = all(LoadTier.class);
        if (found.isEmpty()) return List.of(TierSpec.concurrency(1));
        Found<LoadTier> f = found.get(0);
        LoadTier t = f.annotation();
        String where = "@LoadTier on " + f.where();
        List<String> kinds = new ArrayList<>();
        if (t.concurrency().length > 0) kinds.add("concurrency");
        if (t.tiers().length > 0) kinds.add("tiers");
        if (t.rate().length > 0) kinds.add("rate");
        if (t.burst().length > 0) kinds.add("burst");
        if (kinds.isEmpty()) {
            throw Misconfiguration.at(where, "empty tier list: set one of concurrency = {2, 20, 50}, "
                    + "tiers = {\"small\", \"medium\", \"large\"}, rate = 5.0 (requests/s) or burst = 10");
        }
        if (kinds.size() > 1) {
            throw Misconfiguration.at(where, "sets " + String.join(" and ", kinds)
                    + "; set exactly one kind of load: concurrency, tiers, rate or burst");
        }
        if (t.maxConcurrency() < 0) throw Misconfiguration.at(where, "maxConcurrency must be >= 0 (0 = no cap), was " + t.maxConcurrency());
        if (t.maxConcurrency() > 0 && t.rate().length == 0) {
            throw Misconfiguration.at(where, "maxConcurrency applies to rate tiers only");
        }
        List<TierSpec> tiers = new ArrayList<>();
        try {
            switch (kinds.get(0)) {
                case "concurrency":
                    for (int c : t.concurrency()) tiers.add(TierSpec.concurrency(c));
                    break;
                case "tiers":
                    for (String name : t.tiers()) {
                        tiers.add(TierSpec.concurrency(dev.llmbench.harness.load.LoadTier.parse(name).concurrency()));
                    }
                    break;
                case "rate":
                    ArrivalProcess process = process(t, where);
                    for (double r : t.rate()) tiers.add(TierSpec.rate(r, process, t.maxConcurrency()));
                    break;
                default:
                    if (!(t.intervalSeconds() >= 0) || Double.isInfinite(t.intervalSeconds())) {
                        throw new IllegalArgumentException("intervalSeconds must be a finite number > 0, was " + t.intervalSeconds());
                    }
                    Duration interval = Duration.ofNanos(Math.round(t.intervalSeconds() * 1e9));
                    for (int size : t.burst()) {
                        tiers.add(TierSpec.burst(LoadModel.burst(size, t.repeats(), t.repeats() == 1 ? Duration.ZERO : interval)));
                    }
            }
        } catch (IllegalArgumentException e) {
            throw Misconfiguration.at(where, e.getMessage());
        }
        return List.copyOf(tiers);
    }

    private static ArrivalProcess process(LoadTier t, String where) {
        String d = t.distribution().strip().toLowerCase(Locale.ROOT);
        if (!d.equals("gamma") && t.burstiness() != 1.0) {
            throw Misconfiguration.at(where, "burstiness applies to distribution = \"gamma\" only (distribution was \""
                    + t.distribution() + "\")");
        }
        switch (d) {
            case "poisson": return ArrivalProcess.POISSON;
            case "constant": return ArrivalProcess.CONSTANT;
            case "gamma": return ArrivalProcess.gamma(t.burstiness());
            default:
                throw Misconfiguration.at(where, "unknown distribution \"" + t.distribution()
                        + "\"; allowed: poisson, constant, gamma (with burstiness)");
        }
    }

    // ------------------------------------------------------------------ shapes

    /** The shapes of {@code @PromptShape} (method's, else the nearest class's); the harness default without any. */
    public List<ShapeSpec> shapes() {
        List<Found<PromptShape>> found = repeatables(PromptShape.class, true);
        if (found.isEmpty()) return List.of(ShapeSpec.of(dev.llmbench.harness.workload.PromptShape.preset("short-in-short-out")));
        List<ShapeSpec> shapes = new ArrayList<>();
        for (Found<PromptShape> f : found) shapes.add(ShapeSpec.of(shape(f)));
        return List.copyOf(shapes);
    }

    private static dev.llmbench.harness.workload.PromptShape shape(Found<PromptShape> f) {
        PromptShape s = f.annotation();
        if (!s.preset().isBlank()) {
            String where = "@PromptShape(preset = \"" + s.preset() + "\") on " + f.where();
            if (s.inputTokens() != 0 || s.outputTokens() != 0 || s.inputMean() != 0 || s.outputMean() != 0
                    || s.inputStddev() != 0 || s.outputStddev() != 0 || s.inputMin() != 0 || s.inputMax() != 0
                    || s.outputMin() != 0 || s.outputMax() != 0) {
                throw Misconfiguration.at(where, "a preset excludes token attributes; use either preset or "
                        + "inputTokens/outputTokens (or their mean/stddev/min/max)");
            }
            try {
                return dev.llmbench.harness.workload.PromptShape.preset(s.preset());
            } catch (IllegalArgumentException e) {
                throw Misconfiguration.at(where, e.getMessage());
            }
        }
        TokenCount in = side(f, "input", s.inputTokens(), s.inputMean(), s.inputStddev(), s.inputMin(), s.inputMax());
        TokenCount out = side(f, "output", s.outputTokens(), s.outputMean(), s.outputStddev(), s.outputMin(), s.outputMax());
        return dev.llmbench.harness.workload.PromptShape.of(in, out);
    }

    private static TokenCount side(Found<PromptShape> f, String side, int tokens, double mean, double stddev, int min, int max) {
        String base = "@PromptShape on " + f.where();
        Object[][] checks = {{side + "Tokens", (double) tokens}, {side + "Mean", mean}, {side + "Stddev", stddev},
                {side + "Min", (double) min}, {side + "Max", (double) max}};
        for (Object[] c : checks) {
            double v = (Double) c[1];
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                String text = c[0].toString().endsWith("Tokens") || c[0].toString().endsWith("Min") || c[0].toString().endsWith("Max")
                        ? Long.toString((long) v) : TierSpec.fmt(v);
                throw Misconfiguration.at("@PromptShape(" + c[0] + " = " + text + ") on " + f.where(),
                        "token counts must be >= 1 and a stddev >= 0 (0 = not set); negative values are not allowed");
            }
        }
        if (tokens > 0 && (mean > 0 || stddev > 0 || min > 0 || max > 0)) {
            throw Misconfiguration.at(base, side + "Tokens (fixed) excludes " + side + "Mean/" + side + "Stddev/"
                    + side + "Min/" + side + "Max (a distribution); set one or the other");
        }
        try {
            if (tokens > 0) return TokenCount.fixed(tokens);
            if (mean > 0) {
                int lo = min > 0 ? min : (int) Math.max(1, Math.floor(mean - 3 * stddev));
                int hi = max > 0 ? max : (int) Math.max(lo, Math.ceil(mean + 3 * stddev));
                return TokenCount.normal(mean, stddev, lo, hi);
            }
        } catch (IllegalArgumentException e) {
            throw Misconfiguration.at(base, side + " tokens: " + e.getMessage());
        }
        throw Misconfiguration.at(base, "no " + side + " tokens: set " + side + "Tokens = N, " + side
                + "Mean (with " + side + "Stddev), or preset = one of "
                + String.join(", ", dev.llmbench.harness.workload.PromptShape.presetNames()));
    }

    // ------------------------------------------------------------------ SLOs

    /** Every SLO expression: the classes' (outermost first), then the method's; duplicates once. */
    public List<Found<Slo>> slos() {
        List<AnnotatedElement> elements = elements();
        java.util.Collections.reverse(elements); // outermost class first, the method last
        List<Found<Slo>> all = new ArrayList<>();
        for (AnnotatedElement e : elements) {
            for (Slo s : AnnotationSupport.findRepeatableAnnotations(e, Slo.class)) all.add(new Found<>(s, where(e)));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Found<Slo>> out = new ArrayList<>();
        for (Found<Slo> f : all) {
            if (seen.add(f.annotation().value().strip())) out.add(f);
        }
        return out;
    }

    // ------------------------------------------------------------------ search

    /** Method first, then the class and its enclosing classes (innermost first). */
    private List<AnnotatedElement> elements() {
        List<AnnotatedElement> elements = new ArrayList<>();
        if (method != null) elements.add(method);
        for (Class<?> c = testClass; c != null; c = isInner(c) ? c.getEnclosingClass() : null) elements.add(c);
        return elements;
    }

    private static boolean isInner(Class<?> c) {
        return c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers());
    }

    private String where(AnnotatedElement e) {
        if (e instanceof Method m) return simpleName(m.getDeclaringClass()) + "." + m.getName() + "()";
        return simpleName((Class<?>) e);
    }

    static String simpleName(Class<?> c) {
        String n = c.getName();
        int dot = n.lastIndexOf('.');
        return dot >= 0 ? n.substring(dot + 1) : n;
    }

    private <A extends Annotation> List<Found<A>> all(Class<A> type) {
        List<Found<A>> found = new ArrayList<>();
        for (AnnotatedElement e : elements()) {
            Optional<A> a = AnnotationSupport.findAnnotation(e, type);
            a.ifPresent(x -> found.add(new Found<>(x, where(e))));
        }
        return found;
    }

    /** Repeatable annotations of the first element (method, class, enclosing classes) that has any. */
    private <A extends Annotation> List<Found<A>> repeatables(Class<A> type, boolean nearestOnly) {
        List<Found<A>> found = new ArrayList<>();
        for (AnnotatedElement e : elements()) {
            List<A> list = AnnotationSupport.findRepeatableAnnotations(e, type);
            for (A a : list) found.add(new Found<>(a, where(e)));
            if (nearestOnly && !list.isEmpty()) break;
        }
        return found;
    }
}
