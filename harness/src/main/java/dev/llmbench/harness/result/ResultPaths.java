package dev.llmbench.harness.result;

import java.nio.file.Path;
import java.util.Set;

/** Where a result goes so that results of one session never overwrite each other. Stateless. */
public final class ResultPaths {

    private ResultPaths() {
    }

    /**
     * {@code <directory>/<fileName>}, unless this session already wrote that file (a benchmark of the same name against
     * another model: a leaderboard): then {@code <name>@<model>.json}, then {@code -2}, {@code -3}… A file from an
     * earlier session is replaced as before.
     *
     * @param written the files this session wrote so far; the returned path is added (thread-safe if the set is)
     */
    public static Path unique(Path directory, String fileName, String model, Set<Path> written) {
        Path plain = directory.resolve(fileName).toAbsolutePath().normalize();
        if (written.add(plain)) return plain;
        String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        String base = (stem + "@" + (model == null ? "" : model)).replaceAll("[^A-Za-z0-9._@-]", "_");
        Path candidate = plain.resolveSibling(base + ".json");
        for (int n = 2; !written.add(candidate); n++) candidate = plain.resolveSibling(base + "-" + n + ".json");
        return candidate;
    }
}
