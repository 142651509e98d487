package dev.llmbench.harness.report;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.compare.BaselineComparison;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a report from real results (tiny benchmarks of two models on the simulator) and opens it in headless
 * Chromium: the page must render its tables and charts without script errors. Leaves a screenshot at
 * {@code target/report-screenshot.png} for people to look at.
 */
class ReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theReportRendersItsTablesAndChartsInChromiumWithoutScriptErrors() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String msg = CHROMIUM + " is missing (apt-get install -y chromium; .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new AssertionError(msg);
            Assumptions.abort(msg);
        }
        Path base = Path.of("target", "report-it").toAbsolutePath();
        deleteTree(base);
        Path results = base.resolve("results");
        List<BenchmarkResult> run = new ArrayList<>();
        try (Simulator sim = Simulator.start(Profile.fast())) {
            for (String model : List.of("sim-alpha-<b>7b</b>", "sim-beta-13b")) {
                for (int users : new int[]{2, 6}) {
                    run.add(Benchmark.builder("ReportBrowserIT.chat-c" + users)
                            .endpoint(sim.baseUri().toString())
                            .model(model)
                            .load(LoadModel.concurrency(users))
                            .promptShape(RequestShape.of(64, 24))
                            .warmupRequests(2)
                            .maxRequests(40)
                            .slo("p90(ttft) < 800ms", "error_rate < 1%")
                            .pricing(model.startsWith("sim-beta") ? null
                                    : dev.llmbench.harness.cost.Pricing.api(0.2, 0.6).withSource("list price <i>2026</i>"))
                            .build()
                            .run());
                }
            }
        }
        // two folders, as if from two machines: same-name results of different models are kept apart (leaderboard)
        for (int i = 0; i < run.size(); i++) {
            dev.llmbench.harness.result.ResultFiles.writeToDirectory(run.get(i), results.resolve(i % 2 == 0 ? "m1" : "m2").resolve("r" + i));
        }
        ResultSet set = ResultSet.read(List.of(results.resolve("m1"), results.resolve("m2")), true);
        assertThat(set.results()).hasSize(4);
        // a baseline that was a bit faster on one benchmark, so the report shows delta arrows
        ComparisonReport cmp = BaselineComparison.compare(set.results(), set.results(), CompareOptions.defaults().withMinSamples(20));
        ReportWriter.ReportFiles files = ReportWriter.write(set, cmp, base);

        Path screenshot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        String url = files.html().toUri().toString();
        Process shot = chromium(base.resolve("profile-shot"), "--screenshot=" + screenshot, "--window-size=1400,2400", url);
        shot.getOutputStream().close();
        Path dom = base.resolve("dom.html");
        Process dump = chromium(base.resolve("profile-dom"), "--dump-dom", "--virtual-time-budget=2000", url);
        String domText;
        try {
            domText = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump.waitFor(90, TimeUnit.SECONDS)).as("chromium --dump-dom finished").isTrue();
            assertThat(shot.waitFor(90, TimeUnit.SECONDS)).as("chromium --screenshot finished").isTrue();
        } finally {
            dump.destroyForcibly();
            shot.destroyForcibly();
        }
        Files.writeString(dom, domText);

        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        Matcher errors = Pattern.compile("<div id=\"js-errors\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(domText);
        assertThat(errors.find()).as("the error hook's div is in the DOM").isTrue();
        assertThat(errors.group(1)).as("script errors").isEmpty();
        assertThat(domText).contains("<table class=\"sortable\" id=\"overview\"").contains("class=\"sortable leaderboard\"");
        assertThat(count(domText, "<svg")).as("charts").isGreaterThanOrEqualTo(3 + 4 * 3);
        assertThat(domText).contains("sim-alpha-&lt;b&gt;7b&lt;/b&gt;").doesNotContain("sim-alpha-<b>");
        assertThat(domText).contains("Leaderboard").contains("sim-beta-13b");
        assertThat(domText).contains("Cost ($ / 1M output tokens)").contains("per 1M output tokens, ").contains("(api; list price &lt;i&gt;2026&lt;/i&gt;)")
                .doesNotContain("<i>2026</i>");
    }

    private static Process chromium(Path profile, String... args) throws IOException {
        Files.createDirectories(profile);
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
