package dev.llmbench.harness.metrics;

import static dev.llmbench.harness.metrics.Timelines.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.FailureKind;
import dev.llmbench.harness.endpoint.Failure;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Output tokens: server usage when given, else the local tokenizer over the streamed text, else the chunk count;
 * every chunk tokenized so ITL is per real token; the three counts reconciled per run.
 */
class TokenAccountingTest {

    private static final Tokenizer CL100K = Tokenizers.fromSpec("cl100k_base");

    /** A measured request sent at 0 ms asking for {@code requested} tokens, counted with {@code tokenizer}. */
    private static RequestTimeline request(int requested, Tokenizer tokenizer) {
        RequestTimeline t = new RequestTimeline(0, false, at(0), 10, requested, tokenizer);
        t.sent(at(0));
        return t;
    }

    private static void content(RequestTimeline t, double ms, String text) {
        t.chunk(at(ms), text, ChunkKind.CONTENT, "id");
    }

    private static List<Long> itlMillis(RequestTimeline t) {
        List<Long> samples = new ArrayList<>();
        RequestMetrics.interTokenLatencies(t, n -> samples.add(n / 1_000_000));
        return samples;
    }

    @Test
    void without_usage_output_tokens_come_from_the_tokenizer_over_the_whole_streamed_text() {
        RequestTimeline t = request(100, CL100K);
        content(t, 100, " The quick");
        content(t, 120, " brown fox");
        t.done(at(130));
        assertThat(t.tokenizerOutputTokens()).isEqualTo(CL100K.count(" The quick brown fox")).isEqualTo(4);
        assertThat(t.outputTokens()).isEqualTo(4);
        assertThat(t.outputTokenSource()).isEqualTo(TokenSource.TOKENIZER);
    }

    @Test
    void server_usage_wins_over_the_tokenizer_when_given() {
        RequestTimeline t = request(100, CL100K);
        content(t, 100, " The quick");
        t.usage(10, 3, -1);
        t.done(at(130));
        assertThat(t.tokenizerOutputTokens()).isEqualTo(2);
        assertThat(t.outputTokens()).isEqualTo(3);
        assertThat(t.outputTokenSource()).isEqualTo(TokenSource.USAGE);
    }

    @Test
    void without_a_tokenizer_nothing_is_counted_locally_and_the_rule_is_usage_else_chunks() {
        RequestTimeline t = request(100, null);
        content(t, 100, " The quick");
        content(t, 120, " brown fox");
        t.done(at(130));
        assertThat(t.tokenized()).isFalse();
        assertThat(t.tokenizerOutputTokens()).isEqualTo(-1);
        assertThat(t.chunkTokens(0)).isEqualTo(-1);
        assertThat(t.outputTokens()).isEqualTo(2);
        assertThat(t.outputTokenSource()).isEqualTo(TokenSource.CHUNK_COUNT);
    }

    @Test
    void each_chunk_carries_its_own_token_count_so_itl_is_per_real_token() {
        RequestTimeline t = request(100, CL100K);
        content(t, 100, " The");
        content(t, 130, " quick brown fox"); // 3 tokens bundled in one chunk, 30 ms after the previous
        content(t, 150, " jumps");
        t.done(at(150));
        assertThat(new int[] {t.chunkTokens(0), t.chunkTokens(1), t.chunkTokens(2)}).containsExactly(1, 3, 1);
        assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(1, 3, 1);
        assertThat(itlMillis(t)).containsExactly(10L, 10L, 10L, 20L);
    }

    @Test
    void when_usage_differs_from_the_tokenizer_usage_is_spread_over_chunks_in_proportion_to_their_own_counts() {
        RequestTimeline t = request(100, CL100K);
        content(t, 100, " The");
        content(t, 130, " quick brown fox");
        t.usage(10, 8, -1); // the server counts twice as many
        t.done(at(130));
        assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(2, 6);
        assertThat(itlMillis(t)).hasSize(6).allSatisfy(ms -> assertThat(ms).isEqualTo(5L));
    }

    @Test
    void a_failed_request_still_has_its_partial_output_counted() {
        RequestTimeline t = request(100, CL100K);
        content(t, 100, " The quick");
        t.failed(at(120), Failure.of(FailureKind.CONNECTION_ERROR, "reset"));
        assertThat(t.tokenizerOutputTokens()).isEqualTo(2);
    }

    @Test
    void the_run_reconciles_usage_tokenizer_and_chunk_counts_and_reports_the_mismatch() {
        MetricsRecorder recorder = new MetricsRecorder(at(0));
        RequestTimeline a = request(4, CL100K); // usage 5, tokenizer 4, 2 chunks
        content(a, 100, " The quick");
        content(a, 110, " brown fox");
        a.usage(10, 5, -1);
        a.done(at(120));
        RequestTimeline b = request(2, CL100K); // usage 2, tokenizer 2, 1 chunk
        content(b, 100, " jumps over");
        b.usage(10, 2, -1);
        b.done(at(120));
        RequestTimeline c = request(3, CL100K); // no usage: tokenizer 3, 3 chunks
        content(c, 100, " the");
        content(c, 110, " lazy");
        content(c, 120, " dog");
        c.done(at(130));
        for (RequestTimeline t : List.of(a, b, c)) recorder.record(t);

        TokenReconciliation r = recorder.snapshot().tokens().reconciliation();
        assertThat(r).isEqualTo(new TokenReconciliation(2, 7, 3, 9, 6, 2, 7, 1));
        assertThat(r.mismatchRatio()).isEqualTo(1.0 / 7); // |4−5| + |2−2| over 5 + 2
        TokenTotals totals = recorder.snapshot().tokens();
        assertThat(totals.output()).isEqualTo(5 + 2 + 3);
        assertThat(totals.outputSources()).containsEntry(TokenSource.USAGE, 2L).containsEntry(TokenSource.TOKENIZER, 1L);
    }

    @Test
    void per_request_differences_cannot_cancel_out_in_the_mismatch() {
        TokenReconciliation r = new TokenReconciliation(2, 200, 2, 200, 200, 2, 200, 20);
        assertThat(r.mismatchRatio()).isEqualTo(0.1);
        assertThat(TokenReconciliation.empty().mismatchRatio()).isNaN();
    }

    @Test
    void the_run_reports_actual_output_length_against_the_requested_one() {
        MetricsRecorder recorder = new MetricsRecorder(at(0));
        RequestTimeline full = request(3, null);
        content(full, 100, "a");
        content(full, 110, "b");
        content(full, 120, "c");
        full.done(at(120));
        RequestTimeline cut = request(3, null);
        content(cut, 100, "a");
        cut.done(at(110));
        RequestTimeline unasked = request(0, null); // no max_tokens: not in the comparison
        content(unasked, 100, "a");
        unasked.done(at(110));
        for (RequestTimeline t : List.of(full, cut, unasked)) recorder.record(t);

        OutputLength l = recorder.snapshot().tokens().outputLength();
        assertThat(l).isEqualTo(new OutputLength(2, 6, 4, 1));
        assertThat(l.actualToRequested()).isEqualTo(4.0 / 6);
        assertThat(l.shortShare()).isEqualTo(0.5);
    }
}
