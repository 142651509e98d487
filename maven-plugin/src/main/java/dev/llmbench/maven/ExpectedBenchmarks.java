package dev.llmbench.maven;

import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether a project expects benchmark results: it has test sources that use {@code @LlmBenchmark}, or a baseline. A
 * {@code check} that finds no results then fails (the first-benchmark trap: a class Surefire's includes miss runs no
 * benchmark, and a check that passes on nothing hides it). Stateless.
 */
final class ExpectedBenchmarks {

    private ExpectedBenchmarks() {
    }

    /** Why results were expected, e.g. {@code src/test/java/com/example/ChatBenchmark.java uses @LlmBenchmark}; null when not. */
    static String why(MavenProject project, File baselineFolder) {
        File[] baseline = baselineFolder.listFiles((d, n) -> n.endsWith(".json"));
        if (baseline != null && baseline.length > 0) return "the baseline in " + baselineFolder + " has " + baseline.length + " result(s)";
        if (ProjectFolders.standalone(project)) return null;
        List<String> roots = project.getTestCompileSourceRoots();
        for (String root : roots) {
            Optional<Path> user = firstUser(Path.of(root));
            if (user.isPresent()) return project.getBasedir().toPath().relativize(user.get()) + " uses @LlmBenchmark";
        }
        return null;
    }

    private static Optional<Path> firstUser(Path root) {
        if (!Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(ExpectedBenchmarks::usesAnnotation).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean usesAnnotation(Path file) {
        try {
            return Files.readString(file).contains("@LlmBenchmark");
        } catch (IOException e) {
            return false; // unreadable: not evidence either way
        }
    }
}
