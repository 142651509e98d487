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
    OPENAI,

    /**
     * Hugging Face text-generation-inference 3.x (router {@code src/chat.rs} at commit 03fe626, {@code src/server.rs}
     * {@code completions}, {@code src/lib.rs} {@code ErrorResponse}): no role-only chunk, but
     * {@code delta: {"role":"assistant","content":"…"}} on every chat chunk; every event is
     * {@code {"object":…,"id":"",…,"system_fingerprint":"3.1.1-native",…}} (serde's internally tagged
     * {@code object} first, an empty {@code id}, the fingerprint {@code VERSION-(docker label|native)}), a chat chunk
     * ends with {@code "usage":null}; the last token's chunk carries the {@code finish_reason}; with
     * {@code stream_options.include_usage}, usage follows in a chunk whose {@code choices} is empty. A completions
     * stream's chunks have {@code "finish_reason":""} and its last chunk carries usage always, with TGI's own finish
     * reason ({@code length}, {@code eos_token}). Errors are {@code {"error":"…","error_type":"…"}}: a request it
     * cannot accept is 422 {@code validation} (TGI answers a body axum cannot deserialize with a plain-text 422; the
     * simulator keeps the JSON shape), 429 {@code overloaded}, 424 {@code generation}, 500
     * {@code incomplete_generation}.
     */
    TGI,

    /**
     * Ollama's OpenAI compatibility layer ({@code openai/openai.go} {@code ToChunk}/{@code ToCompleteChunk}/
     * {@code NewError}, {@code middleware/openai.go} {@code ChatWriter}/{@code CompleteWriter} at commit 5dbb81b):
     * no role-only chunk, but {@code delta: {"role":"assistant","content":"…"}} on every chat chunk, no
     * {@code logprobs}, {@code "system_fingerprint":"fp_ollama"}; the finish reason comes in a chunk of its own with
     * empty content after the last token (Ollama's {@code done} message); with {@code stream_options.include_usage},
     * a usage chunk with empty {@code choices} follows, and on {@code /v1/completions} every earlier chunk carries
     * a zero {@code usage} too. Errors are {@code {"error":{"message":"…","type":"…","param":null,"code":null}}}
     * with type {@code invalid_request_error} (400), {@code not_found_error} (404) or {@code api_error}, written by
     * Go's JSON encoder (a trailing newline). Ids are {@code chatcmpl-N} / {@code cmpl-N} as Ollama's, but from the
     * simulator's counter rather than Ollama's random {@code N < 999}.
     */
    OLLAMA;

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
        return this == VLLM || this == OPENAI;
    }

    /** Whether usage (and timings) ride on the final chunk that carries the finish reason, always. */
    boolean usageOnFinalChunk() {
        return this == LLAMACPP;
    }

    /** Whether the connection is closed after each streamed response (keep-alive headers nevertheless sent). */
    boolean closesAfterStream() {
        return this == LLAMACPP;
    }

    /** The status of a request body the server cannot accept: llama.cpp 500, TGI 422, the others 400. */
    int badRequestStatus() {
        switch (this) {
            case LLAMACPP:
                return 500;
            case TGI:
                return 422;
            default:
                return 400;
        }
    }

    /** Whether request fields outside the OpenAI API are refused. */
    boolean rejectsUnknownFields() {
        return this == OPENAI;
    }
}
