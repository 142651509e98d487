package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {

    @Test
    void rpmLimitAnswers429WithRetryAfter() {
        SimulatorConfig cfg = SimulatorConfig.builder(Profile.fixedStep("rpm", 1_000)).requestsPerMinute(2).build();
        try (Simulator sim = Simulator.start(cfg)) {
            TestClient c = new TestClient(sim.baseUri());
            assertThat(c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}").statusCode()).isEqualTo(200);
            assertThat(c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}").statusCode()).isEqualTo(200);
            HttpResponse<String> r = c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(r.headers().firstValue("retry-after").orElseThrow())).isBetween(58, 60);
            assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
            assertThat(r.body()).contains("\"code\":\"rate_limit_exceeded\"").contains("RPM");
            assertThat(sim.stats().requestsRateLimited()).isEqualTo(1);
        }
    }

    @Test
    void tpmLimitCountsPromptAndMaxTokens() {
        SimulatorConfig cfg = SimulatorConfig.builder(Profile.fixedStep("tpm", 1_000)).tokensPerMinute(50).build();
        try (Simulator sim = Simulator.start(cfg)) {
            TestClient c = new TestClient(sim.baseUri());
            assertThat(c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":30}").statusCode()).isEqualTo(200);
            HttpResponse<String> r = c.post("/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":30}");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).isPresent();
            assertThat(r.body()).contains("TPM");
        }
    }
}
