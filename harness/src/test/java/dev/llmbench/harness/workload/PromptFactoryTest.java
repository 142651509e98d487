package dev.llmbench.harness.workload;

import dev.llmbench.harness.workload.tokenizer.ApproximateTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptFactoryTest {

    private static List<WorkItem> items(PromptFactory factory, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return LongStream.range(0, n).mapToObj(i -> factory.next(i, rnd)).collect(Collectors.toList());
    }

    @Test
    void the_shipped_corpus_is_a_few_kilobytes_of_plain_english_prose() {
        String corpus = PromptFactory.defaultCorpus();
        assertThat(corpus.length()).isGreaterThan(5_000);
        assertThat(corpus).startsWith("It is a truth universally acknowledged").doesNotContain("#", "  ", "\n");
        assertThat(corpus.chars()).allSatisfy(c -> assertThat(c).isBetween(32, 126));
    }

    @Test
    void every_request_gets_a_unique_prefix_naming_its_index_and_run() {
        PromptFactory factory = PromptFactory.of(RequestShape.of(128, 16), "5a3f");
        List<WorkItem> items = items(factory, 2_000, 1);
        assertThat(items.get(1234).text()).startsWith("Request 1234 of run 5a3f: ");
        Set<String> prefixes = new HashSet<>();
        for (WorkItem item : items) prefixes.add(item.text().substring(0, item.text().indexOf(':') + 1));
        assertThat(prefixes).hasSize(2_000);
        assertThat(items.stream().map(WorkItem::text).distinct()).hasSize(2_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 100, 128, 2000, 32_000})
    void prompts_have_the_requested_size_by_the_approximate_estimate(int tokens) {
        PromptFactory factory = PromptFactory.of(RequestShape.of(tokens, 10), "run1");
        for (WorkItem item : items(factory, 50, tokens)) {
            assertThat(item.text()).hasSize(tokens * ApproximateTokens.CHARS_PER_TOKEN);
            assertThat(item.inputTokens()).isEqualTo(tokens);
            assertThat(ApproximateTokens.estimate(item.text())).isEqualTo(tokens);
            assertThat(item.outputTokens()).isEqualTo(10);
            assertThat(item.approximate()).isTrue();
        }
    }

    @Test
    void prompt_text_after_the_prefix_is_corpus_prose_starting_at_a_word() {
        PromptFactory factory = PromptFactory.of(RequestShape.of(200, 10), "r");
        String doubled = factory.corpus() + factory.corpus();
        for (WorkItem item : items(factory, 200, 2)) {
            String body = item.text().substring(factory.prefix(item.requestIndex()).length());
            assertThat(doubled).contains(body);
            assertThat(body.charAt(0)).isNotEqualTo(' ');
            int start = doubled.indexOf(body);
            assertThat(start == 0 || doubled.charAt(start - 1) == ' ').as("starts at a word: %s", body).isTrue();
        }
    }

    @Test
    void is_deterministic_under_a_seed() {
        PromptFactory factory = PromptFactory.of(RequestShape.preset("chat"), "abc");
        assertThat(items(factory, 500, 42)).isEqualTo(items(factory, 500, 42));
        assertThat(items(PromptFactory.of(RequestShape.preset("chat"), "abc"), 500, 42)).isEqualTo(items(factory, 500, 42));
        assertThat(items(factory, 500, 43)).isNotEqualTo(items(factory, 500, 42));
    }

    @Test
    void samples_input_and_output_tokens_from_the_shape() {
        PromptFactory factory = PromptFactory.of(RequestShape.preset("chat"), "abc");
        List<WorkItem> items = items(factory, 20_000, 7);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.inputTokens()).isBetween(100, 1000);
            assertThat(item.outputTokens()).isBetween(15, 285);
            assertThat(item.text()).hasSize(item.inputTokens() * 4);
        });
        double meanIn = items.stream().mapToInt(WorkItem::inputTokens).average().orElseThrow();
        double meanOut = items.stream().mapToInt(WorkItem::outputTokens).average().orElseThrow();
        assertThat(meanIn).isBetween(540.0, 560.0);
        assertThat(meanOut).isBetween(147.0, 153.0);
    }

    @Test
    void without_unique_prefixes_prompts_share_their_leading_text() {
        PromptFactory factory = PromptFactory.builder(RequestShape.of(300, 10)).uniquePrefix(false).build();
        List<WorkItem> items = items(factory, 10, 3);
        assertThat(factory.prefix(5)).isEmpty();
        assertThat(items).allSatisfy(item -> {
            assertThat(item.text()).startsWith("It is a truth universally acknowledged").hasSize(1200);
            assertThat(item.text()).doesNotContain("Request ");
        });
        assertThat(items.stream().map(WorkItem::text).distinct()).hasSize(1);
    }

    @Test
    void a_target_smaller_than_the_prefix_keeps_the_whole_prefix_and_reports_its_size() {
        PromptFactory factory = PromptFactory.of(RequestShape.of(1, 1), "5a3f");
        Prompt prompt = factory.prompt(7, 1, new SplittableRandom(1));
        assertThat(prompt.text()).isEqualTo("Request 7 of run 5a3f: ");
        assertThat(prompt.targetTokens()).isEqualTo(1);
        assertThat(prompt.estimatedTokens()).isEqualTo(6); // 23 characters
        assertThat(prompt.approximate()).isTrue();
    }

    @Test
    void run_ids_default_to_random_hex_and_are_validated() {
        RequestShape shape = RequestShape.of(10, 10);
        assertThat(PromptFactory.builder(shape).build().runId()).matches("[0-9a-f]{8}");
        assertThatThrownBy(() -> PromptFactory.of(shape, "has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runId must be 1-64 characters of [A-Za-z0-9._-], was 'has space'");
        assertThatThrownBy(() -> PromptFactory.builder(shape).corpus("# only a comment\n"))
                .hasMessageContaining("corpus must contain some text");
        assertThatThrownBy(() -> PromptFactory.of(shape, "r").prompt(-1, 10, new SplittableRandom(1)))
                .hasMessage("requestIndex must be >= 0, was -1");
    }

    @Test
    void a_custom_corpus_replaces_the_shipped_one() {
        PromptFactory factory = PromptFactory.builder(RequestShape.of(10, 1)).runId("r").uniquePrefix(false)
                .corpus("# comment\nalpha  beta\n\tgamma\n").build();
        assertThat(factory.corpus()).isEqualTo("alpha beta gamma ");
        assertThat(factory.next(0, new SplittableRandom(1)).text()).isEqualTo("alpha beta gamma alpha beta gamma alpha "); // 40 chars, wrapping
    }
}
