package dev.llmbench.harness.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Input and output tokens per request, each fixed or a clipped normal distribution.
 *
 * <p>Presets ({@link #preset(String)}):
 * <table>
 *   <caption>presets</caption>
 *   <tr><th>name</th><th>input tokens</th><th>output tokens</th></tr>
 *   <tr><td>{@code short-in-short-out}</td><td>100</td><td>100</td></tr>
 *   <tr><td>{@code short-in-long-out}</td><td>100</td><td>1000 (the leaderboard's "short input, long output")</td></tr>
 *   <tr><td>{@code long-in-short-out}</td><td>2000</td><td>100</td></tr>
 *   <tr><td>{@code chat}</td><td>550±200, clipped to [100, 1000]</td><td>150±60, clipped to [15, 285]</td></tr>
 * </table>
 * The chat clips are symmetric about the mean (±2.25σ), so clipping leaves the mean where it was requested.
 *
 * @param name         the preset name, or {@code "custom"}
 * @param inputTokens  prompt size per request
 * @param outputTokens requested generation length per request ({@code max_tokens})
 */
public record RequestShape(String name, TokenCount inputTokens, TokenCount outputTokens) {

    /** The name of shapes that are not presets. */
    public static final String CUSTOM = "custom";

    private static final Map<String, RequestShape> PRESETS = presets();

    public RequestShape {
        Objects.requireNonNull(name, "name must not be null");
        if (name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        Objects.requireNonNull(inputTokens, "inputTokens must not be null");
        Objects.requireNonNull(outputTokens, "outputTokens must not be null");
    }

    /**
     * Fixed input and output token counts.
     *
     * @throws IllegalArgumentException naming {@code inputTokens} or {@code outputTokens} unless each is in
     *                                  [1, 10000000]
     */
    public static RequestShape of(int inputTokens, int outputTokens) {
        return new RequestShape(CUSTOM, fixed("inputTokens", inputTokens), fixed("outputTokens", outputTokens));
    }

    /** Any input and output token counts. */
    public static RequestShape of(TokenCount inputTokens, TokenCount outputTokens) {
        return new RequestShape(CUSTOM, inputTokens, outputTokens);
    }

    /**
     * A named preset. Case-insensitive; {@code '/'}, {@code '_'} and spaces count as {@code '-'}, so
     * {@code "short-in/long-out"} and {@code "SHORT_IN_LONG_OUT"} both name {@code short-in-long-out}.
     *
     * @throws IllegalArgumentException naming the allowed presets when the name is unknown
     */
    public static RequestShape preset(String name) {
        String key = name == null ? null : name.trim().toLowerCase(Locale.ROOT).replaceAll("[/_\\s]+", "-");
        RequestShape shape = key == null ? null : PRESETS.get(key);
        if (shape == null) {
            throw new IllegalArgumentException("unknown prompt shape preset " + (name == null ? "null" : "'" + name + "'")
                    + "; allowed: " + String.join(", ", presetNames()));
        }
        return shape;
    }

    /** The preset names, in a stable order. */
    public static List<String> presetNames() {
        return List.copyOf(PRESETS.keySet());
    }

    /** True when this shape is one of the presets. */
    public boolean isPreset() {
        return !CUSTOM.equals(name) && PRESETS.containsKey(name);
    }

    /** One input token count. */
    public int sampleInputTokens(SplittableRandom rnd) {
        return inputTokens.sample(rnd);
    }

    /** One output token count. */
    public int sampleOutputTokens(SplittableRandom rnd) {
        return outputTokens.sample(rnd);
    }

    /** e.g. {@code "short-in-long-out: 100 input tokens, 1000 output tokens"}. */
    public String describe() {
        return name + ": " + inputTokens.describe() + " input tokens, " + outputTokens.describe() + " output tokens";
    }

    private static TokenCount fixed(String field, int tokens) {
        if (tokens < 1 || tokens > TokenCount.MAX_TOKENS) {
            throw new IllegalArgumentException(field + " must be in [1, " + TokenCount.MAX_TOKENS + "], was " + tokens);
        }
        return TokenCount.fixed(tokens);
    }

    private static Map<String, RequestShape> presets() {
        Map<String, RequestShape> m = new LinkedHashMap<>();
        m.put("short-in-short-out", new RequestShape("short-in-short-out", TokenCount.fixed(100), TokenCount.fixed(100)));
        m.put("short-in-long-out", new RequestShape("short-in-long-out", TokenCount.fixed(100), TokenCount.fixed(1000)));
        m.put("long-in-short-out", new RequestShape("long-in-short-out", TokenCount.fixed(2000), TokenCount.fixed(100)));
        m.put("chat", new RequestShape("chat", TokenCount.normal(550, 200, 100, 1000), TokenCount.normal(150, 60, 15, 285)));
        return Collections.unmodifiableMap(m);
    }
}
