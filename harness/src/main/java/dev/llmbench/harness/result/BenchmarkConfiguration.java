package dev.llmbench.harness.result;

import dev.llmbench.harness.endpoint.Redaction;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.EndpointDescription;
import dev.llmbench.harness.load.LoadConfig;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.TokenCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark was configured to do, as its result file records it ({@code configuration}, snake_case names).
 * Every field may be null: a file records what its harness knew (a test result may record nothing), and readers say
 * "unknown" rather than guess. Keys this harness does not know (written by a newer one, or added by hand) are kept
 * in {@link #other()} so a file reads and writes back unchanged.
 *
 * <p>Credentials never get in: the compact constructor strips them from URLs and strings
 * ({@link Redaction#redactString}), replaces the endpoint's {@code api_key} and values under secret-like keys of
 * {@code extra_fields} and {@code other} with {@link Redaction#REDACTED}.
 *
 * @param name                    the benchmark's name
 * @param model                   the model requested
 * @param endpoint                the endpoint, credentials stripped
 * @param load                    the load model
 * @param promptShape             the prompt shape (input and output tokens, fixed or distributed)
 * @param promptTokensApproximate whether input token counts are estimates (the approximate tokenizer)
 * @param tokenizer               the tokenizer that counted prompt (and maybe output) tokens
 * @param dataset                 the dataset the prompts came from, null when they were built from the prompt shape
 * @param uniquePromptPrefix      whether each prompt had a unique prefix (prefix caches cannot flatter the run)
 * @param runId                   the run's id (in the prompts' prefixes); merged results join theirs with ","
 * @param stream                  whether responses were streamed
 * @param exactOutputLength       whether the run asked for exactly the shape's output tokens
 * @param outputLengthSteering    which request fields steered the output length
 * @param extraFields             extra request body fields, passed through (secret-like keys redacted)
 * @param bounds                  request count, duration and warmup bounds
 * @param seed                    the random seed of prompts, arrivals and sampling
 * @param pricing                 the prices the cost was computed with (so merged results can be re-priced)
 * @param simulator               the embedded simulator's profile when it served the run
 * @param slos                    the SLO expressions as written
 * @param other                   keys this harness does not know, as plain values (String, Long, Double, Boolean, List, Map)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "model", "endpoint", "load", "prompt_shape", "prompt_tokens_approximate", "tokenizer",
        "dataset", "unique_prompt_prefix", "run_id", "stream", "exact_output_length", "output_length_steering",
        "extra_fields", "bounds", "seed", "pricing", "simulator", "slos"})
public record BenchmarkConfiguration(String name, String model, EndpointDescription endpoint, LoadConfig load,
                                     RequestShape promptShape, Boolean promptTokensApproximate, Tokenizer tokenizer,
                                     Dataset dataset, Boolean uniquePromptPrefix, String runId, Boolean stream,
                                     Boolean exactOutputLength, OutputLengthSteering outputLengthSteering,
                                     Map<String, Object> extraFields, Bounds bounds, Long seed, Pricing pricing,
                                     String simulator, List<String> slos,
                                     @JsonAnySetter Map<String, Object> other) {

    public BenchmarkConfiguration {
        name = Redaction.redactString(name);
        model = Redaction.redactString(model);
        if (endpoint != null) {
            endpoint = new EndpointDescription(Redaction.redactString(endpoint.url()), endpoint.protocol(),
                    endpoint.httpVersion(), endpoint.apiKey() == null ? null : Redaction.REDACTED, endpoint.ioThreads(),
                    endpoint.timeouts(), endpoint.customHeaders());
        }
        if (dataset != null) {
            dataset = new Dataset(dataset.type(), Redaction.redactString(dataset.path()), dataset.entries(),
                    dataset.sampling(), dataset.outputTokensFallback(), dataset.uniquePrefix(), dataset.runId());
        }
        extraFields = extraFields == null ? null : PlainValues.map(extraFields, "extra_fields");
        if (slos != null) {
            List<String> s = new ArrayList<>();
            for (String x : slos) s.add(Redaction.redactString(x));
            slos = List.copyOf(s);
        }
        other = PlainValues.map(other == null ? Map.of() : other, "");
    }

    /** A configuration that records nothing. */
    public static BenchmarkConfiguration empty() {
        return new BenchmarkConfiguration(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /**
     * A configuration from plain values keyed as in a result file ({@code model}, {@code endpoint.url},
     * {@code load.type}, …), e.g. for tests and tools that build results by hand.
     *
     * @throws IllegalArgumentException naming the key when a value does not fit its field
     */
    public static BenchmarkConfiguration fromPlainValues(Map<String, ?> values) {
        return ResultJson.configuration(values);
    }

    /** This configuration as plain values keyed as in a result file (ordered maps, lists, strings, numbers, booleans). */
    public Map<String, Object> toPlainValues() {
        return ResultJson.plainValues(this);
    }

    /** Keys this harness does not know, written back as they were read. */
    @Override
    @JsonAnyGetter
    public Map<String, Object> other() {
        return other;
    }

    /** The endpoint URL, or null when not recorded. */
    public String endpointUrl() {
        return endpoint == null ? null : endpoint.url();
    }

    /** This configuration with the endpoint's URL replaced (e.g. by a list of merged simulator URLs). */
    public BenchmarkConfiguration withEndpointUrl(String url) {
        EndpointDescription e = endpoint == null ? EndpointDescription.of(url) : endpoint.withUrl(url);
        return new BenchmarkConfiguration(name, model, e, load, promptShape, promptTokensApproximate, tokenizer, dataset,
                uniquePromptPrefix, runId, stream, exactOutputLength, outputLengthSteering,
                extraFields, bounds, seed, pricing, simulator, slos, other);
    }

    /** This configuration with another run id (merged results record theirs joined by ","). */
    public BenchmarkConfiguration withRunId(String id) {
        return new BenchmarkConfiguration(name, model, endpoint, load, promptShape, promptTokensApproximate, tokenizer,
                dataset, uniquePromptPrefix, id, stream, exactOutputLength, outputLengthSteering, extraFields, bounds,
                seed, pricing, simulator, slos, other);
    }

    /** The path of the first field where two configurations differ (e.g. {@code load.users}), or null when equal. */
    public static String firstDifference(BenchmarkConfiguration a, BenchmarkConfiguration b) {
        return PlainValues.firstDifference(ResultJson.plainValues(a), ResultJson.plainValues(b), "");
    }

    /**
     * The tokenizer that counted tokens.
     *
     * @param name         its name, e.g. {@code cl100k_base}, {@code approx}
     * @param approximate  whether it estimates (characters / 4) rather than counts
     * @param countsOutput whether it also counted output tokens where the server gave no usage
     */
    public record Tokenizer(String name, Boolean approximate, Boolean countsOutput) {
    }

    /**
     * The dataset the prompts came from.
     *
     * @param type                 {@code dataset}
     * @param path                 where it was read from
     * @param entries              its entries
     * @param sampling             how entries were drawn, e.g. {@code shuffled-cycle}
     * @param outputTokensFallback output tokens of entries that do not say
     * @param uniquePrefix         whether each prompt had a unique prefix
     * @param runId                the run's id in those prefixes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dataset(String type, String path, Long entries, String sampling, TokenCount outputTokensFallback,
                          Boolean uniquePrefix, String runId) {
    }

    /**
     * Which request fields steered the output length.
     *
     * @param maxTokens whether {@code max_tokens} was sent (always)
     * @param minTokens whether {@code min_tokens} was sent
     * @param ignoreEos whether {@code ignore_eos: true} was sent
     */
    public record OutputLengthSteering(Boolean maxTokens, Boolean minTokens, Boolean ignoreEos) {
    }

    /**
     * When the run stopped and what it did not measure.
     *
     * @param maxRequests     measured requests to send (0: no bound)
     * @param maxDurationS    seconds to run (0: no bound)
     * @param warmupRequests  requests sent first and left out of every metric
     * @param warmupDurationS seconds of warmup left out of every metric
     */
    public record Bounds(Long maxRequests, Double maxDurationS, Long warmupRequests, Double warmupDurationS) {
    }
}
