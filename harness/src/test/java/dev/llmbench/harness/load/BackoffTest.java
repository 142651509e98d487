package dev.llmbench.harness.load;

import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.endpoint.FailureKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a rate-limited request holds its virtual user back: what the server said, in the documented order. */
class BackoffTest {

    private static Failure limited(long retryAfterMillis) {
        return new Failure(FailureKind.RATE_LIMITED, 429, "HTTP 429: slow down", retryAfterMillis);
    }

    @Test
    void resetDurationsAreReadAsTheRateLimitHeadersWriteThem() {
        assertThat(Backoff.durationMillis("1s")).isEqualTo(1000);
        assertThat(Backoff.durationMillis("6m0s")).isEqualTo(360_000);
        assertThat(Backoff.durationMillis("20ms")).isEqualTo(20);
        assertThat(Backoff.durationMillis("1h2m3.5s")).isEqualTo(3_723_500);
        assertThat(Backoff.durationMillis("0.25")).as("a bare number is seconds").isEqualTo(250);
        assertThat(Backoff.durationMillis("1.5ms")).as("rounded up").isEqualTo(2);
        assertThat(Backoff.durationMillis("soon")).isEqualTo(-1);
        assertThat(Backoff.durationMillis("1s later")).isEqualTo(-1);
        assertThat(Backoff.durationMillis(null)).isEqualTo(-1);
    }

    @Test
    void retryAfterComesFirst() {
        assertThat(Backoff.waitMillis(limited(2000), Map.of("x-ratelimit-reset-requests", "20ms"))).isEqualTo(2000);
    }

    @Test
    void withoutRetryAfterTheResetOfTheExhaustedLimitDecides() {
        Map<String, String> requestsOut = Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "20ms",
                "x-ratelimit-remaining-tokens", "5000", "x-ratelimit-reset-tokens", "6m0s");
        assertThat(Backoff.waitMillis(limited(-1), requestsOut)).isEqualTo(20);
        Map<String, String> tokensOut = Map.of("x-ratelimit-remaining-requests", "10", "x-ratelimit-reset-requests", "20ms",
                "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1.5s");
        assertThat(Backoff.waitMillis(limited(-1), tokensOut)).isEqualTo(1500);
        Map<String, String> noRemaining = Map.of("X-RateLimit-Reset-Requests", "2s", "X-RateLimit-Reset-Tokens", "300ms");
        assertThat(Backoff.waitMillis(limited(-1), noRemaining)).as("the shortest reset when none says 0 left").isEqualTo(300);
    }

    @Test
    void noHintWaitsADefaultAndNoWaitIsLongerThanTheCap() {
        assertThat(Backoff.waitMillis(limited(-1), Map.of())).isEqualTo(Backoff.DEFAULT_MILLIS);
        assertThat(Backoff.waitMillis(limited(3_600_000), Map.of())).isEqualTo(Backoff.MAX_MILLIS);
    }

    @Test
    void onlyRateLimitingHoldsBack() {
        assertThat(Backoff.waitMillis(new Failure(FailureKind.HTTP_STATUS, 503, "HTTP 503: down", -1), Map.of())).isEqualTo(-1);
        assertThat(Backoff.waitMillis(null, Map.of())).isEqualTo(-1);
    }
}
