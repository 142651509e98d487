package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.compare.TestResults;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultSetTest {

    @Test
    void readsEveryResultAndSkipsSummaryAndFilesThatAreNotResults(@TempDir Path dir) throws Exception {
        ResultFiles.writeToDirectory(TestResults.named("a").build(), dir);
        ResultFiles.writeToDirectory(TestResults.named("b").build(), dir);
        Files.writeString(dir.resolve("summary.json"), "{\"schema\":\"llmbench-summary/1\"}");
        Files.writeString(dir.resolve("garbage.json"), "{ this is not json");
        Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
        Files.writeString(dir.resolve("notes.txt"), "not json at all");
        Files.createDirectories(dir.resolve("sub"));
        ResultFiles.writeToDirectory(TestResults.named("nested").build(), dir.resolve("sub"));

        ResultSet set = ResultSet.read(List.of(dir));
        assertThat(set.results()).extracting(BenchmarkResult::name).containsExactly("a", "b");
        assertThat(set.warnings()).hasSize(2);
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("garbage.json"));
        assertThat(set.warnings()).anySatisfy(w -> assertThat(w).contains("other.json"));
        assertThat(set.warnings()).noneMatch(w -> w.contains("summary.json"));

        assertThat(ResultSet.read(List.of(dir), true).results()).extracting(BenchmarkResult::name).contains("nested");
    }

    @Test
    void aMissingFolderIsAWarningNotACrash(@TempDir Path dir) {
        ResultSet set = ResultSet.read(List.of(dir.resolve("nope")));
        assertThat(set.isEmpty()).isTrue();
        assertThat(set.warnings()).singleElement().asString().contains("nope");
    }

    @Test
    void mergesTheSameBenchmarkFromSeveralMachinesAndReEvaluatesItsSlos(@TempDir Path dir) throws Exception {
        ResultFiles.writeToDirectory(TestResults.named("chat").runId("r1").requests(100).errors(0).slos("error_rate < 1%").build(),
                dir.resolve("m1"));
        ResultFiles.writeToDirectory(TestResults.named("chat").runId("r2").requests(100).errors(4).slos("error_rate < 1%").build(),
                dir.resolve("m2"));
        ResultSet set = ResultSet.read(List.of(dir.resolve("m1"), dir.resolve("m2")));
        assertThat(set.results()).hasSize(1);
        BenchmarkResult r = set.results().get(0);
        assertThat(r.counts().measured()).isEqualTo(200);
        assertThat(r.counts().errors()).isEqualTo(4);
        assertThat(r.summary("ttft").count()).isEqualTo(196);
        assertThat(r.sloVerdicts()).singleElement().satisfies(v -> {
            assertThat(v.passed()).isFalse(); // 4 errors in 200 = 2 %
            assertThat(v.measured()).isEqualTo(2.0);
        });
        assertThat(r.configuration().runId()).isEqualTo("r1,r2");
        assertThat(r.warnings()).contains("merged from 2 results");
        assertThat(set.warnings()).isEmpty();
    }

    @Test
    void theSameBenchmarkOfAnotherModelIsKeptApart(@TempDir Path dir) throws Exception {
        ResultFiles.writeToDirectory(TestResults.named("chat").model("alpha").build(), dir.resolve("m1"));
        ResultFiles.writeToDirectory(TestResults.named("chat").model("beta").build(), dir.resolve("m2"));
        ResultSet set = ResultSet.read(List.of(dir.resolve("m1"), dir.resolve("m2")));
        assertThat(set.results()).hasSize(2);
        assertThat(set.warnings()).singleElement().asString().contains("not merged").contains("model");
    }

    private static BenchmarkResult onSimulator(BenchmarkResult r, String profile) {
        java.util.Map<String, Object> c = new java.util.LinkedHashMap<>(r.configuration().toPlainValues());
        c.put("simulator", profile);
        return r.withConfiguration(dev.llmbench.harness.result.BenchmarkConfiguration.fromPlainValues(c));
    }

    @Test
    void embeddedSimulatorsOfOneProfileOnOtherPortsMergeAsOneTarget() {
        BenchmarkResult a = onSimulator(TestResults.named("chat").runId("r1").url("http://127.0.0.1:40001").build(), "fast");
        BenchmarkResult b = onSimulator(TestResults.named("chat").runId("r2").url("http://127.0.0.1:40002").build(), "fast");
        ResultSet set = ResultSet.of(List.of(a, b));
        assertThat(set.results()).singleElement().satisfies(r -> {
            assertThat(r.counts().measured()).isEqualTo(a.counts().measured() + b.counts().measured());
            assertThat(ResultIdentity.endpoint(r)).isEqualTo("http://127.0.0.1:40001, http://127.0.0.1:40002");
        });
    }

    @Test
    void realEndpointsOnOtherUrlsAndSimulatorsOfOtherProfilesAreKeptApart() {
        assertThat(ResultSet.of(List.of(
                TestResults.named("chat").runId("r1").url("http://127.0.0.1:40001").build(),
                TestResults.named("chat").runId("r2").url("http://127.0.0.1:40002").build())).results()).hasSize(2);
        assertThat(ResultSet.of(List.of(
                onSimulator(TestResults.named("chat").runId("r1").url("http://127.0.0.1:40001").build(), "fast"),
                onSimulator(TestResults.named("chat").runId("r2").url("http://127.0.0.1:40002").build(), "llama-2-70b-4xa100")))
                .results()).hasSize(2);
    }
}
