package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Redactor;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorsTest {

    private static final String KEY = "test-key-0123456789abcdef";
    private static final Redactor REDACTOR = Redactor.forEndpoint(KEY, Map.of());

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static Failure failure(int status, Map<String, String> headers, byte[] body) {
        return HttpErrors.failure(status, headers, body, null, REDACTOR);
    }

    @Test
    void status429And503WithRetryAfterAreRateLimitingWithRetryAfterKept() {
        Failure f = failure(429, Map.of("retry-after", "2"), utf8("{\"error\":{\"message\":\"slow down\"}}"));
        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAfterMillis()).isEqualTo(2000);
        assertThat(f.message()).isEqualTo("HTTP 429: slow down");
        assertThat(failure(503, Map.of("retry-after", "1"), new byte[0]).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure(429, Map.of(), new byte[0]).kind()).as("429 needs no Retry-After").isEqualTo(FailureKind.RATE_LIMITED);
    }

    @Test
    void a503WithoutRetryAfterIsAnHttpErrorNotRateLimiting() {
        Failure f = failure(503, Map.of(), utf8("<html><body><h1>503 Service Unavailable</h1></body></html>"));
        assertThat(f.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.message()).startsWith("HTTP 503: <html>");
    }

    @Test
    void otherStatusesAreHttpErrorsWithTheServersMessage() {
        Failure f = failure(500, Map.of(), utf8("{\"error\":\"boom\"}"));
        assertThat(f.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(f.httpStatus()).isEqualTo(500);
        assertThat(f.message()).isEqualTo("HTTP 500: boom");
        assertThat(f.retryAfterMillis()).isEqualTo(-1);
        assertThat(failure(404, Map.of(), utf8("<html>not found</html>")).message()).contains("<html>not found");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(HttpErrors.retryAfterMillis("0.5")).isEqualTo(500);
        assertThat(HttpErrors.retryAfterMillis("soon")).isEqualTo(-1);
        assertThat(HttpErrors.retryAfterMillis(null)).isEqualTo(-1);
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(HttpErrors.retryAfterMillis(inTenSeconds)).isBetween(8_000L, 10_000L);
    }

    @Test
    void aHugeErrorBodyIsCutInTheMessage() {
        Failure f = failure(500, Map.of(), utf8("x".repeat(100_000)));
        assertThat(f.message().length()).isLessThanOrEqualTo(Failure.MAX_MESSAGE_CHARS + 1);
    }

    @Test
    void theKeyAServerEchoesIsRedactedFromItsErrorMessage() {
        Failure json = failure(401, Map.of(), utf8("{\"error\":{\"message\":\"Incorrect API key provided: Bearer " + KEY + "\"}}"));
        assertThat(json.message()).isEqualTo("HTTP 401: Incorrect API key provided: Bearer [redacted]");
        Failure bare = failure(401, Map.of(), utf8("{\"message\":\"key " + KEY + " is not valid\"}"));
        assertThat(bare.message()).isEqualTo("HTTP 401: key [redacted] is not valid");
    }

    @Test
    void aKeyAcrossThePointWhereATextBodyIsCutLeavesNoPrefixBehind() {
        String page = "x".repeat(HttpErrors.MAX_BODY_PREVIEW_CHARS - 10) + " " + KEY + " and more";
        Failure f = failure(401, Map.of(), utf8(page));
        assertThat(f.message()).doesNotContain(KEY.substring(0, 9)).contains("[redac");
    }

    @Test
    void aGzipCompressedErrorBodyIsNamedNotPrintedAsBytes() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(utf8("{\"error\":{\"message\":\"boom\"}}"));
        }
        byte[] body = bytes.toByteArray();
        assertThat(failure(500, Map.of(), body).message()).isEqualTo("HTTP 500: gzip-compressed body (" + body.length + " bytes)");
        assertThat(HttpErrors.failure(500, Map.of(), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, "br", REDACTOR).message())
                .isEqualTo("HTTP 500: br-compressed body (4 bytes)");
    }
}
