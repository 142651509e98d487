package dev.llmbench.harness.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void removesUserInfoFromUrls() {
        assertThat(Redaction.stripCredentials("https://user:p%40ss@api.example.com:8443/v1/chat"))
                .isEqualTo("https://api.example.com:8443/v1/chat");
        assertThat(Redaction.stripCredentials("wss://token@realtime.example.com")).isEqualTo("wss://realtime.example.com");
    }

    @Test
    void removesCredentialQueryParametersAndKeepsTheRest() {
        assertThat(Redaction.stripCredentials(
                "https://api.example.com/v1?api_key=sk-1&model=llama&key=k&Token=t&access_token=a&apiKey=b&x-api-key=c#frag"))
                .isEqualTo("https://api.example.com/v1?model=llama#frag");
        assertThat(Redaction.stripCredentials("https://h/p?key=1")).isEqualTo("https://h/p");
        assertThat(Redaction.stripCredentials("https://h/p?sig=abc&se=2026")).isEqualTo("https://h/p?se=2026");
    }

    @Test
    void leavesUrlsWithoutCredentialsAndNonUrlsAlone() {
        assertThat(Redaction.stripCredentials("http://127.0.0.1:8080/v1/chat/completions?max_tokens=5"))
                .isEqualTo("http://127.0.0.1:8080/v1/chat/completions?max_tokens=5");
        assertThat(Redaction.stripCredentials("not a url")).isEqualTo("not a url");
        assertThat(Redaction.stripCredentials(null)).isNull();
    }

    @Test
    void recognisesSecretNames() {
        assertThat(Redaction.isSecretName("Authorization")).isTrue();
        assertThat(Redaction.isSecretName("api-key")).isTrue();
        assertThat(Redaction.isSecretName("X-Api-Key")).isTrue();
        assertThat(Redaction.isSecretName("llmbench.apiKey")).isTrue();
        assertThat(Redaction.isSecretName("access_token")).isTrue();
        assertThat(Redaction.isSecretName("max_tokens")).isFalse();
        assertThat(Redaction.isSecretName("api_key_env")).isFalse();
        assertThat(Redaction.isSecretName("Accept")).isFalse();
    }

    @Test
    void redactsHeaderLinesWrittenAsStrings() {
        assertThat(Redaction.redactString("Authorization: Bearer sk-1")).isEqualTo("Authorization: [redacted]");
        assertThat(Redaction.redactString("api_key=sk-1")).isEqualTo("api_key=[redacted]");
        assertThat(Redaction.redactString("Accept: text/event-stream")).isEqualTo("Accept: text/event-stream");
        assertThat(Redaction.redactString("https://u:p@h/x")).isEqualTo("https://h/x");
    }
}
