package dev.llmbench.harness.report;

import dev.llmbench.harness.compare.TestResults;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page skeleton, styles and script live in resource files and are inlined into the one report file. */
class ReportPageTemplateTest {

    private static final PageTemplate PAGE = PageTemplate.load("report.html");

    @Test
    void theReportInlinesItsStylesAndScriptAndLeavesNoPlaceholder() {
        String html = ReportWriter.html(ResultSet.of(List.of(TestResults.named("chat").build())), null);
        assertThat(html).contains("<style>" + PageTemplate.resource("report.css") + "</style>")
                .contains("<script>" + PageTemplate.resource("report.js") + "</script>")
                .doesNotContain("{{");
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</body></html>\n");
    }

    @Test
    void theSkeletonNamesItsPlaceholdersInPageOrder() {
        assertThat(PAGE.placeholders()).containsExactly("css", "header", "overview", "leaderboards", "curves", "benchmarks",
                "warnings", "version", "script");
    }

    @Test
    void textValuesAreEscapedAndNoValueIsReadAsAPlaceholder() {
        Map<String, String> markup = new java.util.HashMap<>();
        for (String name : PAGE.placeholders()) markup.put(name, name.equals("header") ? "<b>{{script}}</b>" : "");
        markup.remove("version");
        String html = PAGE.fill(markup, Map.of("version", "<script>alert(1)</script> $1 \\"));
        assertThat(html).contains("llmbench &lt;script&gt;alert(1)&lt;/script&gt; $1 \\ ·")
                .contains("<b>{{script}}</b>");
    }

    @Test
    void aMissingOrUnknownPlaceholderFailsInsteadOfLeavingBracesOnThePage() {
        assertThatThrownBy(() -> PAGE.fill(Map.of("css", ""), Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{{header}}");
        Map<String, String> all = new java.util.HashMap<>();
        for (String name : PAGE.placeholders()) all.put(name, "");
        all.put("footer", "");
        assertThatThrownBy(() -> PAGE.fill(all, Map.of())).hasMessageContaining("no placeholder {{footer}}");
        assertThatThrownBy(() -> PageTemplate.resource("missing.css")).hasMessageContaining("missing.css");
    }
}
