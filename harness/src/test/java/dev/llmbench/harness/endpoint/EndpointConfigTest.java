package dev.llmbench.harness.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointConfigTest {

    @Test
    void aTrailingV1AndSlashesAreDroppedFromTheBaseUrl() {
        assertThat(EndpointConfig.builder("http://127.0.0.1:8000/v1/").build().baseUri().toString()).isEqualTo("http://127.0.0.1:8000");
        assertThat(EndpointConfig.builder("https://api.example.com/openai/v1").build().baseUri().toString()).isEqualTo("https://api.example.com/openai");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> EndpointConfig.builder("http://bob:s3cret@127.0.0.1:8000").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> EndpointConfig.builder("http://127.0.0.1:8000?api_key=s3cret").build())
                .hasMessageContaining("without query")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aUrlWithoutHttpSchemeOrHostIsRefusedNamingWhatIsAllowed() {
        assertThatThrownBy(() -> EndpointConfig.builder("ftp://127.0.0.1").build()).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> EndpointConfig.builder("http:///v1").build()).hasMessageContaining("no host");
    }

    @Test
    void theKeySourceIsDescribedButNeverTheKey() {
        EndpointConfig c = EndpointConfig.builder("http://127.0.0.1:1").apiKeyEnv("MY_KEY_VAR").build();
        assertThat(c.apiKeySource()).isEqualTo("env:MY_KEY_VAR");
        assertThat(c.toString()).contains("env:MY_KEY_VAR");
    }
}
