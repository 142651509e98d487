package dev.llmbench.harness.endpoint.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Redactor;

import java.util.Locale;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Turns a non-2xx response into a typed {@link Failure}: 429, 529 (Anthropic's overloaded), and 503 with
 * {@code Retry-After}, are rate limiting
 * ({@link FailureKind#RATE_LIMITED}); every other status is {@link FailureKind#HTTP_STATUS}. The server's text passes
 * the endpoint's {@link Redactor} before it is cut or kept.
 */
final class HttpErrors {

    private static final JsonFactory JSON = new JsonFactory();

    private HttpErrors() { }

    /** Longest part of a body that is not JSON kept in the message. */
    static final int MAX_BODY_PREVIEW_CHARS = 300;

    /**
     * @param contentEncoding the response's {@code Content-Encoding}, or null
     * @param redactor        the endpoint's redactor
     */
    static Failure failure(int status, Map<String, String> headers, byte[] body, String contentEncoding, Redactor redactor) {
        long retryAfterMillis = retryAfterMillis(headers.get("retry-after"));
        boolean rateLimited = status == 429 || status == 529 || (status == 503 && headers.get("retry-after") != null);
        String message = "HTTP " + status + ": " + errorMessage(body, contentEncoding, redactor);
        return new Failure(rateLimited ? FailureKind.RATE_LIMITED : FailureKind.HTTP_STATUS, status, message, retryAfterMillis);
    }

    /** Retry-After as delta-seconds or an HTTP date; -1 when absent or unreadable. */
    static long retryAfterMillis(String value) {
        if (value == null || value.isBlank()) return -1;
        String v = value.strip();
        try {
            return Math.round(Double.parseDouble(v) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
            } catch (RuntimeException notDate) {
                return -1;
            }
        }
    }

    /**
     * The OpenAI/Anthropic-style {@code error.message} when the body has one, else the start of the body; a compressed
     * body is named as such ({@code gzip-compressed body (N bytes)}), never shown as bytes. Redacted either way.
     */
    static String errorMessage(byte[] body, String contentEncoding, Redactor redactor) {
        if (body == null || body.length == 0) return "(empty body)";
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (Redactor.isGzip(body) || encoding.equals("gzip") || encoding.equals("x-gzip")) return compressed("gzip", body);
        if (!encoding.isEmpty() && !encoding.equals("identity")) return compressed(redactor.redact(encoding), body);
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if ("error".equals(name)) {
                        if (t == JsonToken.VALUE_STRING) return redactor.redact(p.getText());
                        if (t == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String inner = p.currentName();
                                JsonToken it = p.nextToken();
                                if ("message".equals(inner) && it == JsonToken.VALUE_STRING) return redactor.redact(p.getText());
                                p.skipChildren();
                            }
                        }
                    } else if ("message".equals(name) && t == JsonToken.VALUE_STRING) {
                        return redactor.redact(p.getText());
                    }
                    p.skipChildren();
                }
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // fall through to the raw text
        }
        String text = redactor.preview(body, MAX_BODY_PREVIEW_CHARS);
        return text.isEmpty() ? "(empty body)" : text;
    }

    /** Names a compressed body instead of printing its bytes. */
    static String compressed(String encoding, byte[] body) {
        return encoding + "-compressed body (" + body.length + " bytes)";
    }
}
