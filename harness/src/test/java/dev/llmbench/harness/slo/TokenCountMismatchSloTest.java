package dev.llmbench.harness.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.metrics.MetricsRecorder;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.Timelines;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.RunMetadata;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code token_count_mismatch}: Σ |tokenizer − usage| / Σ usage over the requests that have both, a run-level SLO in %
 * or as a fraction.
 */
class TokenCountMismatchSloTest {

    private static final Tokenizer CL100K = Tokenizers.fromSpec("cl100k_base");
    private static final Instant START = Instant.parse("2026-11-02T10:00:00Z");

    /** 50 requests of " word" × 10 (10 tokens by cl100k), the server reporting {@code usage} output tokens. */
    private static BenchmarkResult run(int usage, Tokenizer tokenizer) {
        MetricsRecorder m = new MetricsRecorder(Timelines.at(0), START);
        for (int i = 0; i < 50; i++) {
            RequestTimeline t = new RequestTimeline(i, false, Timelines.at(i), 5, 10, tokenizer);
            t.sent(Timelines.at(i));
            for (int k = 0; k < 10; k++) t.chunk(Timelines.at(i + 10 + k), " word", ChunkKind.CONTENT, "id");
            t.usage(5, usage, -1);
            t.done(Timelines.at(i + 20));
            m.record(t);
        }
        return BenchmarkResult.of(RunMetadata.capture("mismatch", START, START.plusSeconds(1)), dev.llmbench.harness.result.BenchmarkConfiguration.empty(), m.snapshot());
    }

    @Test
    void parses_in_percent_or_as_a_fraction() {
        Objective slo = Objective.parse("token_count_mismatch < 2%");
        assertThat(slo.metric()).isEqualTo("token_count_mismatch");
        assertThat(slo.statistic()).isNull();
        assertThat(slo.unit()).isEqualTo("%");
        assertThat(slo.limit()).isEqualTo(2.0);
        assertThat(Objective.parse("token_count_mismatch <= 0.02")).isEqualTo(Objective.parse("token_count_mismatch <= 2%"));
        assertThat(Objective.metricNames()).contains("token_count_mismatch");
        assertThatThrownBy(() -> Objective.parse("p90(token_count_mismatch) < 2%")).isInstanceOf(SloSyntaxException.class);
        assertThatThrownBy(() -> Objective.parse("token_count_mismatch < 2ms")).isInstanceOf(SloSyntaxException.class);
    }

    @Test
    void passes_when_the_local_tokenizer_agrees_with_the_server() {
        SloVerdict v = Objective.parse("token_count_mismatch < 2%").evaluate(run(10, CL100K));
        assertThat(v.passed()).isTrue();
        assertThat(v.measured()).isEqualTo(0.0);
        assertThat(v.sampleCount()).isEqualTo(50);
    }

    @Test
    void fails_when_the_counts_differ_by_more_than_the_limit() {
        SloVerdict v = Objective.parse("token_count_mismatch < 2%").evaluate(run(11, CL100K)); // 1 in 11 per request
        assertThat(v.passed()).isFalse();
        assertThat(v.measured()).isCloseTo(100.0 / 11, within(1e-9));
        assertThat(v.detail()).contains("50 / 550", "50 requests with both counts");
    }

    @Test
    void cannot_be_measured_without_a_tokenizer() {
        SloVerdict v = Objective.parse("token_count_mismatch < 2%").evaluate(run(10, null));
        assertThat(v.passed()).isFalse();
        assertThat(v.measured()).isNaN();
        assertThat(v.detail()).startsWith("no samples").contains("configure a tokenizer");
    }

    @Test
    void the_reconciliation_and_output_length_survive_a_result_file_round_trip() throws Exception {
        BenchmarkResult r = run(11, CL100K);
        BenchmarkResult read = ResultFiles.fromJson(ResultFiles.toJson(r), "memory");
        assertThat(read.tokens()).isEqualTo(r.tokens());
        assertThat(read.tokens().reconciliation().tokenizer()).isEqualTo(500);
        assertThat(read.tokens().outputLength().requested()).isEqualTo(500);
        assertThat(ResultFiles.toJson(r)).contains("\"reconciliation\"", "\"mismatch_ratio\"", "\"output_length\"",
                "\"short_share\"");
    }
}
