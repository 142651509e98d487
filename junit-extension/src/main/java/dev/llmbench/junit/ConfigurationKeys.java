package dev.llmbench.junit;

/**
 * The configuration keys of the llmbench extension and the layers they are read from.
 *
 * <p><b>Precedence</b>, lowest first — a higher layer wins key by key:
 * <ol>
 *   <li>built-in defaults;</li>
 *   <li>JUnit configuration parameters: {@code junit-platform.properties} on the test class path, or parameters
 *       given to the launcher (Surefire's {@code configurationParameters}, {@code EngineTestKit}'s
 *       {@code configurationParameter(k, v)});</li>
 *   <li>annotations ({@link LlmBenchmark}, {@link Warmup}, {@link Measurement}); a method's over its class's;</li>
 *   <li>system properties, {@code -Dllmbench.endpoint=…};</li>
 *   <li>environment variables: the key upper-cased, dots and camel humps as underscores, e.g.
 *       {@code llmbench.apiKeyEnv} → {@code LLMBENCH_API_KEY_ENV}, {@code llmbench.endpoint} → {@code LLMBENCH_ENDPOINT}.</li>
 * </ol>
 * A blank value counts as not set. Secrets are never configuration: the API key is read only from the
 * environment variable named by {@link #API_KEY_ENV}.
 */
public final class ConfigurationKeys {

    /** Base URL of the endpoint; unset or {@code simulator}: the embedded simulator. */
    public static final String ENDPOINT = "llmbench.endpoint";
    /** Model name sent to the server. */
    public static final String MODEL = "llmbench.model";
    /** {@code chat} or {@code completions}. */
    public static final String PROTOCOL = "llmbench.protocol";
    /** Name of the environment variable that holds the API key (default {@code LLMBENCH_API_KEY}). */
    public static final String API_KEY_ENV = "llmbench.apiKeyEnv";
    /** Embedded simulator profile (default {@code fast}). */
    public static final String SIMULATOR_PROFILE = "llmbench.simulatorProfile";
    /** Measured requests per invocation (0 = no count bound). */
    public static final String REQUESTS = "llmbench.requests";
    /** Measured seconds per invocation (0 = no time bound). */
    public static final String SECONDS = "llmbench.seconds";
    /** Warmup requests per invocation. */
    public static final String WARMUP_REQUESTS = "llmbench.warmupRequests";
    /** Warmup seconds per invocation. */
    public static final String WARMUP_SECONDS = "llmbench.warmupSeconds";
    /** Directory of the result files (default {@code target/llmbench}, relative to the working directory). */
    public static final String OUTPUT_DIRECTORY = "llmbench.outputDirectory";
    /**
     * Tokenizer for exact prompt sizes and local output-token counts: an OpenAI encoding ({@code o200k_base},
     * {@code cl100k_base}, …), a Hugging Face {@code tokenizer.json} path, a GGUF model path, or {@code approx}
     * (characters / 4, labelled approximate). Unset: prompts are sized approximately and output tokens come from
     * server usage.
     */
    public static final String TOKENIZER = "llmbench.tokenizer";
    /** Seconds between progress lines on stderr (default 5; 0 = none). */
    public static final String PROGRESS_SECONDS = "llmbench.progressSeconds";

    /** US dollars per 1M input tokens (a priced API). Unset everywhere on the simulator: its profile's illustrative prices. */
    public static final String INPUT_PRICE_PER_MILLION_TOKENS = dev.llmbench.harness.cost.Pricing.INPUT_KEY;
    /** US dollars per 1M cached input tokens (default: the input price). */
    public static final String CACHED_INPUT_PRICE_PER_MILLION_TOKENS = dev.llmbench.harness.cost.Pricing.CACHED_INPUT_KEY;
    /** US dollars per 1M output tokens. */
    public static final String OUTPUT_PRICE_PER_MILLION_TOKENS = dev.llmbench.harness.cost.Pricing.OUTPUT_KEY;
    /** US dollars per GPU-hour (self-hosted serving; used when tokens are not priced). */
    public static final String GPU_PRICE_PER_HOUR = dev.llmbench.harness.cost.Pricing.GPU_HOUR_KEY;
    /** GPUs serving the model (default 1 when a GPU price is set). */
    public static final String GPU_COUNT = dev.llmbench.harness.cost.Pricing.GPU_COUNT_KEY;

    /** Measured requests when neither {@link #REQUESTS} nor {@link #SECONDS} is set anywhere. */
    public static final long DEFAULT_REQUESTS = 100;

    private ConfigurationKeys() {
    }
}
