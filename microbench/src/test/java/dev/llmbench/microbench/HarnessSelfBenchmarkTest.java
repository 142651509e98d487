package dev.llmbench.microbench;

import dev.llmbench.microbench.selfbench.Options;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tiny in-process run (≈ 4 s): the line's shape and sanity, never wall-clock speed. */
class HarnessSelfBenchmarkTest {

    @Test
    @SuppressWarnings("unchecked")
    void tinyRunWithFloorPrintsEveryField() throws Exception {
        Path out = Files.createTempFile("selfbench", ".json");
        Map<String, Object> line = HarnessSelfBenchmark.run("--streams", "4", "--seconds", "1", "--max-tokens", "20",
                "--compare-floor", "--out", out.toString());

        assertThat(line).containsKeys("streams", "seconds", "requests", "output_tokens_per_s", "client_cpu_us_per_token",
                "ttft_error_us", "itl_error_us", "errors", "client_io_busy", "coalesced_chunk_ratio", "floor", "vs_floor");
        assertThat(line.get("streams")).isEqualTo(4);
        assertThat((Long) line.get("requests")).isPositive();
        assertThat(line.get("errors")).isEqualTo(0L);
        for (String field : new String[] {"ttft_error_us", "itl_error_us"}) {
            Map<String, Object> e = (Map<String, Object>) line.get(field);
            assertThat(e).containsKeys("p50", "p99", "max");
            assertThat((Double) e.get("p50")).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo((Double) e.get("max"));
        }
        assertThat((Double) line.get("client_cpu_us_per_token")).isPositive();

        Map<String, Object> floor = (Map<String, Object>) line.get("floor");
        assertThat((Long) floor.get("requests")).isPositive();
        assertThat(floor.get("errors")).isEqualTo(0L);
        assertThat((Map<String, Object>) floor.get("ttft_error_us")).containsKeys("p50", "p99", "max");
        assertThat((Map<String, Object>) line.get("vs_floor")).containsKeys("ttft_error_p99", "cpu_per_token");

        assertThat(HarnessSelfBenchmark.toJsonLine(line)).startsWith("{\"streams\":4,").doesNotContain("\n");
        assertThat(Files.readString(out)).contains("\"schema_version\"");
        Files.deleteIfExists(out);
    }

    @Test
    void badOptionsNameTheOption() throws Exception {
        assertThatThrownBy(() -> Options.parse("--streams", "0")).hasMessageContaining("--streams");
        assertThatThrownBy(() -> Options.parse("--bogus")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> Options.parse("--seconds")).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> Options.parse("--endpoint", "http://127.0.0.1:1")).hasMessageContaining("--model");
        assertThatThrownBy(() -> Options.parse("--endpoint", "http://x", "--model", "m", "--compare-floor"))
                .hasMessageContaining("--compare-floor");
        assertThat(Options.parse("--streams=7", "--max-tokens", "9").streams()).isEqualTo(7);
    }
}
