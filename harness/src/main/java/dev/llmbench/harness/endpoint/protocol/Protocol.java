package dev.llmbench.harness.endpoint.protocol;

import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.EndpointOpener;
import dev.llmbench.harness.endpoint.anthropic.AnthropicProtocol;
import dev.llmbench.harness.endpoint.http.HttpStreamingEndpoint;
import dev.llmbench.harness.endpoint.openai.OpenAiProtocol;
import dev.llmbench.harness.endpoint.realtime.RealtimeEndpoint;
import dev.llmbench.harness.endpoint.responses.ResponsesProtocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The protocols a benchmark can speak, by the name {@code llmbench.protocol} gives them: each opens the
 * {@link Endpoint} that speaks it. One place maps a name to a client, so every front-end (annotation, system property,
 * builder) reaches the same one. Immutable and thread-safe.
 */
public enum Protocol implements EndpointOpener {

    /** OpenAI chat completions ({@code POST /v1/chat/completions}), streamed over SSE. */
    CHAT("OpenAI chat completions over SSE"),

    /** OpenAI's legacy completions ({@code POST /v1/completions}), streamed over SSE. */
    COMPLETIONS("OpenAI (legacy) completions over SSE"),

    /** Anthropic Messages ({@code POST /v1/messages}, {@code x-api-key}), streamed over SSE. */
    ANTHROPIC("Anthropic Messages over SSE"),

    /** OpenAI's Responses API ({@code POST /v1/responses}), its typed events streamed over SSE. */
    RESPONSES("OpenAI Responses over SSE"),

    /** The OpenAI Realtime text flow over WebSocket ({@code ws://…/v1/realtime}): one connection per virtual user. */
    REALTIME("OpenAI Realtime text flow over WebSocket");

    /** The setting names, in declaration order (for messages and the settings table). */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (Protocol p : values()) names.add(p.settingName());
        NAMES = Collections.unmodifiableList(names);
    }

    private final String description;

    Protocol(String description) { this.description = description; }

    /** The name {@code llmbench.protocol} takes, e.g. {@code chat}. */
    public String settingName() { return name().toLowerCase(Locale.ROOT); }

    /** One line for documentation. */
    public String description() { return description; }

    /** Every protocol as {@code `name` (description)}, joined with commas: the setting's documentation. */
    public static String documentation() {
        List<String> parts = new ArrayList<>();
        for (Protocol p : values()) parts.add("`" + p.settingName() + "` (" + p.description + ")");
        return String.join(", ", parts);
    }

    @Override
    public Endpoint open(EndpointConfig config, int maxConcurrency) {
        switch (this) {
            case CHAT: return new HttpStreamingEndpoint(config, OpenAiProtocol.chat(), maxConcurrency);
            case COMPLETIONS: return new HttpStreamingEndpoint(config, OpenAiProtocol.completions(), maxConcurrency);
            case ANTHROPIC: return new HttpStreamingEndpoint(config, new AnthropicProtocol(), maxConcurrency);
            case RESPONSES: return new HttpStreamingEndpoint(config, new ResponsesProtocol(), maxConcurrency);
            case REALTIME: return new RealtimeEndpoint(config, maxConcurrency);
            default: throw new AssertionError(this);
        }
    }

    /** Only OpenAI's chat and completions bodies carry {@code min_tokens} / {@code ignore_eos}. */
    @Override
    public boolean sendsOutputLengthFields() {
        return this == CHAT || this == COMPLETIONS;
    }

    /**
     * A protocol by its setting name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static Protocol named(String name) {
        for (Protocol p : values()) {
            if (p.settingName().equalsIgnoreCase(name)) return p;
        }
        throw new IllegalArgumentException("llmbench.protocol: '" + name + "' is not a protocol; allowed: " + String.join(", ", NAMES));
    }
}
