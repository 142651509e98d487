package dev.llmbench.harness.workload.tokenizer;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Locates {@code shared/testdata/tokenizers} beside the repository root by walking up from the working directory,
 * and reads the llama.cpp test vectors. Where the folder is absent the calling test is skipped (JUnit assumption),
 * except under {@code CI=true}, where its absence fails.
 */
public final class TokenizerTestData {
    static final String RELATIVE = "shared/testdata/tokenizers";
    static final String SEPARATOR = "\n__ggml_vocab_test__\n";
    private static final Map<String, Tokenizer> LOADED = new ConcurrentHashMap<>();

    private TokenizerTestData() {
    }

    /** The test-data folder, or null if none is found walking up from the working directory. */
    public static Path find() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) return candidate;
            Path sibling = p.resolve("..").resolve(RELATIVE).normalize();
            if (Files.isDirectory(sibling)) return sibling;
        }
        return null;
    }

    /** The folder; skips the test (or fails it when CI=true) if it is absent. */
    public static Path dir() {
        Path dir = find();
        String message = "tokenizer test data folder ../" + RELATIVE + " (beside the repository root) not found from "
                + Paths.get("").toAbsolutePath();
        if (dir == null && "true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(message + " (CI=true)");
        Assumptions.assumeTrue(dir != null, message + "; skipping");
        return dir;
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** The test strings of {@code NAME.inp}. */
    static List<String> inputs(String name) {
        String all = read(file(name + ".inp"));
        return Arrays.asList(all.split(java.util.regex.Pattern.quote(SEPARATOR), -1));
    }

    /** The expected ids of {@code NAME.out}, one array per line. */
    static List<int[]> outputs(String name) {
        String all = read(file(name + ".out"));
        String[] lines = all.split("\n", -1);
        List<int[]> out = new ArrayList<>();
        for (String line : lines) {
            String t = line.trim();
            out.add(t.isEmpty() ? new int[0] : Arrays.stream(t.split(" +")).mapToInt(Integer::parseInt).toArray());
        }
        return out;
    }

    /** A tokenizer loaded once per JVM from a file of the folder. */
    public static Tokenizer load(String file) {
        Path path = file(file);
        return LOADED.computeIfAbsent(file, f -> Tokenizers.fromSpec(path.toString()));
    }

    static Tokenizer cached(String key, Function<String, Tokenizer> make) {
        return LOADED.computeIfAbsent(key, make);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
