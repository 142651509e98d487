package dev.llmbench.junit.internal;

import org.apiguardian.api.API;
import dev.llmbench.harness.load.NamedTier;
import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.plan.ShapeReader;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.harness.settings.SettingsLayer;
import dev.llmbench.harness.workload.TokenCount;
import dev.llmbench.junit.LlmBenchmark;
import dev.llmbench.junit.LoadTier;
import dev.llmbench.junit.Measurement;
import dev.llmbench.junit.PromptShape;
import dev.llmbench.junit.RequestTimeouts;
import dev.llmbench.junit.Slo;
import dev.llmbench.junit.Sweep;
import dev.llmbench.junit.Warmup;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a benchmark test's annotations into a {@link SettingsLayer}: each attribute becomes the text of one setting,
 * with the annotation and where it sits as its source ({@code @LoadTier(concurrency = {2, 20}) on ChatBenchmark}).
 * It does not interpret values — the harness's plan does — it only refuses what is wrong with an annotation as such
 * (no load at all, two kinds of load, a preset beside token counts, negative attributes).
 *
 * <p>Where it looks: the method first, then the test class (including {@code @Inherited} annotations), then the
 * enclosing classes of a {@code @Nested} class; for each setting the nearest wins. SLOs add up: the classes'
 * (outermost first), then the method's.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
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

    /** The annotations' layer (above {@code junit-platform.properties}, below system properties). */
    public SettingsLayer layer() {
        SettingsLayer.Builder b = SettingsLayer.builder("annotations");
        List<Found<LlmBenchmark>> benches = all(LlmBenchmark.class);
        string(b, benches, Settings.ENDPOINT.key(), "endpoint", LlmBenchmark::endpoint);
        string(b, benches, Settings.MODEL.key(), "model", LlmBenchmark::model);
        string(b, benches, Settings.PROTOCOL.key(), "protocol", LlmBenchmark::protocol);
        string(b, benches, Settings.API_KEY_ENV.key(), "apiKeyEnv", LlmBenchmark::apiKeyEnv);
        string(b, benches, Settings.SIMULATOR_PROFILE.key(), "simulatorProfile", LlmBenchmark::simulatorProfile);
        string(b, benches, Settings.SIMULATOR_PERSONALITY.key(), "simulatorPersonality", LlmBenchmark::simulatorPersonality);
        benchmarkName(b, benches);
        List<Found<Warmup>> warmups = all(Warmup.class);
        number(b, warmups, Settings.WARMUP_REQUESTS.key(), "requests", w -> (double) w.requests(), true);
        number(b, warmups, Settings.WARMUP_SECONDS.key(), "seconds", Warmup::seconds, false);
        List<Found<Measurement>> measurements = all(Measurement.class);
        number(b, measurements, Settings.REQUESTS.key(), "requests", m -> (double) m.requests(), true);
        number(b, measurements, Settings.SECONDS.key(), "seconds", Measurement::seconds, false);
        List<Found<RequestTimeouts>> timeouts = all(RequestTimeouts.class);
        string(b, timeouts, Settings.TIMEOUT_CONNECT.key(), "connect", RequestTimeouts::connect);
        string(b, timeouts, Settings.TIMEOUT_FIRST_TOKEN.key(), "firstToken", RequestTimeouts::firstToken);
        string(b, timeouts, Settings.TIMEOUT_IDLE.key(), "idle", RequestTimeouts::idle);
        string(b, timeouts, Settings.TIMEOUT_TOTAL.key(), "total", RequestTimeouts::total);
        List<Found<Sweep>> sweeps = all(Sweep.class);
        if (!sweeps.isEmpty()) b.put(Settings.SWEEP.key(), "true", "@Sweep on " + sweeps.get(0).where());
        number(b, sweeps, Settings.SWEEP_MAX_CONCURRENCY.key(), "maxConcurrency", w -> (double) w.maxConcurrency(), true);
        number(b, sweeps, Settings.SWEEP_RESOLUTION.key(), "resolution", w -> (double) w.resolution(), true);
        string(b, sweeps, Settings.SWEEP_BUDGET.key(), "budget", Sweep::budget);
        string(b, sweeps, Settings.SWEEP_MAX_ERROR_RATE.key(), "maxErrorRate", Sweep::maxErrorRate);
        tiers(b);
        shapes(b);
        slos(b);
        return b.build();
    }

    /** The front-end's own default, below {@code junit-platform.properties}: a benchmark is named after its class and method. */
    public SettingsLayer defaults() {
        return SettingsLayer.builder("JUnit defaults")
                .put(Settings.NAME.key(), simpleName(testClass) + "." + method.getName(), "the test class and method")
                .build();
    }

    // ------------------------------------------------------------------ @LlmBenchmark, @Warmup, @Measurement

    /** {@code @LlmBenchmark(name = "X")} names the benchmarks {@code X.<method>}: classes sharing a name measure one benchmark. */
    private void benchmarkName(SettingsLayer.Builder b, List<Found<LlmBenchmark>> found) {
        for (Found<LlmBenchmark> f : found) {
            String n = f.annotation().name();
            if (n.isBlank()) continue;
            b.put(Settings.NAME.key(), n.strip() + "." + method.getName(), "@LlmBenchmark(name = \"" + n + "\") on " + f.where());
            return;
        }
    }

    private static <A extends Annotation> void string(SettingsLayer.Builder b, List<Found<A>> found, String key, String attribute,
                                                      Function<A, String> get) {
        for (Found<A> f : found) {
            String v = get.apply(f.annotation());
            if (v != null && !v.isBlank()) {
                b.put(key, v, "@" + f.annotation().annotationType().getSimpleName() + "(" + attribute + " = \"" + v + "\") on " + f.where());
                return;
            }
        }
    }

    /** -1 is "not set"; any other value (also other negatives, which the plan refuses by name) is set. */
    private static <A extends Annotation> void number(SettingsLayer.Builder b, List<Found<A>> found, String key, String attribute,
                                                      Function<A, Double> get, boolean whole) {
        for (Found<A> f : found) {
            double v = get.apply(f.annotation());
            if (v != -1) {
                String text = whole ? Long.toString((long) v) : TierSpec.fmt(v);
                b.put(key, text, "@" + f.annotation().annotationType().getSimpleName() + "(" + attribute + " = " + text + ") on " + f.where());
                return;
            }
        }
    }

    // ------------------------------------------------------------------ @LoadTier

    private void tiers(SettingsLayer.Builder b) {
        List<Found<LoadTier>> found = all(LoadTier.class);
        if (found.isEmpty()) return;
        Found<LoadTier> f = found.get(0);
        LoadTier t = f.annotation();
        String where = "@LoadTier on " + f.where();
        List<String> kinds = new ArrayList<>();
        if (t.concurrency().length > 0) kinds.add("concurrency");
        if (t.tiers().length > 0) kinds.add("tiers");
        if (t.rate().length > 0) kinds.add("rate");
        if (t.burst().length > 0) kinds.add("burst");
        if (kinds.isEmpty()) {
            throw SettingsException.where(Settings.CONCURRENCY.key(), where, "empty tier list: set one of concurrency = {2, 20, 50}, "
                    + "tiers = {SMALL, MEDIUM, LARGE}, rate = 5.0 (requests/s) or burst = 10");
        }
        if (kinds.size() > 1) {
            throw SettingsException.where(Settings.CONCURRENCY.key(), where, "sets " + String.join(" and ", kinds)
                    + "; set exactly one kind of load: concurrency, tiers, rate or burst");
        }
        String on = ") on " + f.where();
        switch (kinds.get(0)) {
            case "concurrency" -> {
                String v = Arrays.stream(t.concurrency()).mapToObj(Integer::toString).collect(Collectors.joining(","));
                b.put(Settings.CONCURRENCY.key(), v, "@LoadTier(concurrency = {" + v.replace(",", ", ") + "}" + on);
            }
            case "tiers" -> {
                String v = Arrays.stream(t.tiers()).map(NamedTier::displayName).collect(Collectors.joining(","));
                b.put(Settings.CONCURRENCY.key(), v, "@LoadTier(tiers = " + Arrays.toString(t.tiers()) + on);
            }
            case "rate" -> {
                String v = Arrays.stream(t.rate()).mapToObj(TierSpec::fmt).collect(Collectors.joining(","));
                b.put(Settings.RATE.key(), v, "@LoadTier(rate = {" + v.replace(",", ", ") + "}" + on);
                b.put(Settings.ARRIVAL.key(), t.distribution().name().toLowerCase(Locale.ROOT),
                        "@LoadTier(distribution = " + t.distribution() + on);
            }
            default -> {
                String v = Arrays.stream(t.burst()).mapToObj(Integer::toString).collect(Collectors.joining(","));
                b.put(Settings.BURST.key(), v, "@LoadTier(burst = {" + v.replace(",", ", ") + "}" + on);
                b.put(Settings.BURST_REPEATS.key(), Integer.toString(t.repeats()), "@LoadTier(repeats = " + t.repeats() + on);
                b.put(Settings.BURST_INTERVAL_SECONDS.key(), TierSpec.fmt(t.intervalSeconds()),
                        "@LoadTier(intervalSeconds = " + TierSpec.fmt(t.intervalSeconds()) + on);
            }
        }
        if (t.burstiness() != 1.0) {
            b.put(Settings.BURSTINESS.key(), TierSpec.fmt(t.burstiness()), "@LoadTier(burstiness = " + TierSpec.fmt(t.burstiness()) + on);
        }
        if (t.maxConcurrency() != 0) {
            b.put(Settings.MAX_CONCURRENCY.key(), Integer.toString(t.maxConcurrency()),
                    "@LoadTier(maxConcurrency = " + t.maxConcurrency() + on);
        }
    }

    // ------------------------------------------------------------------ @PromptShape

    /** The shapes of {@code @PromptShape} (the method's, else the nearest class's), each a value with its own source. */
    private void shapes(SettingsLayer.Builder b) {
        for (Found<PromptShape> f : repeatables(PromptShape.class)) {
            PromptShape s = f.annotation();
            if (!s.preset().isBlank()) {
                if (s.inputTokens() != 0 || s.outputTokens() != 0 || s.inputMean() != 0 || s.outputMean() != 0
                        || s.inputStddev() != 0 || s.outputStddev() != 0 || s.inputMin() != 0 || s.inputMax() != 0
                        || s.outputMin() != 0 || s.outputMax() != 0) {
                    throw SettingsException.where(Settings.SHAPE.key(), "@PromptShape(preset = \"" + s.preset() + "\") on " + f.where(),
                            "a preset excludes token attributes; use either preset or inputTokens/outputTokens (or their mean/stddev/min/max)");
                }
                b.add(Settings.SHAPE.key(), s.preset(), "@PromptShape(preset = \"" + s.preset() + "\") on " + f.where());
                continue;
            }
            String in = side(f, "input", s.inputTokens(), s.inputMean(), s.inputStddev(), s.inputMin(), s.inputMax());
            String out = side(f, "output", s.outputTokens(), s.outputMean(), s.outputStddev(), s.outputMin(), s.outputMax());
            b.add(Settings.SHAPE.key(), in + ":" + out, "@PromptShape(" + in + ":" + out + ") on " + f.where());
        }
    }

    /** One side as {@link ShapeReader} text: {@code 128}, {@code 500+-200} or {@code 500+-200[100..900]}. */
    private static String side(Found<PromptShape> f, String side, int tokens, double mean, double stddev, int min, int max) {
        String base = "@PromptShape on " + f.where();
        Object[][] checks = {{side + "Tokens", (double) tokens}, {side + "Mean", mean}, {side + "Stddev", stddev},
                {side + "Min", (double) min}, {side + "Max", (double) max}};
        for (Object[] c : checks) {
            double v = (Double) c[1];
            if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                String name = c[0].toString();
                String text = name.endsWith("Tokens") || name.endsWith("Min") || name.endsWith("Max") ? Long.toString((long) v) : TierSpec.fmt(v);
                throw SettingsException.where(Settings.SHAPE.key(), "@PromptShape(" + name + " = " + text + ") on " + f.where(),
                        "token counts must be >= 1 and a stddev >= 0 (0 = not set); negative values are not allowed");
            }
        }
        if (tokens > 0 && (mean > 0 || stddev > 0 || min > 0 || max > 0)) {
            throw SettingsException.where(Settings.SHAPE.key(), base, side + "Tokens (fixed) excludes " + side + "Mean/" + side
                    + "Stddev/" + side + "Min/" + side + "Max (a distribution); set one or the other");
        }
        if (tokens > 0) return Integer.toString(tokens);
        if (mean > 0) {
            String text = TierSpec.fmt(mean) + "+-" + TierSpec.fmt(stddev);
            if (min > 0 || max > 0) {
                TokenCount whole = ShapeReader.parse(text + ":1").inputTokens(); // the default clip for the side not given
                text += "[" + (min > 0 ? min : whole.min()) + ".." + (max > 0 ? max : whole.max()) + "]";
            }
            return text;
        }
        throw SettingsException.where(Settings.SHAPE.key(), base, "no " + side + " tokens: set " + side + "Tokens = N, " + side
                + "Mean (with " + side + "Stddev), or preset = one of "
                + String.join(", ", dev.llmbench.harness.workload.RequestShape.presetNames()));
    }

    // ------------------------------------------------------------------ @Slo

    /** Every SLO expression: the classes' (outermost first), then the method's; duplicates once. */
    private void slos(SettingsLayer.Builder b) {
        List<AnnotatedElement> elements = elements();
        Collections.reverse(elements); // outermost class first, the method last
        Set<String> seen = new LinkedHashSet<>();
        for (AnnotatedElement e : elements) {
            for (Slo s : AnnotationSupport.findRepeatableAnnotations(e, Slo.class)) {
                if (seen.add(s.value().strip())) {
                    b.add(Settings.SLO.key(), s.value(), "@Slo(\"" + s.value() + "\") on " + where(e));
                }
            }
        }
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
    private <A extends Annotation> List<Found<A>> repeatables(Class<A> type) {
        List<Found<A>> found = new ArrayList<>();
        for (AnnotatedElement e : elements()) {
            List<A> list = AnnotationSupport.findRepeatableAnnotations(e, type);
            for (A a : list) found.add(new Found<>(a, where(e)));
            if (!list.isEmpty()) break;
        }
        return found;
    }
}
