package dev.llmbench.harness.load;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long to hold back after a rate-limited request ({@link FailureKind#RATE_LIMITED}), from what the server said:
 * <ol>
 *   <li>{@code Retry-After}, in seconds or as an HTTP date (already read into {@link Failure#retryAfterMillis()});</li>
 *   <li>else {@code x-ratelimit-reset-requests} / {@code x-ratelimit-reset-tokens} (OpenAI-style durations:
 *       {@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}): of the limits whose
 *       {@code x-ratelimit-remaining-*} is 0 the longest reset, and when no remaining count says 0, the shortest
 *       reset given;</li>
 *   <li>else {@value #DEFAULT_MILLIS} ms.</li>
 * </ol>
 * Every wait is capped at {@value #MAX_MILLIS} ms, so a far-off date cannot stall a run. Stateless.
 */
public final class Backoff {

    /** The wait when a rate-limited response gives no hint. */
    public static final long DEFAULT_MILLIS = 1000;
    /** The longest wait. */
    public static final long MAX_MILLIS = 60_000;

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

    private Backoff() {
    }

    /** Milliseconds to hold back after this failure, or -1 when it is not rate limiting (no wait). */
    public static long waitMillis(Failure failure, Map<String, String> headers) {
        if (failure == null || failure.kind() != FailureKind.RATE_LIMITED) return -1;
        if (failure.retryAfterMillis() >= 0) return Math.min(MAX_MILLIS, failure.retryAfterMillis());
        long requests = durationMillis(header(headers, "x-ratelimit-reset-requests"));
        long tokens = durationMillis(header(headers, "x-ratelimit-reset-tokens"));
        boolean requestsOut = "0".equals(header(headers, "x-ratelimit-remaining-requests"));
        boolean tokensOut = "0".equals(header(headers, "x-ratelimit-remaining-tokens"));
        long wait = -1;
        if ((requestsOut && requests >= 0) || (tokensOut && tokens >= 0)) {
            wait = Math.max(requestsOut ? requests : -1, tokensOut ? tokens : -1);
        } else if (requests >= 0 || tokens >= 0) {
            wait = requests < 0 ? tokens : tokens < 0 ? requests : Math.min(requests, tokens);
        }
        return Math.min(MAX_MILLIS, wait >= 0 ? wait : DEFAULT_MILLIS);
    }

    /**
     * A duration as the {@code x-ratelimit-reset-*} headers write it ({@code 1s}, {@code 6m0s}, {@code 20ms},
     * {@code 1h2m3.5s}; a bare number is seconds) in milliseconds, rounded up; -1 when absent or unreadable.
     */
    public static long durationMillis(String text) {
        if (text == null || text.isBlank()) return -1;
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            return (long) Math.ceil(Double.parseDouble(t) * 1000);
        } catch (NumberFormatException notSeconds) {
            // units follow
        }
        Matcher m = PART.matcher(t);
        double millis = 0;
        int at = 0;
        while (m.find()) {
            if (m.start() != at) return -1;
            double v = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> v * 3_600_000;
                case "m" -> v * 60_000;
                case "s" -> v * 1000;
                case "ms" -> v;
                case "us", "µs" -> v / 1000;
                default -> v / 1_000_000; // ns
            };
            at = m.end();
        }
        return at == t.length() && at > 0 ? (long) Math.ceil(millis) : -1;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) return null;
        String v = headers.get(name);
        if (v != null) return v.strip();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue() == null ? null : e.getValue().strip();
        }
        return null;
    }
}
