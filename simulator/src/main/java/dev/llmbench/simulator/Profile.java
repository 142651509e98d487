package dev.llmbench.simulator;

import java.util.List;
import java.util.Locale;

/**
 * The hardware and model figures that drive the simulator's roofline {@link TimingModel}, plus list prices for
 * cost reports. Immutable and thread-safe.
 *
 * <p>Units are in the component names: parameters and bytes are plain counts, {@code peakFlopsPerSecond} and
 * {@code hbmBytesPerSecond} are per GPU, prices are US dollars. Several GPUs are modelled as ideal tensor
 * parallelism: aggregate FLOP/s and bandwidth are the per-GPU figures times {@code gpuCount}.
 *
 * @param name                      profile name, e.g. {@code llama-2-70b-4xa100}
 * @param modelName                 model name listed by {@code GET /v1/models} (any name is accepted in requests)
 * @param totalParameters           all parameters (what the weights hold)
 * @param activeParameters          parameters used per token (equals total for dense models; fewer for MoE);
 *                                  the forward pass costs about 2 x activeParameters FLOPs per token
 * @param weightBytes               bytes of weights read by every decode step
 * @param gpuCount                  GPUs serving one replica
 * @param peakFlopsPerSecond        dense fp16/bf16 peak FLOP/s of one GPU
 * @param hbmBytesPerSecond         HBM bandwidth of one GPU, bytes/s
 * @param efficiency                achieved fraction of peak FLOP/s (0 &lt; efficiency &lt;= 1)
 * @param kvCapacityTokens          KV-cache capacity in tokens; each admitted sequence reserves prompt + max output
 * @param fixedStepMicros           when &gt; 0 every decode step takes exactly this long and prefill is free
 *                                  (for benchmarking the harness itself); 0 = use the roofline model
 * @param defaultMaxTokens          output tokens when a request gives no {@code max_tokens}
 * @param inputPricePerMillionTokens  $ per 1M input tokens (illustrative list price)
 * @param outputPricePerMillionTokens $ per 1M output tokens (illustrative list price)
 * @param gpuPricePerHour           $ per GPU-hour (illustrative on-demand price)
 */
