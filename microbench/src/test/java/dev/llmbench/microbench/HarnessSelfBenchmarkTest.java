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

    @Test
    void theProtocolIsChosenByItsSettingName() throws Exception {
        assertThat(Options.parse().protocol()).isEqualTo("chat");
        assertThat(Options.parse("--protocol", "Realtime").protocol()).isEqualTo("realtime");
        assertThatThrownBy(() -> Options.parse("--protocol", "grpc")).hasMessageContaining("--protocol")
                .hasMessageContaining("'grpc'")
                .hasMessageContaining(String.join(", ", dev.llmbench.harness.endpoint.protocol.Protocol.NAMES));
        assertThatThrownBy(() -> Options.parse("--protocol", "realtime", "--compare-floor")).hasMessageContaining("--protocol chat");
    }

    @Test
    void aBadValueNamesTheOptionAndWhatItAllows() {
        assertThatThrownBy(() -> Options.parse("--streams", "many")).isInstanceOf(Options.UsageException.class)
                .hasMessageContaining("--streams").hasMessageContaining("1..100000").hasMessageContaining("'many'");
        assertThatThrownBy(() -> Options.parse("--sim-io-threads", "65")).hasMessageContaining("--sim-io-threads")
                .hasMessageContaining("0..64");
        assertThatThrownBy(() -> Options.parse("--out", " ")).hasMessageContaining("--out").hasMessageContaining("blank");
    }

    @Test
    void helpIsGeneratedWithEveryOptionAndItsDefault() {
        assertThatThrownBy(() -> Options.parse("--help")).isInstanceOfSatisfying(Options.UsageException.class,
                e -> assertThat(e.help()).isTrue());
        assertThat(Options.USAGE).startsWith("Usage: java -cp microbench/target/benchmarks.jar")
                .contains("--streams=N").contains("default 100")
                .contains("--seconds=S").contains("default 20")
                .contains("--max-tokens=K").contains("default 256")
                .contains("--input-tokens=I").contains("default 32")
                .contains("--step-micros=U").contains("default 20000")
                .contains("--warmup=W", "--out=FILE", "--compare-floor", "--sim-io-threads=T", "--stagger",
                        "--endpoint=URL", "--model=M", "--api-key-env=NAME", "--help");
    }

    @Test
    void theReadmeCommandsParseWithTheirDefaults() throws Exception {
        Options o = Options.parse("--streams", "100", "--seconds", "20", "--compare-floor");
        assertThat(o.streams()).isEqualTo(100);
        assertThat(o.compareFloor()).isTrue();
        assertThat(o.maxTokens()).isEqualTo(256);
        assertThat(o.inputTokens()).isEqualTo(32);
        assertThat(o.warmupRequests()).as("one per stream").isEqualTo(100);
        assertThat(o.stepMicros()).isEqualTo(20_000);
        assertThat(o.model()).isEqualTo("selfbench-20ms");
        assertThat(o.external()).isFalse();
        assertThat(Options.parse("--streams", "2000", "--seconds", "20", "--warmup", "0").warmupRequests()).isZero();
    }
}
