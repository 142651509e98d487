package dev.llmbench.harness.compare;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.ResultFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A baseline: a folder the user commits (e.g. {@code src/test/llmbench-baseline/}) holding one result file per
 * benchmark, written by {@link ResultFiles}, plus a manifest ({@value #MANIFEST}) naming the files the store wrote.
 * Saving again replaces the files named in the previous manifest, so a benchmark that no longer runs does not stay
 * in the baseline; files the store did not write are left alone.
 */
public final class BaselineStore {

    /** The manifest file: one result file name per line, after a comment line. */
    public static final String MANIFEST = "llmbench-baseline.txt";

    private BaselineStore() {
    }

    /**
     * Writes {@code results} as the baseline in {@code dir} (created when missing): one JSON per result, named after
     * the benchmark (with the model appended when several results share a name); deletes the files the previous save
     * wrote that this one did not. Returns the files written.
     */
    public static List<Path> save(List<BenchmarkResult> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> previous = manifest(dir);
        List<String> labels = ResultIdentity.labels(results);
        List<Path> written = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkResult r = results.get(i);
            String base = labels.get(i).replaceAll("[^A-Za-z0-9._-]", "_");
            String file = base + ".json";
            for (int n = 2; names.contains(file); n++) file = base + "-" + n + ".json";
            names.add(file);
            written.add(ResultFiles.write(r, dir.resolve(file)));
        }
        for (String stale : previous) {
            if (!names.contains(stale) && isPlainFileName(stale)) Files.deleteIfExists(dir.resolve(stale));
        }
        StringBuilder m = new StringBuilder("# llmbench baseline: result files written by llmbench:baseline (stale ones are deleted on the next save)\n");
        for (String n : names) m.append(n).append('\n');
        Files.writeString(dir.resolve(MANIFEST), m.toString(), StandardCharsets.UTF_8);
        return written;
    }

    /**
     * The baseline in {@code dir}: every {@code *.json} result file in it (sorted by file name); an empty list when the
     * folder does not exist (no baseline yet).
     *
     * @throws ResultFormatException when a JSON file in the folder is not a readable result: a broken baseline must
     *                               not silently turn every metric into NEW
     */
    public static List<BenchmarkResult> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : s) if (Files.isRegularFile(p)) files.add(p);
        }
        files.sort(null);
        List<BenchmarkResult> out = new ArrayList<>();
        for (Path p : files) out.add(ResultFiles.read(p));
        return out;
    }

    /** True when {@code dir} holds at least one result file. */
    public static boolean exists(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            return s.iterator().hasNext();
        }
    }

    private static Set<String> manifest(Path dir) throws IOException {
        Path m = dir.resolve(MANIFEST);
        Set<String> names = new HashSet<>();
        if (!Files.isRegularFile(m)) return names;
        for (String line : Files.readAllLines(m, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) names.add(t);
        }
        return names;
    }

    private static boolean isPlainFileName(String n) {
        return n.endsWith(".json") && !n.contains("/") && !n.contains("\\") && !n.startsWith(".");
    }
}
