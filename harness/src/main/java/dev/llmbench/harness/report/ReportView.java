package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.Verdict;

import java.util.List;

/**
 * What the HTML report shows, built by {@link ReportViewBuilder} from a {@link ResultSet} (and a baseline comparison)
 * and drawn by {@link HtmlReport}. Texts are raw, exactly as they came from results and servers: the renderers escape
 * them. Latencies in milliseconds, speeds in tokens per second, as in {@link Headline}.
 *
 * @param generated       when the report was generated, formatted ({@code "2026-11-02 10:00:00 UTC"})
 * @param hosts           the hosts that ran the benchmarks, in order of first appearance
 * @param commits         the git commits the results name, in order of first appearance
 * @param slos            the SLO verdicts of every benchmark, counted
 * @param baseline        the baseline comparison's summary, null when there was none
 * @param partial         how many runs were cut short
 * @param warnings        the result set's warnings (unreadable files, merges)
 * @param overview        one row per benchmark
 * @param leaderboards    one table per workload that several models or endpoints ran
 * @param curves          percentile charts, one group per benchmark family; empty without results
 * @param benchmarks      one section per benchmark, in the order of {@code overview}
 * @param harnessVersions the harness versions that wrote the results, comma-separated
 */
record ReportView(String generated, List<String> hosts, List<String> commits, SloTally slos, Baseline baseline,
                  long partial, List<String> warnings, List<OverviewRow> overview, List<LeaderboardTable> leaderboards,
                  List<CurveFamily> curves, List<BenchmarkSection> benchmarks, String harnessVersions) {

    /** {@code failed} of {@code verdicts} SLO verdicts failed. */
    record SloTally(int verdicts, int failed) {
    }

    /**
     * @param regressions what regressed, one sentence each
     * @param tolerance   the comparison's tolerance, formatted ({@code "10%"})
     * @param minSamples  the fewest samples that give a verdict
     */
    record Baseline(List<String> regressions, String tolerance, long minSamples) {
    }

    /** One SLO verdict in words: measured and limit formatted with their units; detail may be empty. */
    record SloView(String expression, boolean passed, String measured, String limit, String detail) {
    }

    /** A figure's change against the baseline: verdict, relative change (0.5 = +50 %) and a sentence saying so. */
    record Delta(Verdict verdict, double change, String description) {
    }

    /**
     * A row of the overview table. The deltas are null when the baseline has no verdict on that figure.
     *
     * @param anchor the index of the benchmark's section ({@code #b<anchor>})
     */
    record OverviewRow(int anchor, Headline headline, List<SloView> slos, Delta ttftP50, Delta ttftP90, Delta tpotP50,
                       Delta outputThroughput) {
    }

    /** The results of one workload against several models or endpoints, ranked (see {@link Leaderboard}). */
    record LeaderboardTable(String heading, List<LeaderboardRow> rows) {
    }

    /** A ranked row; {@code anchor} as in {@link OverviewRow}. */
    record LeaderboardRow(int rank, int anchor, Headline headline, List<SloView> slos) {
    }

    /** The percentile charts of one benchmark family; {@code heading} is null when the report has only one family. */
    record CurveFamily(String heading, List<Chart> charts) {
    }

    /** A line chart: title, y-axis label and its lines. */
    record Chart(String title, String yLabel, List<Svg.Series> series) {
    }
}
