package dev.llmbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.TokenizerTestData;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prompts built with an exact tokenizer have exactly the requested number of tokens by that tokenizer. */
class ExactPromptTest {

    private static void assertExact(Tokenizer tokenizer, int target, int requests) {
        PromptFactory factory = PromptFactory.builder(RequestShape.of(target, 10)).runId("exact").tokenizer(tokenizer).build();
        for (long seed = 0; seed < requests; seed++) {
            WorkItem item = factory.next(seed * 7919, new SplittableRandom(seed));
            assertThat(tokenizer.count(item.text()))
                    .as("request %d, %s: %s", seed * 7919, tokenizer.name(), item.text())
                    .isEqualTo(target);
            assertThat(item.inputTokens()).isEqualTo(target);
            assertThat(item.approximate()).isFalse();
            assertThat(item.text()).startsWith("Request " + seed * 7919 + " of run exact: ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"r50k_base", "cl100k_base", "o200k_base"})
    void a_prompt_shape_asking_for_550_input_tokens_gets_exactly_550_by_an_openai_encoding(String encoding) {
        assertExact(Tokenizers.fromSpec(encoding), 550, 300);
    }

    @Test
    void a_prompt_shape_asking_for_550_input_tokens_gets_exactly_550_by_the_gguf_llama_vocabulary() {
        Tokenizer llama = TokenizerTestData.load("llama-spm.gguf");
        assertExact(llama, 550, 100);
    }

    @Test
    void a_prompt_shape_asking_for_550_input_tokens_gets_exactly_550_by_the_gguf_gpt2_vocabulary() {
        assertExact(TokenizerTestData.load("gpt-2.gguf"), 550, 100);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 12, 13, 14, 50, 100, 101, 999, 2000, 5000})
    void every_size_is_hit_exactly_from_the_prefix_up(int target) {
        Tokenizer cl100k = Tokenizers.fromSpec("cl100k_base");
        PromptFactory factory = PromptFactory.builder(RequestShape.of(target, 10)).runId("r1").tokenizer(cl100k).build();
        int prefixTokens = cl100k.count(factory.prefix(0));
        for (int i = 0; i < 40; i++) {
            Prompt p = factory.prompt(i, target, new SplittableRandom(i));
            if (target <= prefixTokens) {
                assertThat(p.text()).isEqualTo(factory.prefix(i)); // never cut
                assertThat(p.estimatedTokens()).isEqualTo(cl100k.count(p.text()));
            } else {
                assertThat(cl100k.count(p.text())).isEqualTo(target);
                assertThat(p.estimatedTokens()).isEqualTo(target);
            }
        }
    }

    @Test
    void without_the_unique_prefix_prompts_start_at_the_corpus_start_and_are_still_exact() {
        Tokenizer o200k = Tokenizers.fromSpec("o200k_base");
        PromptFactory factory = PromptFactory.builder(RequestShape.of(300, 10)).uniquePrefix(false).tokenizer(o200k).build();
        for (int i = 0; i < 20; i++) {
            WorkItem item = factory.next(i, new SplittableRandom(i));
            assertThat(item.text()).startsWith("It is a truth universally acknowledged");
            assertThat(o200k.count(item.text())).isEqualTo(300);
        }
    }

    @Test
    void the_chat_preset_samples_sizes_and_hits_each_exactly() {
        Tokenizer cl100k = Tokenizers.fromSpec("cl100k_base");
        PromptFactory factory = PromptFactory.builder(RequestShape.preset("chat")).runId("c").tokenizer(cl100k).build();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 200; i++) {
            WorkItem item = factory.next(i, rnd);
            assertThat(cl100k.count(item.text())).isEqualTo(item.inputTokens());
            assertThat(item.inputTokens()).isBetween(100, 1000);
        }
    }

    @Test
    void building_a_2000_token_prompt_is_quick_enough_to_never_hold_up_a_benchmark() {
        Tokenizer cl100k = Tokenizers.fromSpec("cl100k_base");
        PromptFactory factory = PromptFactory.builder(RequestShape.preset("long-in-short-out")).runId("t").tokenizer(cl100k).build();
        for (int i = 0; i < 200; i++) factory.next(i, new SplittableRandom(i)); // warm up the JIT
        int n = 200;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) factory.next(1000 + i, new SplittableRandom(i));
        double millisEach = (System.nanoTime() - start) / 1e6 / n;
        assertThat(millisEach).as("ms per 2000-token prompt").isLessThan(100.0); // a sanity bound (~3 ms here when idle): shared CI machines swing several-fold
    }

    @Test
    void the_approximate_default_is_labelled_approximate() {
        PromptFactory factory = PromptFactory.of(RequestShape.of(550, 10), "a");
        WorkItem item = factory.next(0, new SplittableRandom(1));
        assertThat(factory.approximate()).isTrue();
        assertThat(item.approximate()).isTrue();
        assertThat(factory.tokenizer().name()).isEqualTo("approx");
    }
}
