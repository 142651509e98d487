package dev.llmbench.harness.result;

import dev.llmbench.harness.endpoint.Redaction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A result's configuration keeps no secret: credentials in URLs and secret headers are redacted before it is stored. */
class ConfigurationRedactionTest {

    @Test
    void keepsSecretsOutOfTheConfigurationOfAResult() {
        BenchmarkResult r = Fixtures.result("b", Fixtures.START, 1, 2);
        assertThat(r.configuration().endpointUrl()).isEqualTo("https://api.example.com/v1?model=llama");
        assertThat(r.configuration().other().get("headers")).isEqualTo(java.util.Map.of(
                "Authorization", Redaction.REDACTED, "x-api-key", Redaction.REDACTED, "Accept", "text/event-stream"));
        assertThat(ResultFiles.toJson(r)).doesNotContain("s3cret", "sk-live", "Bearer");
    }
}
