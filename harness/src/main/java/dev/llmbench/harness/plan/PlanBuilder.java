package dev.llmbench.harness.plan;

import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Setting;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsLayer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The plan from plain Java: each setter writes one setting into a layer, so a plan built here is the plan the JUnit
 * extension or {@code llmbench:run} would make from the same settings (same defaults, same checks, same names).
 * {@link #build()} puts environment variables and system properties above this layer, as everywhere else, so CI can
 * point the same code at another endpoint. Not thread-safe.
 */
public final class PlanBuilder {

    private static final String SOURCE = "BenchmarkPlan.builder()";
    private final SettingsLayer.Builder layer = SettingsLayer.builder("plain Java");

    PlanBuilder() {
    }

    /** Any setting by its declaration, as text (read as everywhere else). */
    public PlanBuilder set(Setting<?> setting, String value) {
        layer.put(setting.key(), value, SOURCE + " " + setting.key());
        return this;
    }

    public PlanBuilder name(String name) { return set(Settings.NAME, name); }

    public PlanBuilder endpoint(String url) { return set(Settings.ENDPOINT, url); }

    public PlanBuilder model(String model) { return set(Settings.MODEL, model); }

    /** {@code chat} or {@code completions}. */
    public PlanBuilder protocol(String protocol) { return set(Settings.PROTOCOL, protocol); }

    public PlanBuilder apiKeyEnv(String variable) { return set(Settings.API_KEY_ENV, variable); }

    public PlanBuilder simulatorProfile(String profile) { return set(Settings.SIMULATOR_PROFILE, profile); }
    public PlanBuilder simulatorPersonality(String personality) { return set(Settings.SIMULATOR_PERSONALITY, personality); }
    /** {@code llmbench.sendMinTokens}: whether {@code min_tokens} is sent (default true). */
    public PlanBuilder sendMinTokens(boolean send) { return set(Settings.SEND_MIN_TOKENS, Boolean.toString(send)); }
    /** {@code llmbench.sendIgnoreEos}: whether {@code ignore_eos: true} is sent (default true). */
    public PlanBuilder sendIgnoreEos(boolean send) { return set(Settings.SEND_IGNORE_EOS, Boolean.toString(send)); }

    /** Closed-loop tiers: users per tier, or tier names ({@code small}, {@code medium}, {@code large}). */
    public PlanBuilder concurrency(String... tiers) { return set(Settings.CONCURRENCY, String.join(",", tiers)); }

    public PlanBuilder concurrency(int... users) {
        return set(Settings.CONCURRENCY, Arrays.stream(users).mapToObj(Integer::toString).collect(Collectors.joining(",")));
    }

    /** Open-loop tiers in requests per second. */
    public PlanBuilder rate(double... requestsPerSecond) {
        return set(Settings.RATE, Arrays.stream(requestsPerSecond).mapToObj(d -> String.format(Locale.ROOT, "%s", d))
                .collect(Collectors.joining(",")));
    }

    /** Prompt shapes: presets or {@code INPUT:OUTPUT} ({@link ShapeReader}). */
    public PlanBuilder shape(String... shapes) { return set(Settings.SHAPE, String.join(",", shapes)); }

    public PlanBuilder requests(long n) { return set(Settings.REQUESTS, Long.toString(n)); }

    public PlanBuilder seconds(double s) { return set(Settings.SECONDS, Double.toString(s)); }

    public PlanBuilder warmupRequests(long n) { return set(Settings.WARMUP_REQUESTS, Long.toString(n)); }

    public PlanBuilder slo(String... expressions) { return set(Settings.SLO, String.join(";", List.of(expressions))); }

    public PlanBuilder tokenizer(String spec) { return set(Settings.TOKENIZER, spec); }

    public PlanBuilder outputDirectory(Path dir) { return set(Settings.OUTPUT_DIRECTORY, dir.toString()); }

    /** This builder's values as a settings layer. */
    public SettingsLayer layer() {
        return layer.build();
    }

    /**
     * The plan: environment variables &gt; system properties &gt; this builder &gt; built-in defaults.
     *
     * @throws dev.llmbench.harness.settings.SettingsException on a bad or missing value
     */
    public BenchmarkPlan build() {
        return BenchmarkPlan.from(LayeredSettings.standard(System::getenv, System.getProperties(), List.of(layer())));
    }
}
