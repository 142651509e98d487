package dev.llmbench.harness.slo;

import java.util.List;

/**
 * A malformed SLO expression, thrown by {@link Objective#parse} at once. The message quotes the expression, points at
 * the offending token with a caret line under it and lists what is allowed there:
 *
 * <pre>
 * invalid SLO 'p101(ttft) &lt; 800ms': unknown statistic 'p101'
 *     p101(ttft) &lt; 800ms
 *     ^^^^
 *   allowed here: p50, p90, p95, p99, p99.9 (any pNN or pNN.N with 0 &lt; NN &lt;= 100), mean, min, max
 * </pre>
 *
 * The parts are available separately ({@link #expression()}, {@link #position()}, {@link #reason()},
 * {@link #allowed()}) so a caller (an annotation, a Maven parameter) can add where the expression came from.
 */
public final class SloSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final int length;
    private final String reason;
    private final List<String> allowed;

    /**
     * @param expression the expression as given ("" for null)
     * @param position   0-based index of the offending token (may equal the length: "at the end")
     * @param length     the token's length (at least one caret is drawn)
     * @param reason     what is wrong, e.g. {@code unknown metric 'ttfb'}
     * @param allowed    what would have been accepted there (may be empty)
     */
    public SloSyntaxException(String expression, int position, int length, String reason, List<String> allowed) {
        super(format(expression == null ? "" : expression, position, length, reason, allowed));
        this.expression = expression == null ? "" : expression;
        this.position = position;
        this.length = length;
        this.reason = reason;
        this.allowed = List.copyOf(allowed);
    }

    /** The expression as given. */
    public String expression() { return expression; }

    /** 0-based index of the offending token in {@link #expression()}. */
    public int position() { return position; }

    /** Length of the offending token (0 when something is missing at {@link #position()}). */
    public int length() { return length; }

    /** What is wrong, without the expression and the caret line. */
    public String reason() { return reason; }

    /** What is allowed at {@link #position()}. */
    public List<String> allowed() { return allowed; }

    static String format(String expression, int position, int length, String reason, List<String> allowed) {
        StringBuilder sb = new StringBuilder();
        sb.append("invalid SLO '").append(expression).append("': ").append(reason).append('\n');
        sb.append("    ").append(expression).append('\n');
        sb.append("    ");
        int p = Math.max(0, Math.min(position, expression.length()));
        for (int i = 0; i < p; i++) sb.append(expression.charAt(i) == '\t' ? '\t' : ' ');
        for (int i = 0; i < Math.max(1, length); i++) sb.append('^');
        if (!allowed.isEmpty()) sb.append("\n  allowed here: ").append(String.join(", ", allowed));
        return sb.toString();
    }
}
