package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorsTest {

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void status429And503WithRetryAfterAreRateLimitingWithRetryAfterKept() {
        Failure f = HttpErrors.failure(429, Map.of("retry-after", "2"), utf8("{\"error\":{\"message\":\"slow down\"}}"));
        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAfterMillis()).isEqualTo(2000);
        assertThat(f.message()).isEqualTo("HTTP 429: slow down");
        assertThat(HttpErrors.failure(503, Map.of("retry-after", "1"), new byte[0]).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(HttpErrors.failure(429, Map.of(), new byte[0]).kind()).as("429 needs no Retry-After").isEqualTo(FailureKind.RATE_LIMITED);
    }

    @Test
    void a503WithoutRetryAfterIsAnHttpErrorNotRateLimiting() {
        Failure f = HttpErrors.failure(503, Map.of(), utf8("<html><body><h1>503 Service Unavailable</h1></body></html>"));
        assertThat(f.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.message()).startsWith("HTTP 503: <html>");
    }

    @Test
    void otherStatusesAreHttpErrorsWithTheServersMessage() {
        Failure f = HttpErrors.failure(500, Map.of(), utf8("{\"error\":\"boom\"}"));
        assertThat(f.kind()).isEqualTo(FailureKind.HTTP_STATUS);
        assertThat(f.httpStatus()).isEqualTo(500);
        assertThat(f.message()).isEqualTo("HTTP 500: boom");
        assertThat(f.retryAfterMillis()).isEqualTo(-1);
        assertThat(HttpErrors.failure(404, Map.of(), utf8("<html>not found</html>")).message()).contains("<html>not found");
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
        Failure f = HttpErrors.failure(500, Map.of(), utf8("x".repeat(100_000)));
        assertThat(f.message().length()).isLessThanOrEqualTo(Failure.MAX_MESSAGE_CHARS + 1);
    }
}
