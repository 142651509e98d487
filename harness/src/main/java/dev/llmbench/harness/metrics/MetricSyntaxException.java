package dev.llmbench.harness.metrics;

import java.util.List;

/**
 * Text that does not name a metric or a statistic ({@code p90(ttfb)}, {@code median(ttft)}), thrown by
 * {@link MetricRef} and {@link Statistic}. The message quotes the text, points at the offending token with a caret
 * line and lists what is allowed there; the parts are available separately so a caller (the SLO parser, the
 * baseline comparison, a Maven parameter) can say where the text came from.
 */
public final class MetricSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final int position;
    private final int length;
    private final String reason;
    private final List<String> allowed;

    /**
     * @param text     the text as given
     * @param position 0-based index of the offending token in {@code text} (may equal its length: "at the end")
     * @param length   the token's length (0 when something is missing)
     * @param reason   what is wrong, e.g. {@code unknown metric 'ttfb'}
     * @param allowed  what would have been accepted there
     */
    public MetricSyntaxException(String text, int position, int length, String reason, List<String> allowed) {
        super(describe(null, text, position, length, reason, allowed));
        this.text = text;
        this.position = position;
        this.length = length;
        this.reason = reason;
        this.allowed = List.copyOf(allowed);
    }

    public String text() { return text; }

    public int position() { return position; }

    public int length() { return length; }

    public String reason() { return reason; }

    public List<String> allowed() { return allowed; }

    /** The same error inside a longer text in which this one started at {@code offset}. */
    MetricSyntaxException within(String longer, int offset) {
        return new MetricSyntaxException(longer, offset + position, length, reason, allowed);
    }

    /**
     * The message with a prefix naming where the text came from, e.g.
     * {@code describe("unknown comparison metric")}: {@code unknown comparison metric 'p90(ttfb)': unknown metric…}.
     */
    public String describe(String what) {
        return describe(what, text, position, length, reason, allowed);
    }

    private static String describe(String what, String text, int position, int length, String reason, List<String> allowed) {
        StringBuilder sb = new StringBuilder();
        if (what != null) sb.append(what).append(" '").append(text).append("': ");
        sb.append(reason).append('\n').append("    ").append(text).append('\n').append("    ");
        int p = Math.max(0, Math.min(position, text.length()));
        for (int i = 0; i < p; i++) sb.append(text.charAt(i) == '\t' ? '\t' : ' ');
        sb.append("^".repeat(Math.max(1, length)));
        if (!allowed.isEmpty()) sb.append("\n  allowed here: ").append(String.join(", ", allowed));
        return sb.toString();
    }
}
