package dev.llmbench.junit;

import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.report.ResultSet;
import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @LlmBenchmark(name)}: classes that share a name measure the same benchmark, so results against different
 * models sit side by side (the report's leaderboard) instead of overwriting each other.
 */
class LeaderboardNameIT {

    @TestKitOnly
    @LlmBenchmark(name = "board", model = "model-a")
    @Measurement(requests = 3)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class ModelA {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(name = "board", model = "model-b")
    @Measurement(requests = 3)
    @LoadTier(concurrency = 2)
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class ModelB {
        @BenchmarkTest
        void chat() {
        }
    }

    @TestKitOnly
    @LlmBenchmark(name = "no spaces please")
    @PromptShape(inputTokens = 8, outputTokens = 4)
    static class BadName {
        @BenchmarkTest
        void chat() {
        }
    }

    @Test
    void theSameNameAgainstTwoModelsGivesTwoResultsOfOneBenchmark(@TempDir Path dir) throws Exception {
        EngineExecutionResults results = Kit.run(Map.of("llmbench.outputDirectory", dir.toString()), ModelA.class, ModelB.class);
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactly("board.chat-small-c2-8x4.json", "board.chat-small-c2-8x4@model-b.json");

        ResultSet set = ResultSet.read(List.of(dir));
        assertThat(set.results()).extracting(BenchmarkResult::name).containsOnly("board.chat-small-c2-8x4");
        assertThat(set.results()).extracting(ResultIdentity::model).containsExactlyInAnyOrder("model-a", "model-b");
        assertThat(ResultIdentity.labels(set.results())).containsExactlyInAnyOrder(
                "board.chat-small-c2-8x4 [model-a]", "board.chat-small-c2-8x4 [model-b]");
    }

    @Test
    void aNameWithOtherCharactersIsRefusedNamingTheAnnotationAndWhatIsAllowed() {
        EngineExecutionResults results = Kit.run(BadName.class);
        assertThat(Kit.failureMessages(results)).anySatisfy(m -> assertThat(m)
                .contains("@LlmBenchmark(name = \"no spaces please\") on LeaderboardNameIT$BadName")
                .contains("'no spaces please.chat' is not a benchmark name; allowed: 1 to 80 letters, digits, '.', '_', '$' or '-'"));
    }
}
