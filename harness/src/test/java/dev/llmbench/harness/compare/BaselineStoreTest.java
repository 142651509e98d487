package dev.llmbench.harness.compare;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineStoreTest {

    @Test
    void savesOneFilePerBenchmarkAndLoadsThemBack(@TempDir Path dir) throws Exception {
        BenchmarkResult a = TestResults.named("Chat#small").build();
        BenchmarkResult b = TestResults.named("Chat#large").build();
        List<Path> files = BaselineStore.save(List.of(a, b), dir.resolve("baseline"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("Chat_small.json", "Chat_large.json");
        assertThat(BaselineStore.load(dir.resolve("baseline"))).containsExactlyInAnyOrder(a, b);
        assertThat(BaselineStore.exists(dir.resolve("baseline"))).isTrue();
    }

    @Test
    void savingAgainDeletesStaleFilesItWroteAndKeepsOthers(@TempDir Path dir) throws Exception {
        BaselineStore.save(List.of(TestResults.named("old").build(), TestResults.named("kept").build()), dir);
        Files.writeString(dir.resolve("README.md"), "my notes");
        BaselineStore.save(List.of(TestResults.named("kept").build()), dir);
        assertThat(dir.resolve("old.json")).doesNotExist();
        assertThat(dir.resolve("kept.json")).exists();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(BaselineStore.load(dir)).extracting(BenchmarkResult::name).containsExactly("kept");
    }

    @Test
    void resultsSharingANameGetDistinctFiles(@TempDir Path dir) throws Exception {
        BaselineStore.save(List.of(TestResults.named("chat").model("a").build(), TestResults.named("chat").model("b").build()), dir);
        assertThat(BaselineStore.load(dir)).hasSize(2);
    }

    @Test
    void noFolderIsNoBaselineAndABrokenFileIsAnError(@TempDir Path dir) throws Exception {
        assertThat(BaselineStore.load(dir.resolve("missing"))).isEmpty();
        assertThat(BaselineStore.exists(dir.resolve("missing"))).isFalse();
        Files.writeString(dir.resolve("broken.json"), "{ not json");
        assertThatThrownBy(() -> BaselineStore.load(dir)).isInstanceOf(ResultFormatException.class).hasMessageContaining("broken.json");
    }
}
