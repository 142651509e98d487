package dev.llmbench.simulator;

import java.util.Locale;

/**
 * One injected fault. Requested per request with the header {@value #HEADER} (value as {@link #parse(String)}
 * reads it) or drawn from a {@link FaultPlan}. Immutable and thread-safe.
 *
 * <p>Forms: {@code status:<code>} (an OpenAI-style error with that HTTP status, 400..599), {@code rate_limit}
 * (429, {@code Retry-After: 1}, {@code x-ratelimit-remaining-requests: 0}), {@code reset_after:<k>} (abort the
 * connection after k token chunks, no clean end), {@code stall_after:<k>} (stop sending after k token chunks and
 * keep the connection open), {@code malformed_sse_after:<k>} (a line without an SSE field after k token chunks,
 * then continue), {@code malformed_json_after:<k>} (a {@code data:} event with truncated JSON after k token chunks,
 * then continue), {@code no_done} (end the stream cleanly without {@code data: [DONE]}). The {@code *_after} forms
 * act after min(k, N) chunks for a response of N tokens; they only apply to streamed responses.
 *
 * @param kind     the kind of fault
 * @param argument the status code for {@link Kind#STATUS}, the chunk count k for the {@code *_AFTER} kinds, else 0
 */
public record Fault(Kind kind, int argument) {

    /** Request header that asks for a fault on that request. */
    public static final String HEADER = "x-llmbench-fault";

    /** What a fault does. */
    public enum Kind {
        STATUS("status", true), RATE_LIMIT("rate_limit", false), RESET_AFTER("reset_after", true),
        STALL_AFTER("stall_after", true), MALFORMED_SSE_AFTER("malformed_sse_after", true),
        MALFORMED_JSON_AFTER("malformed_json_after", true), NO_DONE("no_done", false);

        private final String token;
        private final boolean takesArgument;

        Kind(String token, boolean takesArgument) {
            this.token = token;
            this.takesArgument = takesArgument;
        }

        /** The name used in the header, e.g. {@code reset_after}. */
        public String token() {
            return token;
        }
    }

    private static final String FORMS =
            "status:<400..599>, rate_limit, reset_after:<k>, stall_after:<k>, malformed_sse_after:<k>, "
                    + "malformed_json_after:<k>, no_done";

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("fault kind must not be null");
        }
        if (kind == Kind.STATUS && (argument < 400 || argument > 599)) {
            throw new IllegalArgumentException("status fault needs a code in 400..599, got " + argument);
        }
        if (kind.takesArgument && kind != Kind.STATUS && argument < 0) {
            throw new IllegalArgumentException(kind.token + " needs k >= 0, got " + argument);
        }
    }

    public static Fault status(int code) { return new Fault(Kind.STATUS, code); }
    public static Fault rateLimit() { return new Fault(Kind.RATE_LIMIT, 0); }
    public static Fault resetAfter(int chunks) { return new Fault(Kind.RESET_AFTER, chunks); }
    public static Fault stallAfter(int chunks) { return new Fault(Kind.STALL_AFTER, chunks); }
    public static Fault malformedSseAfter(int chunks) { return new Fault(Kind.MALFORMED_SSE_AFTER, chunks); }
    public static Fault malformedJsonAfter(int chunks) { return new Fault(Kind.MALFORMED_JSON_AFTER, chunks); }
    public static Fault noDone() { return new Fault(Kind.NO_DONE, 0); }

    /**
     * Reads a header value such as {@code reset_after:3} or {@code rate_limit}.
     *
     * @throws IllegalArgumentException naming the allowed forms when the value is not one of them
     */
    public static Fault parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        for (Kind kind : Kind.values()) {
            if (!kind.token.equals(name)) {
                continue;
            }
            if (!kind.takesArgument) {
                if (colon >= 0) {
                    throw new IllegalArgumentException("fault '" + text + "': " + name + " takes no argument; allowed: " + FORMS);
                }
                return new Fault(kind, 0);
            }
            if (colon < 0) {
                throw new IllegalArgumentException("fault '" + text + "': " + name + " needs ':<number>'; allowed: " + FORMS);
            }
            try {
                return new Fault(kind, Integer.parseInt(value.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + text + "': not a number after ':'; allowed: " + FORMS);
            }
        }
        throw new IllegalArgumentException("unknown fault '" + text + "'; allowed: " + FORMS);
    }

    /** True for faults answered at once with an HTTP error instead of a generated response. */
    public boolean rejectsRequest() {
        return kind == Kind.STATUS || kind == Kind.RATE_LIMIT;
    }

    /** The header form, e.g. {@code reset_after:3}. */
    @Override
    public String toString() {
        return kind.takesArgument ? kind.token + ":" + argument : kind.token;
    }
}
