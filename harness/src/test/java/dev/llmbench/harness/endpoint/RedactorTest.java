package dev.llmbench.harness.endpoint;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the one redaction step removes from server text, and what it leaves alone. */
class RedactorTest {

    private static final String KEY = "my-key/With+Signs0123";
    private final Redactor redactor = Redactor.forEndpoint(KEY, Map.of("X-Api-Key", "custom-secret-value",
            "X-Tenant", "acme-tenant", "Proxy-Authorization", "Basic dXNlcjpwYXNz"));

    @Test
    void theConfiguredKeyIsRemovedWhereverItAppearsAndInItsEscapedForms() {
        assertThat(redactor.redact("Incorrect API key provided: " + KEY + ".")).isEqualTo("Incorrect API key provided: [redacted].");
        assertThat(redactor.redact("key=my-key%2FWith%2BSigns0123")).isEqualTo("key=[redacted]");
        assertThat(redactor.redact("{\"key\":\"my-key\\/With+Signs0123\"}")).isEqualTo("{\"key\":\"[redacted]\"}");
    }

    @Test
    void valuesOfSecretNamedConfiguredHeadersAreRemovedButOrdinaryHeaderValuesStay() {
        assertThat(redactor.redact("got custom-secret-value for tenant acme-tenant"))
                .isEqualTo("got [redacted] for tenant acme-tenant");
        assertThat(redactor.redact("credentials dXNlcjpwYXNz rejected")).isEqualTo("credentials [redacted] rejected");
    }

    @Test
    void bearerAndBasicCredentialsSkTokensAndNamedCredentialsAreRemovedWithoutKnowingThem() {
        Redactor generic = Redactor.GENERIC;
        assertThat(generic.redact("Authorization: Bearer abc.def-123")).isEqualTo("Authorization: Bearer [redacted]");
        assertThat(generic.redact("Bearer abcdefghijklmnopqrstuvwxyz")).isEqualTo("Bearer [redacted]");
        assertThat(generic.redact("authorization: basic Zm9vOmJhcg==")).isEqualTo("authorization: basic [redacted]");
        assertThat(generic.redact("Incorrect API key provided: sk-proj-AbC123xyz789.")).isEqualTo("Incorrect API key provided: [redacted].");
        assertThat(generic.redact("x-api-key: k-123456\napi_key=zzz&model=m")).isEqualTo("x-api-key: [redacted]\napi_key=[redacted]&model=m");
        assertThat(generic.redact("{\"api-key\": \"secret-1\"}")).isEqualTo("{\"api-key\": \"[redacted]\"}");
    }

    @Test
    void ordinaryServerTextIsLeftAlone() {
        String text = "The model `llama-3` does not exist; task-scheduler said: max_tokens must be <= 4096 (bearer of bad news);"
                + " Basic authentication is off; Bearer token missing";
        assertThat(Redactor.GENERIC.redact(text)).isEqualTo(text);
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.redact((CharSequence) null)).isNull();
    }

    @Test
    void aFailureAndHeaderValuesAreRedactedAndTheSecretsAreNeverShown() {
        Failure f = redactor.redact(new Failure(FailureKind.HTTP_STATUS, 401, "HTTP 401: bad key " + KEY, -1));
        assertThat(f).isEqualTo(new Failure(FailureKind.HTTP_STATUS, 401, "HTTP 401: bad key [redacted]", -1));
        assertThat(redactor.redactValues(Map.of("x-ratelimit-key", KEY, "x-ratelimit-remaining-requests", "9")))
                .isEqualTo(Map.of("x-ratelimit-key", "[redacted]", "x-ratelimit-remaining-requests", "9"));
        assertThat(redactor.toString()).doesNotContain(KEY).doesNotContain("custom-secret-value");
    }

    @Test
    void aPreviewIsRedactedBeforeItIsCutSoNoPrefixOfTheKeyRemains() {
        byte[] data = ("x".repeat(95) + KEY + " tail").getBytes(StandardCharsets.UTF_8);
        String preview = redactor.preview(data, 100);
        assertThat(preview).isEqualTo("x".repeat(95) + "[reda…");
    }

    @Test
    void aCompressedOrBinaryPreviewIsNamedWithItsSize() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("data: {}\n\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(redactor.preview(bytes.toByteArray(), 100)).isEqualTo("gzip-compressed body (" + bytes.size() + " bytes)");
        assertThat(redactor.preview(new byte[] {0, 1, 2, (byte) 0xff, 65}, 100)).isEqualTo("binary body (5 bytes)");
        assertThat(redactor.preview("héllo wörld".getBytes(StandardCharsets.UTF_8), 100)).isEqualTo("héllo wörld");
    }
}
