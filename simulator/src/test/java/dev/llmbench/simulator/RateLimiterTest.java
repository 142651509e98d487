package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long S = 1_000_000_000L;

    @Test
    void rpmLimitRefusesUntilTheOldestRequestLeavesTheWindow() {
        RateLimiter r = new RateLimiter(2, 0);
        assertThat(r.tryAcquire(0, 10).admitted()).isTrue();
        assertThat(r.tryAcquire(10 * S, 10).admitted()).isTrue();
        RateLimiter.Decision d = r.tryAcquire(15 * S, 10);
        assertThat(d.admitted()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(45);
        assertThat(d.remainingRequests()).isZero();
        assertThat(r.tryAcquire(60 * S, 10).admitted()).isTrue();
    }

    @Test
    void tpmLimitCountsPromptPlusMaxTokens() {
        RateLimiter r = new RateLimiter(0, 100);
        assertThat(r.tryAcquire(0, 60).admitted()).isTrue();
        assertThat(r.tryAcquire(5 * S, 30).admitted()).isTrue();
        RateLimiter.Decision d = r.tryAcquire(20 * S, 30);
        assertThat(d.admitted()).isFalse();
        assertThat(d.retryAfterSeconds()).isEqualTo(40); // the 60-token request frees at t = 60 s
        assertThat(r.tryAcquire(20 * S, 500).retryAfterSeconds()).isEqualTo(60); // never fits
        assertThat(r.tryAcquire(61 * S, 30).admitted()).isTrue();
    }

    @Test
    void aShorterWindowScalesTheLimitsToIt() {
        RateLimiter r = new RateLimiter(600, 6000, S); // 1 s window: 10 requests and 100 tokens in any 1 s
        for (int i = 0; i < 10; i++) assertThat(r.tryAcquire(i * S / 20, 1).admitted()).as("request " + i).isTrue();
        RateLimiter.Decision d = r.tryAcquire(S / 2, 1);
        assertThat(d.admitted()).isFalse();
        assertThat(d.reason()).isEqualTo("requests per minute (RPM) limit 600");
        assertThat(r.tryAcquire(S, 1).admitted()).as("the first request left the window").isTrue();
        assertThat(r.tryAcquire(3 * S, 101).retryAfterSeconds()).as("never fits: wait a whole window").isEqualTo(1);
    }
}
