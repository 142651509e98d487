package dev.llmbench.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A wire personality: which real server's wire behaviour the simulator reproduces, orthogonal to its timing
 * {@link Profile}. Each follows that server's public documentation and source.
 */
public enum Personality {

    /**
     * vLLM's OpenAI-compatible server, and the simulator's behaviour before personalities existed (the default): a
     * role-only first chat chunk ({@code delta: {"role":"assistant","content":""}}); with
     * {@code stream_options.include_usage}, usage in a last chunk whose {@code choices} is empty, before
     * {@code [DONE]}; extension fields such as {@code min_tokens} and {@code ignore_eos} accepted; OpenAI-shaped errors.
     */
    VLLM,

    /**
     * llama.cpp's {@code llama-server}: no role chunk; {@code usage} and {@code timings} ({@code prompt_n},
     * {@code predicted_n}, {@code predicted_ms}, ...) on the final chunk, whose {@code choices} carries the
     * {@code finish_reason}, whether or not usage was asked for; {@code Connection: keep-alive} and
     * {@code Keep-Alive: timeout=5, max=100} advertised on a streamed response, yet the connection closed after it;
     * errors as {@code {"error":{"code":N,"message":"…","type":"…"}}}, a request it cannot parse as HTTP 500
     * {@code server_error}.
     */
    LLAMACPP,

    /**
     * The OpenAI API: a role-only first chat chunk and vLLM's usage chunk, but a request field outside the OpenAI API
     * (such as {@code min_tokens} or {@code ignore_eos}) is refused with 400 {@code invalid_request_error}
     * "Unrecognized request argument supplied: NAME".
     */
    OPENAI;

    /** The names, lower case, in declaration order (for messages and {@code --help}). */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (Personality p : values()) {
            names.add(p.wireName());
        }
        NAMES = Collections.unmodifiableList(names);
    }

    /** The lower-case name used on the command line and in settings, e.g. {@code llamacpp}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A personality by its name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed personalities
     */
    public static Personality named(String name) {
        for (Personality p : values()) {
            if (p.wireName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a simulator personality; allowed: "
                + String.join(", ", NAMES));
    }

    /** Whether a chat stream starts with a role-only chunk. */
    boolean sendsRoleChunk() {
        return this != LLAMACPP;
    }

    /** Whether usage (and timings) ride on the final chunk that carries the finish reason, always. */
    boolean usageOnFinalChunk() {
        return this == LLAMACPP;
    }

    /** Whether the connection is closed after each streamed response (keep-alive headers nevertheless sent). */
    boolean closesAfterStream() {
        return this == LLAMACPP;
    }

    /** Whether request fields outside the OpenAI API are refused. */
    boolean rejectsUnknownFields() {
        return this == OPENAI;
    }
}
