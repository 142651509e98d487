package dev.llmbench.junit.internal;

import dev.llmbench.junit.ConfigurationKeys;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the llmbench settings from five layers, highest first: environment variables &gt; system properties &gt;
 * annotations &gt; JUnit configuration parameters ({@code junit-platform.properties}) &gt; built-in defaults.
 *
 * <p>JUnit's {@link ExtensionContext#getConfigurationParameter(String)} also answers from system properties; that
 * is harmless here because system properties are looked up first, on their own, and win over everything below
 * them. The platform layer is therefore only ever reached when no system property is set.
 *
 * <p>Every lookup source is a function so the precedence can be unit-tested without touching the real
 * environment. Immutable.
 */
public final class SettingsResolver {

    /** A value and where it came from (for messages: "system property -Dllmbench.requests"). */
    public record Value(String key, String raw, String source) {
        public Value {
            Objects.requireNonNull(key);
            Objects.requireNonNull(raw);
            Objects.requireNonNull(source);
        }
    }

    static final Map<String, String> BUILT_IN_DEFAULTS = Map.of(
            ConfigurationKeys.PROTOCOL, "chat",
            ConfigurationKeys.API_KEY_ENV, "LLMBENCH_API_KEY",
            ConfigurationKeys.SIMULATOR_PROFILE, "fast",
            ConfigurationKeys.WARMUP_REQUESTS, "0",
            ConfigurationKeys.WARMUP_SECONDS, "0",
            ConfigurationKeys.OUTPUT_DIRECTORY, "target/llmbench",
            ConfigurationKeys.PROGRESS_SECONDS, "5");

    private final Function<String, Optional<String>> platform;
    private final Map<String, Value> annotations;
    private final Function<String, String> systemProperties;
    private final Function<String, String> environment;

    /**
     * @param platform         JUnit configuration parameters ({@code junit-platform.properties} and launcher parameters)
     * @param annotations      values set by annotations, by key, with their source
     * @param systemProperties e.g. {@code System::getProperty}
     * @param environment      e.g. {@code System::getenv}; looked up under {@link #environmentName(String)}
     */
    public SettingsResolver(Function<String, Optional<String>> platform, Map<String, Value> annotations,
                            Function<String, String> systemProperties, Function<String, String> environment) {
        this.platform = Objects.requireNonNull(platform);
        this.annotations = Map.copyOf(annotations);
        this.systemProperties = Objects.requireNonNull(systemProperties);
        this.environment = Objects.requireNonNull(environment);
    }

    /** The resolver for a test: the context's configuration parameters, the real system properties and environment. */
    public static SettingsResolver forContext(ExtensionContext context, Map<String, Value> annotations) {
        return new SettingsResolver(context::getConfigurationParameter, annotations, System::getProperty, System::getenv);
    }

