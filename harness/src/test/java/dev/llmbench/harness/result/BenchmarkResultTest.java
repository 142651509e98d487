package dev.llmbench.harness.result;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkResultTest {

    @Test
    void offersEachMetricsSummaryAndHistogramByName() {
        BenchmarkResult r = Fixtures.rich();
        assertThat(r.schemaVersion()).isEqualTo(BenchmarkResult.SCHEMA_VERSION).isEqualTo(1);
        assertThat(r.metrics().keySet()).containsExactly("ttft", "ttfo", "e2e", "tpot", "itl", "queue_delay", "output_speed", "request_throughput");
        assertThat(r.summary("ttft").unit()).isEqualTo("us");
        assertThat(r.histogram("ttft").getTotalCount()).isEqualTo(r.summary("ttft").count());
        assertThat(r.counts().succeeded()).isEqualTo(40);
        assertThat(r.tokens().output()).isEqualTo(240);
        assertThat(r.throughput().goodputRequestsPerSecond()).isNull();
    }

    @Test
    void namesTheKnownMetricsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> Fixtures.rich().summary("ttfb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttfb").hasMessageContaining("ttft");
    }

    @Test
    void keepsKeysItDoesNotKnowAsPlainValuesInOrder() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("b", 1);
        c.put("model", "m");
        c.put("a", 2.5f);
        c.put("warmup", java.time.Duration.ofSeconds(30));
        c.put("tiers", List.of(2, 20, 50));
        BenchmarkConfiguration config = BenchmarkConfiguration.fromPlainValues(c);
        BenchmarkResult r = BenchmarkResult.of(RunMetadata.capture("x", Instant.EPOCH, Instant.EPOCH), config, Fixtures.rich().measurements());
        assertThat(r.configuration().model()).isEqualTo("m");
        assertThat(r.configuration().other()).containsOnlyKeys("b", "a", "warmup", "tiers");
        assertThat(r.configuration().other().get("b")).isEqualTo(1L);
        assertThat(r.configuration().other().get("a")).isEqualTo(2.5);
        assertThat(r.configuration().other().get("warmup")).isEqualTo("PT30S");
        assertThat(r.configuration().other().get("tiers")).isEqualTo(List.of(2L, 20L, 50L));
    }

    @Test
    void refusesConfigurationValuesThatAreNotPlain() {
        Map<String, Object> c = Map.of("endpoint", Map.of("client", new Object()));
        assertThatThrownBy(() -> BenchmarkConfiguration.fromPlainValues(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint.client");
    }

    @Test
    void capturesTheEnvironmentIntoMetadata() {
        RunMetadata md = RunMetadata.capture("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
        assertThat(md.harnessVersion()).isEqualTo("dev"); // classes, not a packaged jar
        assertThat(md.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(md.availableProcessors()).isPositive();
        assertThat(md.hostName()).isNotBlank();
        assertThat(md.partial()).isFalse();
        assertThat(md.withPartial("Ctrl-C").partialReason()).isEqualTo("Ctrl-C");
    }
}
