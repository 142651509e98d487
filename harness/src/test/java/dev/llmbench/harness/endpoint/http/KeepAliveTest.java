package dev.llmbench.harness.endpoint.http;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveTest {

    private static long millis(String keepAlive) {
        BasicHttpResponse response = new BasicHttpResponse(200);
        if (keepAlive != null) response.addHeader("Keep-Alive", keepAlive);
        TimeValue t = new KeepAlive().getKeepAliveDuration(response, HttpClientContext.create());
        return t.toMilliseconds();
    }

    @Test
    void aPooledConnectionIsDiscardedASecondBeforeTheServersKeepAliveTimeout() {
        assertThat(millis("timeout=5, max=100")).isEqualTo(4_000);
    }

    @Test
    void aShortServerTimeoutIsHalved() {
        assertThat(millis("timeout=1")).isEqualTo(500);
    }

    @Test
    void withoutTheHeaderHttpClientsDefaultApplies() {
        assertThat(millis(null)).isEqualTo(HttpClientContext.create().getRequestConfigOrDefault().getConnectionKeepAlive().toMilliseconds());
    }
}