    /** {@code llmbench.apiKeyEnv} → {@code LLMBENCH_API_KEY_ENV}: upper case; dots and camel humps become underscores. */
    public static String environmentName(String key) {
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

    /** The winning value of {@code key}, or empty when no layer sets it (blank values count as unset). */
    public Optional<Value> find(String key) {
        String envName = environmentName(key);
        String v = environment.apply(envName);
        if (present(v)) return Optional.of(new Value(key, v.strip(), "environment variable " + envName));
        v = systemProperties.apply(key);
        if (present(v)) return Optional.of(new Value(key, v.strip(), "system property -D" + key));
        Value a = annotations.get(key);
        if (a != null && present(a.raw())) return Optional.of(a);
        v = platform.apply(key).orElse(null);
        if (present(v)) return Optional.of(new Value(key, v.strip(), "configuration parameter " + key + " (junit-platform.properties)"));
        v = BUILT_IN_DEFAULTS.get(key);
        if (present(v)) return Optional.of(new Value(key, v, "built-in default"));
        return Optional.empty();
    }

    /**
     * Resolves and checks every setting.
     *
     * @throws ExtensionConfigurationException naming the key, its source and what is allowed, on the first bad value
     */
    public BenchmarkSettings resolve() {
        Optional<Value> endpoint = find(ConfigurationKeys.ENDPOINT)
                .filter(v -> !v.raw().equalsIgnoreCase("simulator"));
        Optional<Value> model = find(ConfigurationKeys.MODEL);
        Value protocol = find(ConfigurationKeys.PROTOCOL).orElseThrow();
        String p = protocol.raw().toLowerCase(Locale.ROOT);
        if (!p.equals("chat") && !p.equals("completions")) {
            throw Misconfiguration.of(protocol, "unknown protocol '" + protocol.raw() + "'; allowed: chat, completions");
        }
        Value apiKeyEnv = find(ConfigurationKeys.API_KEY_ENV).orElseThrow();
        Value profile = find(ConfigurationKeys.SIMULATOR_PROFILE).orElseThrow();

        Optional<Value> requests = find(ConfigurationKeys.REQUESTS);
        Optional<Value> seconds = find(ConfigurationKeys.SECONDS);
        long maxRequests;
        double maxSeconds;
        if (requests.isEmpty() && seconds.isEmpty()) {
            maxRequests = ConfigurationKeys.DEFAULT_REQUESTS;
            maxSeconds = 0;
        } else {
            maxRequests = requests.map(v -> nonNegativeLong(v)).orElse(0L);
            maxSeconds = seconds.map(v -> nonNegativeDouble(v)).orElse(0.0);
            if (maxRequests == 0 && maxSeconds == 0) {
                Value blame = requests.orElseGet(seconds::get);
                throw Misconfiguration.of(blame, "a benchmark needs a bound: set " + ConfigurationKeys.REQUESTS
                        + " (@Measurement(requests)) > 0 or " + ConfigurationKeys.SECONDS + " (@Measurement(seconds)) > 0");
            }
        }
        long warmupRequests = nonNegativeLong(find(ConfigurationKeys.WARMUP_REQUESTS).orElseThrow());
        double warmupSeconds = nonNegativeDouble(find(ConfigurationKeys.WARMUP_SECONDS).orElseThrow());
        Value out = find(ConfigurationKeys.OUTPUT_DIRECTORY).orElseThrow();
        Path outputDirectory;
        try {
            outputDirectory = Path.of(out.raw());
        } catch (RuntimeException e) {
            throw Misconfiguration.of(out, "not a valid path: " + e.getMessage());
        }
        double progressSeconds = nonNegativeDouble(find(ConfigurationKeys.PROGRESS_SECONDS).orElseThrow());
        dev.llmbench.harness.workload.tokenizer.Tokenizer tokenizer = find(ConfigurationKeys.TOKENIZER).map(v -> {
            try {
                return dev.llmbench.harness.workload.tokenizer.Tokenizers.fromSpec(v.raw());
            } catch (RuntimeException e) {
                throw Misconfiguration.of(v, e.getMessage());
            }
        }).orElse(null);

        Map<String, String> priceTexts = new LinkedHashMap<>();
        Map<String, Value> priceValues = new LinkedHashMap<>();
        for (String key : dev.llmbench.harness.cost.Pricing.KEYS) {
            find(key).ifPresent(v -> {
                priceTexts.put(key, v.raw());
                priceValues.put(key, v);
            });
        }
        dev.llmbench.harness.cost.Pricing pricing;
        try {
            pricing = dev.llmbench.harness.cost.Pricing.fromSettings(priceTexts);
        } catch (IllegalArgumentException e) {
            Value blame = priceValues.entrySet().stream().filter(en -> e.getMessage().startsWith(en.getKey() + ":"))
                    .map(Map.Entry::getValue).findFirst().orElse(priceValues.values().iterator().next());
            throw Misconfiguration.of(blame, e.getMessage().substring(e.getMessage().indexOf(':') + 1).strip());
        }

        Map<String, String> sources = new LinkedHashMap<>();
        for (String key : new String[]{ConfigurationKeys.ENDPOINT, ConfigurationKeys.MODEL, ConfigurationKeys.PROTOCOL,
                ConfigurationKeys.API_KEY_ENV, ConfigurationKeys.SIMULATOR_PROFILE, ConfigurationKeys.REQUESTS,
                ConfigurationKeys.SECONDS, ConfigurationKeys.WARMUP_REQUESTS, ConfigurationKeys.WARMUP_SECONDS,
                ConfigurationKeys.OUTPUT_DIRECTORY, ConfigurationKeys.PROGRESS_SECONDS, ConfigurationKeys.TOKENIZER}) {
            find(key).ifPresent(v -> sources.put(key, v.source()));
        }
        priceValues.forEach((k, v) -> sources.put(k, v.source()));
        return new BenchmarkSettings(endpoint.map(Value::raw).orElse(null), endpoint.map(Value::source).orElse(null),
                model.map(Value::raw).orElse(null), p, apiKeyEnv.raw(), profile.raw(), profile.source(),
                maxRequests, maxSeconds, warmupRequests, warmupSeconds, outputDirectory, progressSeconds, sources, tokenizer,
                pricing);
    }

    private static long nonNegativeLong(Value v) {
        long n;
        try {
            n = Long.parseLong(v.raw());
        } catch (NumberFormatException e) {
            throw Misconfiguration.of(v, "'" + v.raw() + "' is not a whole number; allowed: an integer >= 0");
        }
        if (n < 0) throw Misconfiguration.of(v, "must be >= 0, was " + n);
        return n;
    }

    private static double nonNegativeDouble(Value v) {
        double d;
        try {
            d = Double.parseDouble(v.raw());
        } catch (NumberFormatException e) {
            throw Misconfiguration.of(v, "'" + v.raw() + "' is not a number; allowed: a number of seconds >= 0");
        }
        if (!(d >= 0) || Double.isInfinite(d)) throw Misconfiguration.of(v, "must be a finite number >= 0, was " + v.raw());
        return d;
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }
}
