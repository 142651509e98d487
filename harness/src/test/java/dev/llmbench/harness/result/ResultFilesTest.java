package dev.llmbench.harness.result;

import dev.llmbench.harness.metrics.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEveryFieldOfWhatItWrote() throws IOException {
        BenchmarkResult original = Fixtures.rich();
        Path file = ResultFiles.write(original, dir.resolve("llmbench/result.json"));
        BenchmarkResult read = ResultFiles.read(file);

        assertThat(read).isEqualTo(original);
        assertThat(read.metadata()).isEqualTo(original.metadata());
        assertThat(read.configuration()).isEqualTo(original.configuration());
        assertThat(read.measurements()).isEqualTo(original.measurements());
        assertThat(read.sloVerdicts()).isEqualTo(original.sloVerdicts());
        assertThat(read.cost()).isEqualTo(original.cost());
        for (String metric : original.metrics().keySet()) {
            assertThat(read.histogram(metric)).as(metric).isEqualTo(original.histogram(metric));
            assertThat(read.summary(metric)).as(metric).isEqualTo(original.summary(metric));
        }
        // a sanity check that the fixture exercises what it should
        assertThat(read.partial()).isTrue();
        assertThat(read.summary("ttft").count()).isEqualTo(40);
        assertThat(read.summary("ttft").failedCount()).isEqualTo(2);
        assertThat(read.timeSeries().points()).isNotEmpty();
        assertThat(read.warnings()).hasSize(1);
        assertThat(read.rateLimits().lastRateLimitHeaders()).containsKey("x-ratelimit-reset-requests");
        assertThat(read.fidelity().coalescedChunks()).isEqualTo(40);
    }

    @Test
    void roundTripsSloVerdictsWithTheirFiguresIncludingInfinityAndNaN() throws IOException {
        BenchmarkResult original = Fixtures.rich().withSloVerdicts(java.util.List.of(
                new SloVerdict("p90(ttft) < 800ms", "ttft", false, Double.POSITIVE_INFINITY, 800, "ms", 42,
                        "p90 over 42 requests incl. 2 failed as +∞"),
                new SloVerdict("error_rate < 1%", "error_rate", true, 0.1234567890123, 1, "%", 42, "0 errors"),
                new SloVerdict("cost_per_request <= 0.01", "cost_per_request", false, Double.NaN, 0.01, "USD", 0,
                        "no pricing configured"),
                new SloVerdict("legacy", true, null)));
        Path file = ResultFiles.write(original, dir.resolve("verdicts.json"));
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"measured\" : \"Infinity\"").contains("\"measured\" : \"NaN\"")
                .contains("\"sample_count\" : 42");

        BenchmarkResult read = ResultFiles.read(file);
        assertThat(read.sloVerdicts()).isEqualTo(original.sloVerdicts());
        assertThat(read.sloVerdicts().get(0).measured()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(read.sloVerdicts().get(2).measured()).isNaN();
        assertThat(read).isEqualTo(original);
    }

    @Test
    void refusesAVerdictFigureThatIsNeitherANumberNorInfinity() throws IOException {
        Path file = ResultFiles.write(Fixtures.rich().withSloVerdicts(java.util.List.of(
                new SloVerdict("p90(ttft) < 800ms", "ttft", true, 1, 800, "ms", 1, ""))), dir.resolve("bad.json"));
        Files.writeString(file, Files.readString(file).replace("\"measured\" : 1.0", "\"measured\" : \"lots\""));
        assertThatThrownBy(() -> ResultFiles.read(file)).isInstanceOf(ResultFormatException.class)
                .hasMessageContaining("slo_verdicts[0].measured");
    }

    @Test
    void writesPrettyPrintedUtf8Json() throws IOException {
        Path file = ResultFiles.writeToDirectory(Fixtures.rich(), dir);
        assertThat(file.getFileName().toString()).isEqualTo("ChatBenchmark_chat_medium_____n_code.json");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"schema_version\" : 1,");
        assertThat(text).contains("ChatBenchmark#chat[medium] – ünïcode");
        assertThat(text).contains("\"hdr_histogram\" : \"");
    }

    @Test
    void leavesNoTemporaryFileBehindAndReplacesAnOlderFile() throws IOException {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "old");
        ResultFiles.write(Fixtures.rich(), file);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(ResultFiles.read(file)).isEqualTo(Fixtures.rich());
    }

    @Test
    void refusesAFileOfANewerSchemaNamingItsVersion() throws IOException {
        Path file = dir.resolve("future.json");
        Files.writeString(file, ResultFiles.toJson(Fixtures.rich()).replace("\"schema_version\" : 1", "\"schema_version\" : 2"));
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema version 2")
                .hasMessageContaining("upgrade llmbench");
    }

    @Test
    void namesTheFileAndFieldOfAMalformedValue() throws IOException {
        Path file = dir.resolve("bad.json");
        String json = ResultFiles.toJson(Fixtures.rich());
        Summary ttft = Fixtures.rich().summary("ttft");
        String good = "\"p90\" : " + ttft.p90() + ",";
        assertThat(json).contains(good);
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(good), "\"p90\" : \"fast\","));
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("metrics.ttft.p90")
                .satisfies(e -> assertThat(((ResultFormatException) e).field()).isEqualTo("metrics.ttft.p90"));
    }

    @Test
    void namesAMissingField() throws IOException {
        Path file = dir.resolve("missing.json");
        Files.writeString(file, "{\"schema_version\": 1, \"metadata\": {}}");
        assertThatThrownBy(() -> ResultFiles.read(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("metadata.");
    }

    @Test
    void namesTheFileOfInvalidJson() throws IOException {
        Path file = dir.resolve("truncated.json");
        String json = ResultFiles.toJson(Fixtures.rich());
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesACorruptHistogram() throws IOException {
        Path file = dir.resolve("corrupt.json");
        String json = ResultFiles.toJson(Fixtures.rich()).replaceFirst("\"hdr_histogram\" : \"[^\"]+\"", "\"hdr_histogram\" : \"AAAA\"");
        Files.writeString(file, json);
        assertThatThrownBy(() -> ResultFiles.read(file))
                .hasMessageContaining("metrics.ttft.hdr_histogram");
    }
}
