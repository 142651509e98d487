package dev.llmbench.harness.result;

import dev.llmbench.harness.metrics.Measurements;
import dev.llmbench.harness.metrics.RateLimits;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema on the class path describes the files the harness writes, and the files older versions wrote. */
class ResultSchemaTest {

    static final String SCHEMA = "/dev/llmbench/harness/result/result.schema.json";

    static Schema schema() throws IOException {
        try (InputStream in = ResultSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA + " on the class path").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    static List<Error> errors(String json) throws IOException {
        return schema().validate(json, InputFormat.JSON);
    }

    static Stream<Path> fixtures() throws Exception {
        return ResultFilesCompatibilityTest.fixtures();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyFixtureOfAnOlderVersionIsValid(Path file) throws IOException {
        assertThat(errors(Files.readString(file))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void whatThisHarnessWritesIsValid(Path file, @TempDir Path dir) throws IOException {
        Path again = ResultFiles.write(ResultFiles.read(file), dir.resolve("again.json"));
        assertThat(errors(Files.readString(again))).isEmpty();
    }

    @Test
    void aRichResultWithInfinityNaNAndUnknownConfigurationKeysIsValid() throws IOException {
        assertThat(errors(ResultFiles.toJson(Fixtures.rich()))).isEmpty();
    }

    @Test
    void aResultThatBackedOffIsValidAndReadsBackWithItsBackoff(@TempDir Path dir) throws IOException {
        BenchmarkResult r = withBackoff(Fixtures.rich(), new RateLimits.Backoff(3, 2500));
        String json = ResultFiles.toJson(r);
        assertThat(json).contains("\"backoff\" : {", "\"pauses\" : 3", "\"total_ms\" : 2500");
        assertThat(errors(json)).isEmpty();
        assertThat(ResultFiles.read(ResultFiles.write(r, dir.resolve("r.json"))).rateLimits().backoff())
                .isEqualTo(new RateLimits.Backoff(3, 2500));
        assertThat(ResultFiles.toJson(Fixtures.rich())).as("backoff off: absent").doesNotContain("\"backoff\"");
    }

    @Test
    void aSweepsResultIsValidAndReadsBackWithItsCapacity(@TempDir Path dir) throws IOException {
        BenchmarkResult r = Fixtures.rich().withMaxConcurrencyMeetingSlo(12);
        String json = ResultFiles.toJson(r);
        assertThat(json).contains("\"max_concurrency_meeting_slo\" : 12");
        assertThat(errors(json)).isEmpty();
        assertThat(ResultFiles.read(ResultFiles.write(r, dir.resolve("r.json"))).throughput().maxConcurrencyMeetingSlo()).isEqualTo(12);
        assertThat(ResultFiles.toJson(Fixtures.rich())).as("not a sweep: absent").doesNotContain("max_concurrency_meeting_slo");
    }

    @Test
    void aResultWithACostFloorIsValidAndReadsBackWithItsFloorAndHardware(@TempDir Path dir) throws IOException {
        BenchmarkResult rich = Fixtures.rich();
        dev.llmbench.harness.cost.Pricing pricing = dev.llmbench.harness.cost.Pricing.gpu(2.0, 4).withServing(
                dev.llmbench.harness.cost.GpuCatalog.builtIn().get("a100-80gb"), dev.llmbench.harness.cost.ModelSize.dense(70e9, 2));
        BenchmarkConfiguration c = rich.configuration();
        BenchmarkResult r = new BenchmarkResult(rich.metadata(), new BenchmarkConfiguration(c.name(), c.model(), c.endpoint(), c.load(),
                c.promptShape(), c.promptTokensApproximate(), c.tokenizer(), c.dataset(), c.uniquePromptPrefix(), c.runId(), c.stream(),
                c.exactOutputLength(), c.outputLengthSteering(), c.extraFields(), c.bounds(), c.seed(), pricing, c.simulator(),
                c.slos(), c.other()), rich.measurements(), rich.sloVerdicts(),
                dev.llmbench.harness.cost.CostCalculator.figures(rich.measurements(), pricing));
        assertThat(r.cost().floor()).isNotNull();
        String json = ResultFiles.toJson(r);
        assertThat(json).contains("\"floor\" : {", "\"efficiency\" : ", "\"gpu\" : {", "\"name\" : \"a100-80gb\"");
        assertThat(errors(json)).isEmpty();
        BenchmarkResult read = ResultFiles.read(ResultFiles.write(r, dir.resolve("r.json")));
        assertThat(read.cost()).isEqualTo(r.cost());
        assertThat(read.configuration().pricing().gpu()).isEqualTo(pricing.gpu());
        assertThat(read.configuration().pricing().model()).isEqualTo(pricing.model());
    }

    private static BenchmarkResult withBackoff(BenchmarkResult r, RateLimits.Backoff b) {
        Measurements m = r.measurements();
        RateLimits rl = m.rateLimits();
        return new BenchmarkResult(r.metadata(), r.configuration(), new Measurements(m.counts(), m.tokens(), m.metrics(),
                m.throughput(), m.timeSeries(), m.fidelity(), m.failureExamples(), new RateLimits(rl.status429(), rl.status503(),
                rl.retryAfterCount(), rl.retryAfterMillis(), rl.lastRateLimitHeaders(), b), m.warnings()), r.sloVerdicts(), r.cost());
    }

    @Test
    void theSchemaCatchesAMissingSectionAWrongTypeAndACredentialInAUrl() throws IOException {
        String json = ResultFiles.toJson(Fixtures.rich());
        assertThat(errors(json.replaceFirst("\"counts\" :", "\"kounts\" :"))).isNotEmpty();
        assertThat(errors(json.replaceFirst("\"succeeded\" : \\d+", "\"succeeded\" : \"many\""))).isNotEmpty();
        assertThat(errors(json.replace("\"url\" : \"https://api.example.com", "\"url\" : \"https://user:pw@api.example.com")))
                .isNotEmpty();
        assertThat(errors(json.replace("\"schema_version\" : 1,", "\"schema_version\" : 2,"))).isNotEmpty();
    }
}
