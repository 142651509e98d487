package dev.llmbench.harness.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.endpoint.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Files written by older harnesses still read: every fixture under {@code fixtures/v<major>/} (written by that
 * version's code, never edited by hand) is read with today's code, and its figures are compared with what the
 * file's JSON says, read independently as a tree.
 */
class ResultFilesCompatibilityTest {

    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(ResultFilesCompatibilityTest.class.getResource("fixtures").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("fixtures under " + root).hasSizeGreaterThanOrEqualTo(4);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void readsEveryFixtureWithTheFiguresItsJsonHolds(Path file) throws IOException {
        JsonNode json = TREE.readTree(file.toFile());
        BenchmarkResult r = ResultFiles.read(file);

        assertThat(r.name()).isEqualTo(json.at("/metadata/benchmark_name").asText());
        assertThat(r.partial()).isEqualTo(json.at("/metadata/partial").asBoolean());
        JsonNode counts = json.get("counts");
        assertThat(r.counts().measured()).isEqualTo(counts.get("measured").asLong());
        assertThat(r.counts().succeeded()).isEqualTo(counts.get("succeeded").asLong());
        assertThat(r.counts().errors()).as("errors, rate-limited included (files before 1.2 wrote them without)")
                .isEqualTo(errorsSince12(json));
        assertThat(r.counts().rateLimited()).isEqualTo(counts.get("rate_limited").asLong());
        assertThat(r.counts().warmup()).isEqualTo(counts.get("warmup").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.get("failed_by_kind").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(r.counts().failed(FailureKind.valueOf(e.getKey().toUpperCase(Locale.ROOT)))).as(e.getKey())
                    .isEqualTo(e.getValue().asLong());
        }
        assertThat(r.tokens().input()).isEqualTo(json.at("/tokens/input").asLong());
        assertThat(r.tokens().output()).isEqualTo(json.at("/tokens/output").asLong());
        assertThat(r.tokens().reconciliation().chunks()).isEqualTo(json.at("/tokens/reconciliation/chunks").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(r.summary(e.getKey()).p90()).as(e.getKey() + " p90").isEqualTo(e.getValue().get("p90").asLong());
            assertThat(r.summary(e.getKey()).count()).as(e.getKey() + " count").isEqualTo(e.getValue().get("count").asLong());
            assertThat(r.summary(e.getKey()).failedCount()).isEqualTo(e.getValue().get("failed_count").asLong());
            assertThat(r.histogram(e.getKey()).getTotalCount()).isEqualTo(e.getValue().get("count").asLong());
        }
        JsonNode goodput = json.at("/throughput/goodput_requests_per_second");
        if (goodput.isNumber()) {
            assertThat(r.throughput().goodputRequestsPerSecond()).isCloseTo(goodput.asDouble(), within(1e-9));
        } else {
            assertThat(r.throughput().goodRequests()).isNull();
        }
        assertThat(r.throughput().outputTokensPerSecond()).isEqualTo(json.at("/throughput/output_tokens_per_second").asDouble());
        JsonNode verdicts = json.get("slo_verdicts");
        assertThat(r.sloVerdicts()).hasSize(verdicts.size());
        for (int i = 0; i < verdicts.size(); i++) {
            JsonNode v = verdicts.get(i);
            SloVerdict got = r.sloVerdicts().get(i);
            assertThat(got.expression()).isEqualTo(v.get("expression").asText());
            assertThat(got.passed()).as(got.expression()).isEqualTo(v.get("passed").asBoolean());
            if (v.get("measured").isNumber()) assertThat(got.measured()).isEqualTo(v.get("measured").asDouble());
            else assertThat(String.valueOf(got.measured())).isEqualTo(v.get("measured").asText());
        }
        JsonNode cost = json.get("cost");
        if (cost.isNull()) {
            assertThat(r.cost()).isNull();
        } else {
            assertThat(r.cost().basis()).isEqualTo(cost.get("basis").asText());
            assertThat(r.cost().usdPerRun()).isEqualTo(cost.get("usd_per_run").asDouble());
            assertThat(r.cost().byName().keySet()).containsExactlyElementsOf(() -> cost.fieldNames());
        }
        JsonNode config = json.get("configuration");
        assertThat(r.configuration().model()).isEqualTo(config.get("model").asText());
        assertThat(r.configuration().endpointUrl()).isEqualTo(config.at("/endpoint/url").asText());
        assertThat(r.configuration().load().type()).isEqualTo(config.at("/load/type").asText());
        assertThat(r.configuration().runId()).isEqualTo(config.get("run_id").asText());
        assertThat(r.configuration().other()).as("every key of a schema-1 configuration is known").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writesAnOldFileBackWithTheSameConfigurationAndFigures(Path file, @TempDir Path dir) throws IOException {
        BenchmarkResult r = ResultFiles.read(file);
        BenchmarkResult again = ResultFiles.read(ResultFiles.write(r, dir.resolve("again.json")));
        assertThat(again).isEqualTo(r);
        JsonNode old = TREE.readTree(file.toFile());
        JsonNode now = TREE.readTree(dir.resolve("again.json").toFile());
        assertThat(now.get("configuration")).as("configuration keeps its JSON names").isEqualTo(old.get("configuration"));
        assertThat(now.get("counts")).isEqualTo(countsSince12(old));
        assertThat(now.get("tokens")).isEqualTo(old.get("tokens"));
        assertThat(now.get("metrics")).isEqualTo(old.get("metrics"));
        assertThat(now.get("slo_verdicts")).isEqualTo(old.get("slo_verdicts"));
        assertThat(now.get("cost")).isEqualTo(old.get("cost"));
        assertThat(now.get("schema_version").asInt()).isEqualTo(BenchmarkResult.SCHEMA_VERSION);
    }

    /** Errors as 1.2 defines them: every failure but cancellation, whatever an older file's derived figure says. */
    private static long errorsSince12(JsonNode file) {
        JsonNode counts = file.get("counts");
        return counts.get("failed").asLong() - counts.get("cancelled").asLong();
    }

    /** An older file's counts as 1.2 writes them back: the stored counts unchanged, errors and error_rate re-derived. */
    private static JsonNode countsSince12(JsonNode file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode counts = file.get("counts").deepCopy();
        long errors = errorsSince12(file);
        counts.put("errors", errors);
        long measured = counts.get("measured").asLong();
        counts.put("error_rate", measured == 0 ? 0.0 : (double) errors / measured);
        return TREE.readTree(counts.toString()); // numbers typed as a file read gives them
    }

    @Test
    void anOldFileWithRateLimitedRequestsCountsThemAsErrorsWhenRead() throws Exception {
        Path file = fixtures().filter(p -> p.getFileName().toString().equals("partial-with-failures.json")).findFirst().orElseThrow();
        BenchmarkResult r = ResultFiles.read(file);
        assertThat(r.counts().rateLimited()).isEqualTo(7);
        assertThat(r.counts().errors()).as("27 errors written by 1.1 + 7 rate-limited").isEqualTo(34);
    }

    @Test
    void theGoodRequestsOfAnOldFileAreItsRateTimesItsWindowAndMergedFilesAddThem() throws Exception {
        Path merged = fixtures().filter(p -> p.getFileName().toString().equals("merged-shards.json")).findFirst().orElseThrow();
        BenchmarkResult r = ResultFiles.read(merged);
        assertThat(r.throughput().goodRequests()).isEqualTo(r.counts().measured()); // every request met both SLOs
        BenchmarkResult twice = ResultMerger.merge(r, r);
        assertThat(twice.throughput().goodRequests()).isEqualTo(2 * r.counts().measured());
    }

    @Test
    void refusesANewerMajorVersionNamingBothVersions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.json");
        String json = ResultFiles.toJson(Fixtures.rich()).replace("\"schema_version\" : 1,", "\"schema_version\" : 2,")
                .replace("\"schema_minor_version\" : " + BenchmarkResult.SCHEMA_MINOR_VERSION, "\"schema_minor_version\" : 0");
        Files.writeString(file, json);
        assertThatThrownBy(() -> ResultFiles.read(file))
                .isInstanceOf(ResultFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema version 2.0")
                .hasMessageContaining("schema version " + BenchmarkResult.SCHEMA_VERSION + "." + BenchmarkResult.SCHEMA_MINOR_VERSION);
    }

    @Test
    void readsANewerMinorVersionIgnoringFieldsItDoesNotKnow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newer-minor.json");
        String json = ResultFiles.toJson(Fixtures.rich())
                .replace("\"schema_minor_version\" : " + BenchmarkResult.SCHEMA_MINOR_VERSION, "\"schema_minor_version\" : 99")
                .replace("\"counts\" : {", "\"counts\" : {\n    \"retried\" : 3,")
                .replace("\"fidelity\" : {", "\"energy\" : { \"joules\" : 12.5 },\n  \"fidelity\" : {");
        Files.writeString(file, json);
        assertThat(ResultFiles.read(file)).isEqualTo(Fixtures.rich());
    }
}
