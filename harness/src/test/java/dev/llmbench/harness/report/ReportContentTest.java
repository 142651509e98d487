package dev.llmbench.harness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.harness.compare.BaselineComparison;
import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.compare.ComparisonReport;
import dev.llmbench.harness.compare.TestResults;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.metrics.RateLimits;
import dev.llmbench.harness.result.BenchmarkResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown summary, summary.json and the HTML page's escaping. */
class ReportContentTest {

    private static final String XSS = "<script>alert(1)</script>";

    private static ResultSet sample() {
        return ResultSet.of(List.of(
                TestResults.named("chat-small").ttftUs(1500).slos("p90(ttft) < 1ms", "error_rate < 1%").build(),
                TestResults.named("chat-large").model("m|odel `x`").build()
                        .withCost(dev.llmbench.harness.cost.CostFigures.perThousandOutputTokens(0.0006))));
    }

    private static ComparisonReport comparison(ResultSet set) {
        return BaselineComparison.compare(set.results(), List.of(TestResults.named("chat-small").ttftUs(1000).build(),
                TestResults.named("chat-large").model("m|odel `x`").build()), CompareOptions.defaults());
    }

    @Test
    void markdownHasATablePerBenchmarkSloVerdictsAndTheRegressions() {
        ResultSet set = sample();
        String md = ReportWriter.markdown(set, comparison(set));
        assertThat(md).startsWith("## llmbench report\n")
                .contains("❌ 1 of 2 SLOs failed")
                .contains("❌ 3 regressions against the baseline")
                .contains("| Benchmark | Model | Load | Shape | Requests | Errors | TTFT p50 | TTFT p90 | TPOT p50 |")
                .contains("| chat-small | model-a | concurrency 4 | 10→11 tok | 100 | 0 | 1.50 ms ❌ ▲+50.0% |")
                .contains("| chat-small | `p90(ttft) < 1ms` | 1.5 ms | 1 ms | ❌ |")
                .contains("| chat-small | `error_rate < 1%` | 0.00 % | 1 % | ✅ |")
                .contains("- ❌ chat-small: p90(ttft) 1.00 ms -> 1.50 ms (+50.0%, tolerance 10%)");
        // server text: pipes and backticks escaped so the table holds
        assertThat(md).contains("| chat-large | m\\|odel \\`x\\` |");
        assertThat(Markdown.escape("a|b`c<d>\ne")).isEqualTo("a\\|b\\`c&lt;d> e");
        // fits a PR comment
        assertThat(md.length()).isLessThan(65_536);
    }

    @Test
    void endpointsOfDifferentProtocolsRankSideBySideWithTheirProtocolShown() {
        ResultSet set = ResultSet.of(List.of(
                TestResults.named("mixed").model("m").url("http://127.0.0.1:8000/v1/chat/completions").protocol("openai-chat")
                        .ttftUs(5000).build(),
                TestResults.named("mixed").model("m").url("http://127.0.0.1:8000/v1/messages").protocol("anthropic-messages")
                        .ttftUs(3000).build()));
        String md = ReportWriter.markdown(set, null);
        assertThat(md).contains("### Leaderboard:");
        int first = md.indexOf("| 1 | m | http://127.0.0.1:8000/v1/messages | anthropic-messages |");
        int second = md.indexOf("| 2 | m | http://127.0.0.1:8000/v1/chat/completions | openai-chat |");
        assertThat(first).as("the faster endpoint ranks first, whatever its protocol").isPositive();
        assertThat(second).isGreaterThan(first);
        assertThat(ReportWriter.html(set, null)).contains("<th").contains(">Protocol").contains("anthropic-messages");
    }

    @Test
    void markdownRanksModelsThatRanTheSameWorkloadInALeaderboard() {
        ResultSet set = ResultSet.of(List.of(
                TestResults.named("board").model("slow <b>model</b>").ttftUs(9000).build(),
                TestResults.named("board").model("fast-model").ttftUs(2000).build()
                        .withCost(dev.llmbench.harness.cost.CostFigures.perThousandOutputTokens(0.0006))));
        String md = ReportWriter.markdown(set, null);
        assertThat(md).contains("### Leaderboard: concurrency 4 · 10→11 tok")
                .contains("| # | Model | Endpoint | Protocol | TTFT p50 | TTFT p90 | Output speed | Throughput | Errors | $ / 1M output tokens | SLOs |");
        int fast = md.indexOf("| 1 | fast-model |");
        int slow = md.indexOf("| 2 | slow &lt;b>model&lt;/b> |");
        assertThat(fast).as("the faster TTFT ranks first").isPositive();
        assertThat(slow).isGreaterThan(fast);
        assertThat(md.substring(fast, md.indexOf('\n', fast))).contains("| 2.00 ms |").contains("| $0.600 |");
        assertThat(md.substring(slow, md.indexOf('\n', slow))).contains("| – |");
        // one model alone is no leaderboard
        assertThat(ReportWriter.markdown(ResultSet.of(List.of(TestResults.named("solo").build())), null)).doesNotContain("Leaderboard");
    }

    @Test
    void markdownWithoutComparisonOrResults() {
        assertThat(ReportWriter.markdown(ResultSet.of(List.of()), null)).contains("_No results found._").doesNotContain("baseline");
    }

