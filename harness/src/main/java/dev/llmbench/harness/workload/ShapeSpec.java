package dev.llmbench.harness.workload;

import java.util.Objects;

/**
 * One prompt shape of a benchmark (a test method or an ad-hoc run), with its display label and a file-name-safe slug.
 *
 * @param shape the harness's prompt shape
 * @param label e.g. {@code 100→1000 tokens}, {@code short-in-long-out 100→1000 tokens}, {@code 500±200→250±100 tokens}
 * @param slug  e.g. {@code 100x1000}, {@code short-in-long-out}
 */
public record ShapeSpec(RequestShape shape, String label, String slug) {

    public ShapeSpec {
        Objects.requireNonNull(shape);
        Objects.requireNonNull(label);
        Objects.requireNonNull(slug);
    }

    /** Labels a harness shape. */
    public static ShapeSpec of(RequestShape shape) {
        String tokens = tokens(shape.inputTokens()) + "→" + tokens(shape.outputTokens()) + " tokens";
        if (shape.isPreset()) return new ShapeSpec(shape, shape.name() + " " + tokens, shape.name());
        return new ShapeSpec(shape, tokens, slug(shape.inputTokens()) + "x" + slug(shape.outputTokens()));
    }

    private static String tokens(TokenCount c) {
        if (c instanceof TokenCount.Fixed f) return Integer.toString(f.tokens());
        TokenCount.Normal n = (TokenCount.Normal) c;
        return fmt(n.mean()) + "±" + fmt(n.stddev());
    }

    private static String slug(TokenCount c) {
        if (c instanceof TokenCount.Fixed f) return Integer.toString(f.tokens());
        TokenCount.Normal n = (TokenCount.Normal) c;
        return fmt(n.mean()) + "sd" + fmt(n.stddev());
    }

    /** A number without trailing zeros ({@code 500}, {@code 2.5}). */
    private static String fmt(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
