package dev.llmbench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.harness.endpoint.ChunkKind;
import dev.llmbench.harness.endpoint.Endpoint;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.GenerationRequest;
import dev.llmbench.harness.endpoint.StreamListener;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import dev.llmbench.harness.workload.tokenizer.TokenizerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a benchmark sends and records about its workload: tokenizer, exact prompts, datasets, output-length steering. */
class BenchmarkWorkloadTest {

    /** Answers every request on another thread with {@code maxTokens} one-word chunks, and keeps the requests. */
    static final class CapturingEndpoint implements Endpoint {
        final List<GenerationRequest> requests = new CopyOnWriteArrayList<>();
        final ExecutorService server = Executors.newSingleThreadExecutor();

        @Override public void send(GenerationRequest request, StreamListener listener) {
            requests.add(request);
            listener.sent(System.nanoTime());
            server.execute(() -> {
                listener.headers(System.nanoTime(), 200, Map.of());
                for (int i = 0; i < request.maxTokens(); i++) listener.chunk(System.nanoTime(), " word", ChunkKind.CONTENT, "id");
                listener.done(System.nanoTime());
            });
        }
        @Override public void cancelAll(String reason) { }
        @Override public int inFlight() { return 0; }
        @Override public long ioCpuNanos() { return 0; }
        @Override public long clientCpuNanos() { return 0; }
        @Override public dev.llmbench.harness.endpoint.EndpointDescription describe() { return dev.llmbench.harness.endpoint.EndpointDescription.of("capture://"); }
        @Override public void close() { server.shutdownNow(); }
    }

    private final CapturingEndpoint endpoint = new CapturingEndpoint();

    @AfterEach
    void close() {
        endpoint.close();
    }

    private static Benchmark.Builder benchmark(EndpointConfig config) {
        return Benchmark.builder("workload").endpoint(config).model("m").maxRequests(12).promptShape(RequestShape.of(120, 8));
    }

    @Test
    void with_a_tokenizer_every_prompt_has_exactly_the_requested_tokens_and_the_result_says_which_tokenizer() {
        BenchmarkResult r = benchmark(EndpointConfig.builder("http://127.0.0.1:1").build())
                .tokenizer("o200k_base").build().run(endpoint);
        var o200k = Tokenizers.fromSpec("o200k_base");
        assertThat(endpoint.requests).hasSize(12).allSatisfy(req -> {
            assertThat(o200k.count(req.prompt())).isEqualTo(120);
            assertThat(req.promptTokens()).isEqualTo(120);
        });
        assertThat(r.configuration().tokenizer()).isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.Tokenizer("o200k_base", false, true));
        assertThat(r.configuration().promptTokensApproximate()).isFalse();
        assertThat(r.tokens().reconciliation().tokenizer()).isEqualTo(12 * 8);
        assertThat(r.tokens().reconciliation().chunks()).isEqualTo(12 * 8);
        assertThat(r.tokens().outputLength().requested()).isEqualTo(12 * 8);
        assertThat(r.tokens().outputLength().shortRequests()).isZero();
    }

    @Test
    void without_a_tokenizer_prompts_are_approximate_and_output_is_not_counted_locally() {
        BenchmarkResult r = benchmark(EndpointConfig.builder("http://127.0.0.1:1").build()).build().run(endpoint);
        assertThat(endpoint.requests).allSatisfy(req -> assertThat(req.prompt()).hasSize(480));
        assertThat(r.configuration().tokenizer()).isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.Tokenizer("approx", true, false));
        assertThat(r.configuration().promptTokensApproximate()).isTrue();
        assertThat(r.tokens().reconciliation().tokenizerRequests()).isZero();
        assertThat(r.tokens().outputSources().get(dev.llmbench.harness.metrics.TokenSource.CHUNK_COUNT)).isEqualTo(12L);
    }

    @Test
    void output_counting_can_be_switched_off_while_prompts_stay_exact() {
        BenchmarkResult r = benchmark(EndpointConfig.builder("http://127.0.0.1:1").build())
                .tokenizer(Tokenizers.fromSpec("cl100k_base")).countOutputTokens(false).build().run(endpoint);
        assertThat(r.configuration().promptTokensApproximate()).isFalse();
        assertThat(r.tokens().reconciliation().tokenizerRequests()).isZero();
    }

    @Test
    void an_unknown_tokenizer_fails_at_once_saying_what_is_accepted() {
        assertThatThrownBy(() -> Benchmark.builder("x").tokenizer("gpt-17"))
                .isInstanceOf(TokenizerException.class)
                .hasMessageContaining("gpt-17").hasMessageContaining("o200k_base").hasMessageContaining(".gguf");
    }

    @Test
    void exact_output_length_sends_min_tokens_and_ignore_eos_where_the_endpoint_accepts_them() {
        benchmark(EndpointConfig.builder("http://127.0.0.1:1").build()).build().run(endpoint);
        assertThat(endpoint.requests).allSatisfy(req -> {
            assertThat(req.maxTokens()).isEqualTo(8);
            assertThat(req.minTokens()).isEqualTo(8);
            assertThat(req.ignoreEos()).isTrue();
        });
    }

    @Test
    void an_endpoint_that_rejects_min_tokens_gets_only_max_tokens_and_the_configuration_says_so() {
        EndpointConfig strict = EndpointConfig.builder("http://127.0.0.1:1").sendsMinTokens(false).sendsIgnoreEos(false).build();
        BenchmarkResult r = benchmark(strict).build().run(endpoint);
        assertThat(endpoint.requests).allSatisfy(req -> {
            assertThat(req.maxTokens()).isEqualTo(8);
            assertThat(req.minTokens()).isZero();
            assertThat(req.ignoreEos()).isFalse();
        });
        assertThat(r.configuration().outputLengthSteering())
                .isEqualTo(new dev.llmbench.harness.result.BenchmarkConfiguration.OutputLengthSteering(true, false, false));
    }

    @Test
    void a_dataset_replaces_the_prompt_shape_s_prompts(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("chat.jsonl"), String.join("\n",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi there\"}], \"output_tokens\": 3}",
                "{\"prompt\": \"Tell me a story\"}"));
        BenchmarkResult r = benchmark(EndpointConfig.builder("http://127.0.0.1:1").build()).dataset(f).build().run(endpoint);
        assertThat(endpoint.requests).hasSize(12);
        assertThat(endpoint.requests.stream().filter(q -> !q.messages().isEmpty()))
                .hasSize(6)
                .allSatisfy(q -> {
                    assertThat(q.messages().get(0).content()).endsWith(": Hi there").startsWith("Request ");
                    assertThat(q.maxTokens()).isEqualTo(3);
                });
        assertThat(endpoint.requests.stream().filter(q -> q.messages().isEmpty()))
                .allSatisfy(q -> assertThat(q.maxTokens()).isEqualTo(8)); // from the prompt shape
        var ds = r.configuration().dataset();
        assertThat(ds.path()).isEqualTo(f.toString());
        assertThat(ds.entries()).isEqualTo(2L);
        assertThat(ds.sampling()).isEqualTo("shuffled-cycle");
    }

    @Test
    void a_bad_dataset_line_fails_the_build_with_its_number(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), "{\"prompt\": \"ok\"}\n{\"prompt\": 3}\n");
        assertThatThrownBy(() -> benchmark(EndpointConfig.builder("http://127.0.0.1:1").build()).dataset(f).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset " + f + " line 2: field \"prompt\" must be a string, was number");
    }
}
