package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.FailureKind;

import java.util.List;
import java.util.Locale;

/**
 * The failures of a run in words, for log lines, test reports and the check: {@code 20 requests, 20 errors (20 rate
 * limited)}, and for a run where no measured request succeeded {@code all 20 requests failed: 20 × rate_limited
 * ("HTTP 429: Rate limit reached")}. Kinds are named as in the result file's {@code failed_by_kind}; the example is
 * the first message kept for that kind (server text, already redacted; cut to {@value #EXAMPLE_CHARS} characters).
 * Stateless.
 */
public final class FailureSummary {

    /** Longest example message quoted. */
    public static final int EXAMPLE_CHARS = 120;

    private FailureSummary() {
    }

    /** E.g. {@code 20 requests, 3 errors (2 rate limited)}; cancelled requests are named when there are any. */
    public static String counts(Counts c) {
        StringBuilder sb = new StringBuilder().append(c.measured()).append(c.measured() == 1 ? " request, " : " requests, ")
                .append(c.errors()).append(c.errors() == 1 ? " error" : " errors");
        if (c.rateLimited() > 0) sb.append(" (").append(c.rateLimited()).append(" rate limited)");
        if (c.cancelled() > 0) sb.append(", ").append(c.cancelled()).append(" cancelled");
        return sb.toString();
    }

    /**
     * When no measured request succeeded: {@code all 20 requests failed: 12 × rate_limited ("HTTP 429: slow down"),
     * 8 × http_status ("HTTP 503: <html>…")}, kinds by count, highest first; null when some request succeeded or none
     * was measured.
     */
    public static String allFailedOrNull(Measurements m) {
        Counts c = m.counts();
        if (!c.allFailed()) return null;
        StringBuilder sb = new StringBuilder(c.measured() == 1 ? "the only request failed: " : "all " + c.measured() + " requests failed: ");
        List<FailureKind> kinds = c.failedByKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).map(java.util.Map.Entry::getKey).toList();
        for (int i = 0; i < kinds.size(); i++) {
            FailureKind k = kinds.get(i);
            if (i > 0) sb.append(", ");
            sb.append(c.failed(k)).append(" × ").append(k.name().toLowerCase(Locale.ROOT));
            List<String> examples = m.failureExamples().get(k);
            if (examples != null && !examples.isEmpty()) sb.append(" (\"").append(cut(examples.get(0))).append("\")");
        }
        return sb.toString();
    }

    private static String cut(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXAMPLE_CHARS ? oneLine : oneLine.substring(0, EXAMPLE_CHARS) + "…";
    }
}
