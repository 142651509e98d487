package dev.llmbench.harness;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class past 400 lines usually holds two ideas: every main source file of every module stays under it, or says at
 * its top, in a comment starting {@code // Over 400 lines}, why it does not split.
 */
class SourceSizeTest {

    static final int MAX_LINES = 400;
    static final String REASON = "// Over 400 lines";

    @Test
    void everyMainClassIsUnder400LinesOrSaysWhy() throws IOException {
        List<String> tooLong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        checked++;
                        List<String> lines = Files.readAllLines(f);
                        boolean reason = lines.stream().limit(30).anyMatch(l -> l.strip().startsWith(REASON));
                        if (lines.size() > MAX_LINES && !reason) tooLong.add(f.normalize() + " (" + lines.size() + " lines)");
                    }
                }
            }
        }
        assertThat(checked).as("main source files found").isGreaterThan(100);
        assertThat(tooLong).as("classes over " + MAX_LINES + " lines without a '" + REASON + "' comment at the top").isEmpty();
    }
}