    @Test
    void htmlEscapeEscapesEverythingThatCouldOpenMarkup() {
        assertThat(Html.escape(XSS)).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("a&b \"q\" 'x'")).isEqualTo("a&amp;b &quot;q&quot; &#39;x&#39;");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("nul\u0000bell\u0007")).isEqualTo("nulbell");
    }

    @Test
    void everyServerOrUserStringIsEscapedInTheHtml() {
        BenchmarkResult evil = TestResults.named("bench " + XSS).model(XSS).url("http://h/" + XSS).errors(3)
                .failureExample(FailureKind.HTTP_STATUS, "HTTP 500: " + XSS).slos("p90(ttft) < 800ms").build()
                .withWarning("warning " + XSS);
        BenchmarkResult other = TestResults.named("bench " + XSS).model("ok-model").build();
        ResultSet set = ResultSet.of(List.of(evil, other));
        String html = ReportWriter.html(set, BaselineComparison.compare(set.results(), List.of(other), CompareOptions.defaults()));
        assertThat(html).doesNotContain(XSS).doesNotContain("<script>alert");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).contains("HTTP 500: &lt;script&gt;");
        assertThat(html).contains("warning &lt;script&gt;");
        // exactly our two scripts: the error hook and the sorter
        assertThat(html.split("<script>", -1)).hasSize(3);
    }

    @Test
    void theRateLimitHeadersAResultRecordedAreShownInItsSectionEscaped() {
        RateLimits limits = new RateLimits(7, 1, 8, List.of(1000L), java.util.Map.of(
                "x-ratelimit-limit-requests", "600", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "1s" + XSS + "|`"), new RateLimits.Backoff(3, 2500));
        ResultSet set = ResultSet.of(List.of(TestResults.named("limited").errors(8).rateLimits(limits).build(),
                TestResults.named("unlimited").build()));

        String html = ReportWriter.html(set, null);
        assertThat(html).contains("Rate limits: 7 × 429, 1 × 503 · backed off 3 pauses, 2.5 s")
                .contains("<code>x-ratelimit-limit-requests</code></td><td>600</td>")
                .contains("<code>x-ratelimit-reset-requests</code></td><td>1s&lt;script&gt;alert(1)&lt;/script&gt;|`</td>")
                .doesNotContain(XSS);
        assertThat(html.split("Rate limits: ", -1)).as("only the benchmark that was limited").hasSize(2);

        String md = ReportWriter.markdown(set, null);
        assertThat(md).contains("### Rate limits\n\n| Benchmark | 429 | 503 | Backoff | Last x-ratelimit-* headers |")
                .contains("| limited | 7 | 1 | 3 pauses, 2.5 s | x-ratelimit-limit-requests: 600<br>"
                        + "x-ratelimit-remaining-requests: 0<br>x-ratelimit-reset-requests: 1s&lt;script>alert(1)&lt;/script>\\|\\` |")
                .doesNotContain("| unlimited | 0 |");
    }

    @Test
    void noRateLimitSectionWhenTheEndpointSaidNothingAboutLimits() {
        ResultSet set = sample();
        assertThat(ReportWriter.markdown(set, null)).doesNotContain("### Rate limits");
        assertThat(ReportWriter.html(set, null)).doesNotContain("Rate limits:");
    }

    @Test
    void theHtmlIsSelfContained() {
        String html = ReportWriter.html(sample(), null);
        assertThat(html).doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase("src=").doesNotContain("@import")
                .doesNotContain("https://");
        assertThat(html).contains("<svg").contains("id=\"overview\"").contains("id=\"js-errors\"");
    }

    @Test
    void writesTheThreeFilesAndAMachineReadableSummary(@TempDir Path dir) throws Exception {
        ResultSet set = sample();
        ReportWriter.ReportFiles f = ReportWriter.write(set, comparison(set), dir);
        assertThat(f.html()).exists().hasFileName("report.html");
        assertThat(f.markdown()).exists().hasFileName("report.md");
        JsonNode s = new ObjectMapper().readTree(Files.readString(f.summary()));
        assertThat(s.get("schema").asText()).isEqualTo("llmbench-summary/1");
        assertThat(s.get("slos_passed").asBoolean()).isFalse();
        assertThat(s.get("slo_violations").asInt()).isEqualTo(1);
        assertThat(s.get("regressions_count").asInt()).isEqualTo(3);
        JsonNode b = s.get("benchmarks").get(0);
        assertThat(b.get("label").asText()).isEqualTo("chat-small");
        assertThat(b.get("latency_ms").get("ttft").get("p90").asDouble()).isEqualTo(1.5);
        assertThat(b.get("requests").get("measured").asLong()).isEqualTo(100);
        assertThat(b.get("output_throughput_tok_s").asDouble()).isEqualTo(100.0);
        assertThat(b.get("baseline").get(1).get("verdict").asText()).isEqualTo("WORSE");
        assertThat(b.get("cost").isNull()).isTrue();
        JsonNode priced = s.get("benchmarks").get(1).get("cost");
        assertThat(priced.get("basis").asText()).isEqualTo("api");
        assertThat(priced.get("usd_per_1k_output_tokens").asDouble()).isEqualTo(0.0006);
        // the summary is not read back as a result
        ResultSet again = ResultSet.read(List.of(dir));
        assertThat(again.results()).isEmpty();
        assertThat(again.warnings()).isEmpty();
    }
}
