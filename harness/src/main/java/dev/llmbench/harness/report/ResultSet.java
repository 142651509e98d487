package dev.llmbench.harness.report;

import dev.llmbench.harness.cost.CostCalculator;
import dev.llmbench.harness.compare.ResultIdentity;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.ResultMerger;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.slo.SloSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The results a report is made of, read from one or more folders (e.g. {@code target/llmbench} and the folders of
 * results copied from other load-generating machines).
 *
 * <p>Reading never throws for a bad file: every {@code *.json} file that is not a result (e.g. {@code summary.json},
 * a malformed or newer-schema file) is skipped, and the reason recorded in {@link #warnings()}. Results of the same
 * benchmark name and configuration (the per-run {@code run_id} aside) are merged exactly with {@link ResultMerger}
 * (histograms added), and their SLOs re-evaluated on the merged result; results of the same name whose configurations
 * differ otherwise (another model or endpoint) are kept apart, which is what makes a leaderboard.
 */
public final class ResultSet {

    /** The file a report writes next to the results; never read as a result. */
    public static final String SUMMARY_FILE = "summary.json";

    private final List<BenchmarkResult> results;
    private final List<String> warnings;
    private final List<Path> sources;

    private ResultSet(List<BenchmarkResult> results, List<String> warnings, List<Path> sources) {
        this.results = List.copyOf(results);
        this.warnings = List.copyOf(warnings);
        this.sources = List.copyOf(sources);
    }

    /** A set of results already in memory (merged as {@link #read} merges; no warnings besides merge notes). */
    public static ResultSet of(List<BenchmarkResult> results) {
        List<String> warnings = new ArrayList<>();
        return new ResultSet(mergeAll(results, warnings), warnings, List.of());
    }

    /** Reads the {@code *.json} results directly in each folder (not in sub-folders). */
    public static ResultSet read(List<Path> dirs) {
        return read(dirs, false);
    }

    /**
     * Reads every {@code *.json} result under the folders, descending into sub-folders when {@code recursive}. A folder
     * that does not exist gives a warning. Files are read in folder order, then by path.
     */
    public static ResultSet read(List<Path> dirs, boolean recursive) {
        Objects.requireNonNull(dirs, "dirs");
        List<String> warnings = new ArrayList<>();
        List<BenchmarkResult> read = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                warnings.add("no results folder " + dir);
                continue;
            }
            List<Path> files;
            try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)
                                && !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            } catch (IOException | RuntimeException e) {
                warnings.add("cannot list " + dir + ": " + e.getMessage());
                continue;
            }
            for (Path f : files) {
                if (f.getFileName().toString().equals(SUMMARY_FILE)) continue;
                try {
                    read.add(ResultFiles.read(f));
                    sources.add(f);
                } catch (IOException | RuntimeException e) {
                    warnings.add("skipped " + f + ": not a readable result (" + e.getMessage() + ")");
                }
            }
        }
        return new ResultSet(mergeAll(read, warnings), warnings, sources);
    }

    /** The results, one per benchmark (and model/endpoint), in the order first read. */
    public List<BenchmarkResult> results() {
        return results;
    }

    /** What was skipped or kept apart, and why: one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /** The result files read. */
    public List<Path> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return results.isEmpty();
    }

    // ------------------------------------------------------------------ merging

    private static List<BenchmarkResult> mergeAll(List<BenchmarkResult> in, List<String> warnings) {
        // name -> results kept apart under that name (each possibly merged from several)
        Map<String, List<BenchmarkResult>> byName = new LinkedHashMap<>();
        Map<BenchmarkResult, Integer> mergedCount = new java.util.IdentityHashMap<>();
        for (BenchmarkResult r : in) {
            List<BenchmarkResult> kept = byName.computeIfAbsent(r.name(), k -> new ArrayList<>());
            boolean merged = false;
            String why = null;
            for (int i = 0; i < kept.size() && !merged; i++) {
                BenchmarkResult k = kept.get(i);
                try {
                    BenchmarkResult m = merge(k, r);
                    mergedCount.put(m, mergedCount.getOrDefault(k, 1) + 1);
                    kept.set(i, m);
                    merged = true;
                } catch (IllegalArgumentException e) {
                    why = e.getMessage();
                }
            }
            if (!merged) {
                if (why != null) warnings.add("not merged, shown side by side: " + why);
                kept.add(r);
            }
        }
        List<BenchmarkResult> out = new ArrayList<>();
        for (List<BenchmarkResult> l : byName.values()) {
            for (BenchmarkResult r : l) {
                Integer n = mergedCount.get(r);
                out.add(n == null ? r : r.withWarning("merged from " + n + " results"));
            }
        }
        return out;
    }

    /** Merges two results of one benchmark whose configurations may differ in their run ids only. */
    static BenchmarkResult merge(BenchmarkResult a, BenchmarkResult b) {
        String urlA = ResultIdentity.endpoint(a);
        String urlB = ResultIdentity.endpoint(b);
        String simA = a.configuration().simulator();
        boolean simulatorPair = simA != null && simA.equals(b.configuration().simulator()) && !urlA.equals(urlB);
        if (simulatorPair) {
            // Two embedded simulators of one profile differ only in their (random) port: the same target.
            b = b.withConfiguration(b.configuration().withEndpointUrl(urlA));
        }
        BenchmarkResult merged = mergeSameTarget(a, b);
        if (!simulatorPair) return merged;
        java.util.LinkedHashSet<String> urls = new java.util.LinkedHashSet<>(List.of(urlA.split(", ")));
        urls.addAll(List.of(urlB.split(", ")));
        return merged.withConfiguration(merged.configuration().withEndpointUrl(String.join(", ", urls)));
    }

    private static BenchmarkResult mergeSameTarget(BenchmarkResult a, BenchmarkResult b) {
        String runA = a.configuration().runId();
        String runB = b.configuration().runId();
        BenchmarkResult b2 = b;
        if (!Objects.equals(runA, runB) && runA != null && runB != null) {
            b2 = b.withConfiguration(b.configuration().withRunId(runA));
        }
        // Counts add, goodput's count of good requests included (ResultMerger); rates are derived from them.
        BenchmarkResult m = ResultMerger.merge(a, b2);
        if (!Objects.equals(runA, runB) && runA != null && runB != null) {
            m = m.withConfiguration(m.configuration().withRunId(runA + "," + runB));
        }
        // Cost: re-priced from the merged tokens and window with the pricing the results recorded.
        try {
            Pricing pricing = m.configuration().pricing();
            if (pricing != null) m = m.withCost(CostCalculator.figures(m.measurements(), pricing));
        } catch (RuntimeException e) {
            m = m.withWarning("cost not recomputed after merging: " + e.getMessage());
        }
        List<String> slos = m.configuration().slos();
        java.util.LinkedHashSet<String> expressions = new java.util.LinkedHashSet<>();
        if (slos != null) expressions.addAll(slos);
        if (expressions.isEmpty()) {
            for (SloVerdict v : a.sloVerdicts()) expressions.add(v.expression());
            for (SloVerdict v : b.sloVerdicts()) expressions.add(v.expression());
        }
        if (!expressions.isEmpty()) {
            try {
                List<SloVerdict> verdicts = SloSet.parse(expressions).evaluate(m);
                m = m.withSloVerdicts(verdicts);
            } catch (RuntimeException e) {
                m = m.withWarning("SLOs not re-evaluated after merging: " + e.getMessage());
            }
        }
        return m;
    }
}
