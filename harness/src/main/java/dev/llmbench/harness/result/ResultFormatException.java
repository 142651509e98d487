package dev.llmbench.harness.result;

import java.io.IOException;

/** A result file that cannot be read: malformed, or written by a newer harness. The message names the file and the field. */
public final class ResultFormatException extends IOException {

    private final String source;
    private final String field;

    public ResultFormatException(String source, String field, String problem) {
        super(source + ": " + (field == null ? "" : "field '" + field + "': ") + problem);
        this.source = source;
        this.field = field;
    }

    public ResultFormatException(String source, String field, String problem, Throwable cause) {
        this(source, field, problem);
        initCause(cause);
    }

    /** The file (or other source) that was read. */
    public String source() {
        return source;
    }

    /** The offending field's path (e.g. {@code metrics.ttft.p50}), or null when the problem is not one field's. */
    public String field() {
        return field;
    }
}