public record Profile(
        String name,
        String modelName,
        double totalParameters,
        double activeParameters,
        double weightBytes,
        int gpuCount,
        double peakFlopsPerSecond,
        double hbmBytesPerSecond,
        double efficiency,
        long kvCapacityTokens,
        long fixedStepMicros,
        int defaultMaxTokens,
        double inputPricePerMillionTokens,
        double outputPricePerMillionTokens,
        double gpuPricePerHour) {

    /** Names accepted by {@link #named(String)}. */
    public static final List<String> NAMES = List.of("llama-2-70b-4xa100", "mixtral-8x7b-2xh100", "fast");

    public Profile {
        require(name != null && !name.isBlank(), "name must not be blank");
        require(modelName != null && !modelName.isBlank(), "modelName must not be blank");
        require(totalParameters > 0 && activeParameters > 0 && activeParameters <= totalParameters,
                "need 0 < activeParameters <= totalParameters");
        require(weightBytes > 0, "weightBytes must be > 0");
        require(gpuCount >= 1, "gpuCount must be >= 1");
        require(peakFlopsPerSecond > 0 && hbmBytesPerSecond > 0, "peakFlopsPerSecond and hbmBytesPerSecond must be > 0");
        require(efficiency > 0 && efficiency <= 1, "efficiency must be in (0, 1]");
        require(kvCapacityTokens >= 1, "kvCapacityTokens must be >= 1");
        require(fixedStepMicros >= 0, "fixedStepMicros must be >= 0");
        require(defaultMaxTokens >= 1, "defaultMaxTokens must be >= 1");
    }

    /**
     * Llama 2 70B in fp16 (140 GB of weights) on 4 x A100 80GB SXM (312 TFLOP/s dense fp16, 2.039 TB/s HBM each),
     * efficiency 0.5. Decode step at small batch = 140e9 / (4 x 2.039e12) = 17.2 ms; it turns compute-bound
     * above B = 77. KV: GQA with 80 layers x 8 KV heads x 128 dims x 2 (K,V) x 2 bytes = 320 KiB per token;
     * (0.9 x 320 GB - 140 GB) / 320 KiB = 450,000 tokens.
     */
    public static Profile llama2_70b_4xA100() {
        return new Profile("llama-2-70b-4xa100", "llama-2-70b-chat", 70e9, 70e9, 140e9, 4,
                312e12, 2.039e12, 0.5, 450_000, 0, 256, 0.90, 0.90, 2.00);
    }

    /**
     * Mixtral 8x7B in bf16 (46.7B total, 12.9B active parameters, 93.4 GB of weights) on 2 x H100 SXM
     * (989 TFLOP/s dense bf16, 3.35 TB/s HBM each), efficiency 0.5. Decode step at small batch =
     * 93.4e9 / (2 x 3.35e12) = 13.9 ms; compute-bound above B = 535. KV: 32 layers x 8 KV heads x 128 dims x 2 x 2
     * bytes = 128 KiB per token; (0.9 x 160 GB - 93.4 GB) / 128 KiB = 385,000 tokens.
     */
    public static Profile mixtral8x7b_2xH100() {
        return new Profile("mixtral-8x7b-2xh100", "mixtral-8x7b-instruct", 46.7e9, 12.9e9, 93.4e9, 2,
                989e12, 3.35e12, 0.5, 385_000, 0, 256, 0.60, 0.60, 3.00);
    }

    /**
     * A tiny model for tests: 0.5B parameters (1 GB) on one GPU of 200 TFLOP/s and 0.5 TB/s, efficiency 0.5.
     * Decode step = 2 ms at small batch (compute-bound above B = 200); prefill 0.01 ms per prompt token;
     * 200,000 KV tokens.
     */
    public static Profile fast() {
        return new Profile("fast", "fast-sim-0.5b", 0.5e9, 0.5e9, 1e9, 1,
                200e12, 0.5e12, 0.5, 200_000, 0, 256, 0.10, 0.10, 1.00);
    }

    /**
     * A profile whose every decode step takes exactly {@code stepMicros} and whose prefill is free, with a KV cache
     * large enough never to queue (10 million tokens): the harness's self-benchmark.
     *
     * @param name       profile (and model) name
     * @param stepMicros decode step in microseconds, &gt; 0
     */
    public static Profile fixedStep(String name, long stepMicros) {
        require(stepMicros > 0, "stepMicros must be > 0, got " + stepMicros);
        Profile f = fast();
        return new Profile(name, name, f.totalParameters, f.activeParameters, f.weightBytes, f.gpuCount,
                f.peakFlopsPerSecond, f.hbmBytesPerSecond, f.efficiency, 10_000_000L, stepMicros,
                f.defaultMaxTokens, f.inputPricePerMillionTokens, f.outputPricePerMillionTokens, f.gpuPricePerHour);
    }

    /**
     * Looks up a named profile (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed names when {@code name} is unknown
     */
    public static Profile named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "llama-2-70b-4xa100": return llama2_70b_4xA100();
            case "mixtral-8x7b-2xh100": return mixtral8x7b_2xH100();
            case "fast": return fast();
            default:
                throw new IllegalArgumentException("unknown simulator profile '" + name + "'; allowed: "
                        + String.join(", ", NAMES));
        }
    }

    /** This profile with another KV-cache capacity (tokens). */
    public Profile withKvCapacityTokens(long tokens) {
        return new Profile(name, modelName, totalParameters, activeParameters, weightBytes, gpuCount, peakFlopsPerSecond,
                hbmBytesPerSecond, efficiency, tokens, fixedStepMicros, defaultMaxTokens,
                inputPricePerMillionTokens, outputPricePerMillionTokens, gpuPricePerHour);
    }

    /** This profile with another default output length (tokens). */
    public Profile withDefaultMaxTokens(int tokens) {
        return new Profile(name, modelName, totalParameters, activeParameters, weightBytes, gpuCount, peakFlopsPerSecond,
                hbmBytesPerSecond, efficiency, kvCapacityTokens, fixedStepMicros, tokens,
                inputPricePerMillionTokens, outputPricePerMillionTokens, gpuPricePerHour);
    }

    /** This profile with a fixed decode step (microseconds; 0 = roofline model). */
    public Profile withFixedStepMicros(long stepMicros) {
        return new Profile(name, modelName, totalParameters, activeParameters, weightBytes, gpuCount, peakFlopsPerSecond,
                hbmBytesPerSecond, efficiency, kvCapacityTokens, stepMicros, defaultMaxTokens,
                inputPricePerMillionTokens, outputPricePerMillionTokens, gpuPricePerHour);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
