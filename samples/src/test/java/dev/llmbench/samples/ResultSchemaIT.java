package dev.llmbench.samples;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every result file the samples wrote (surefire's run, before this integration-test phase) is valid against the
 * harness's JSON Schema ({@code dev/llmbench/harness/result/result.schema.json}). Fails when there is no file:
 * a schema check over nothing proves nothing.
 */
class ResultSchemaIT {

    private static final String SCHEMA = "/dev/llmbench/harness/result/result.schema.json";
    /** The report's own files live beside the results and are not results. */
    private static final List<String> NOT_RESULTS = List.of("summary.json");

    @Test
    void everyResultFileTheSamplesWroteMatchesTheSchema() throws Exception {
        Schema schema;
        try (InputStream in = ResultSchemaIT.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA + " on the class path").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/llmbench");
        List<Path> files;
        try (Stream<Path> s = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            files = s.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !NOT_RESULTS.contains(p.getFileName().toString())).sorted().toList();
        }
        assertThat(files).as("result files in " + dir.toAbsolutePath() + " (written by the samples' surefire run)").isNotEmpty();
        Map<String, List<String>> invalid = new TreeMap<>();
        for (Path f : files) {
            List<Error> errors = schema.validate(Files.readString(f), InputFormat.JSON);
            if (!errors.isEmpty()) invalid.put(f.getFileName().toString(), errors.stream().map(Error::toString).toList());
        }
        assertThat(invalid).as("files that do not match " + SCHEMA).isEmpty();
    }
}
