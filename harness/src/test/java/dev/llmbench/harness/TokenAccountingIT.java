package dev.llmbench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.metrics.RequestMetrics;
import dev.llmbench.harness.metrics.RequestTimeline;
import dev.llmbench.harness.metrics.TokenReconciliation;
import dev.llmbench.harness.metrics.TokenSource;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.result.SloVerdict;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token accounting, exact prompts and datasets in whole runs against the embedded simulator. */
class TokenAccountingIT {

    @Test
    void a_run_with_a_tokenizer_counts_every_chunk_reconciles_with_usage_and_reports_output_length(@TempDir Path dir)
            throws Exception {
        try (Simulator sim = Simulator.start(Profile.fast())) {
            ConcurrentLinkedQueue<RequestTimeline> seen = new ConcurrentLinkedQueue<>();
            BenchmarkResult r = Benchmark.builder("tokens")
                    .endpoint(sim.baseUri().toString())
                    .model("fast-sim-0.5b")
                    .load(LoadModel.concurrency(4))
                    .promptShape(RequestShape.of(550, 32))
                    .tokenizer("cl100k_base")
                    .maxRequests(20)
                    .slo("token_count_mismatch < 25%")
                    .outputDirectory(dir)
                    .onRequest(seen::add)
                    .build()
                    .run();

            assertThat(r.counts().succeeded()).isEqualTo(20);
            TokenReconciliation rec = r.tokens().reconciliation();
            assertThat(rec.usageRequests()).isEqualTo(20);
            assertThat(rec.usage()).isEqualTo(20 * 32);
            assertThat(rec.tokenizerRequests()).isEqualTo(20);
            assertThat(rec.chunks()).isEqualTo(20 * 32);
            assertThat(rec.comparedRequests()).isEqualTo(20);
            // The simulator's "tokens" are English words: cl100k splits a few of them (e.g. " goodput"), never fewer.
            assertThat(rec.tokenizer()).isGreaterThanOrEqualTo(rec.usage());
            assertThat(rec.mismatchRatio()).isEqualTo((double) (rec.tokenizer() - rec.usage()) / rec.usage());
            SloVerdict mismatch = r.sloVerdicts().get(0);
            assertThat(mismatch.metric()).isEqualTo("token_count_mismatch");
            assertThat(mismatch.measured()).isEqualTo(rec.mismatchRatio() * 100);
            assertThat(mismatch.passed()).isTrue();

            assertThat(r.tokens().outputSources().get(TokenSource.USAGE)).isEqualTo(20L);
            assertThat(r.tokens().outputLength().requested()).isEqualTo(20 * 32);
            assertThat(r.tokens().outputLength().actual()).isEqualTo(20 * 32);
            assertThat(r.tokens().outputLength().shortRequests()).isZero();

            // ITL: usage (32) spread over the chunks by their own token counts, one sample per token.
            for (RequestTimeline t : seen) {
                assertThat(t.tokenized()).isTrue();
                assertThat(java.util.Arrays.stream(RequestMetrics.tokensPerChunk(t)).sum()).isEqualTo(32);
            }
            BenchmarkResult read;
            try (var files = Files.list(dir)) {
                read = ResultFiles.read(files.findFirst().orElseThrow());
            }
            assertThat(read.tokens().reconciliation()).isEqualTo(rec);
            assertThat(read.configuration().tokenizer())
                    .isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.Tokenizer("cl100k_base", false, true));
            assertThat(Files.readString(dir.resolve("tokens.json"))).contains("\"mismatch_ratio\"", "\"output_length\"");
        }
    }

    @Test
    void a_chat_dataset_is_sent_as_messages_and_served(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("chat.jsonl"), String.join("\n",
                "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Why is the sky blue?\"}], \"output_tokens\": 12}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Name a river.\"}], \"output_tokens\": 5}",
                "{\"prompt\": \"Write a haiku about the sea.\"}"));
        try (Simulator sim = Simulator.start(Profile.fast())) {
            BenchmarkResult r = Benchmark.builder("dataset")
                    .endpoint(sim.baseUri().toString())
                    .model("fast-sim-0.5b")
                    .load(LoadModel.concurrency(2))
                    .promptShape(RequestShape.of(100, 20))
                    .dataset(data)
                    .tokenizer("o200k_base")
                    .maxRequests(9)
                    .build()
                    .run();
            assertThat(r.counts().succeeded()).isEqualTo(9);
            assertThat(r.tokens().output()).isEqualTo(3 * (12 + 5 + 20)); // shuffled cycling: each line 3 times
            assertThat(r.tokens().outputLength().shortRequests()).isZero();
        }
    }
}
