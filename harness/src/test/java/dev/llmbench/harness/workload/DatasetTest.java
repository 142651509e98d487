package dev.llmbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSONL datasets of prompts or chat messages, sampled by shuffled cycling under a seed. */
class DatasetTest {

    private static final String JSONL = String.join("\n",
            "{\"prompt\": \"Name three rivers.\", \"output_tokens\": 200}",
            "",
            "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"Why is the sky blue?\"}], \"id\": 7}",
            "{\"prompt\": \"Write a haiku.\"}");

    @Test
    void reads_prompts_and_conversations_skipping_blank_lines_and_ignoring_other_fields() {
        Dataset d = Dataset.parse("d.jsonl", JSONL);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.entries().get(0)).isEqualTo(new Dataset.Entry(1, "Name three rivers.", List.of(), 200));
        assertThat(d.entries().get(1).chat()).isTrue();
        assertThat(d.entries().get(1).line()).isEqualTo(3);
        assertThat(d.entries().get(1).messages()).containsExactly(
                new ChatMessage("system", "Be brief."), new ChatMessage("user", "Why is the sky blue?"));
        assertThat(d.entries().get(2).outputTokens()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"prompt\": 5}                                  | d.jsonl line 2: field \"prompt\" must be a string, was number",
            "{\"prompt\": \"\"}                               | d.jsonl line 2: field \"prompt\" must not be empty",
            "{\"text\": \"hi\"}                               | d.jsonl line 2: needs \"prompt\" (a string) or \"messages\"",
            "{\"prompt\": \"a\", \"messages\": []}            | d.jsonl line 2: has both \"prompt\" and \"messages\"",
            "{\"messages\": []}                               | d.jsonl line 2: field \"messages\" must be a non-empty array",
            "{\"messages\": [{\"content\": \"x\"}]}           | d.jsonl line 2: field \"messages[0].role\" must be a non-blank string",
            "{\"messages\": [{\"role\": \"user\"}]}           | d.jsonl line 2: field \"messages[0].content\" must be a string",
            "{\"prompt\": \"a\", \"output_tokens\": 0}        | d.jsonl line 2: field \"output_tokens\" must be an integer in [1, 10000000], was 0",
            "{\"prompt\": \"a\", \"output_tokens\": \"many\"} | d.jsonl line 2: field \"output_tokens\" must be an integer",
            "[1, 2]                                           | d.jsonl line 2: expected a JSON object",
            "{\"prompt\": \"a\"                               | d.jsonl line 2: not valid JSON"})
    void a_bad_line_fails_with_its_number_and_field(String line, String message) {
        assertThatThrownBy(() -> Dataset.parse("d.jsonl", "{\"prompt\": \"fine\"}\n" + line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dataset " + message);
    }

    @Test
    void an_empty_dataset_fails() {
        assertThatThrownBy(() -> Dataset.parse("e.jsonl", "\n  \n")).hasMessageStartingWith("dataset e.jsonl: no entries");
    }

    @Test
    void loads_from_a_file(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("prompts.jsonl"), JSONL);
        assertThat(Dataset.load(f).size()).isEqualTo(3);
        assertThat(Dataset.load(f).source()).isEqualTo(f.toString());
    }

    @Test
    void sampling_is_shuffled_cycling_every_entry_once_per_cycle_reproducible_under_the_seed() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10; i++) lines.append("{\"prompt\": \"p").append(i).append("\"}\n");
        Dataset d = Dataset.parse("ten", lines.toString());
        DatasetWorkload w = new DatasetWorkload(d, RequestShape.of(1, 5), null, false, "r", 42);
        for (int cycle = 0; cycle < 3; cycle++) {
            Set<Integer> seen = new HashSet<>();
            for (int k = 0; k < 10; k++) seen.add(w.entryIndex(cycle * 10L + k));
            assertThat(seen).hasSize(10);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < 10; k++) order.add(w.entryIndex(k));
        assertThat(order).isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        DatasetWorkload same = new DatasetWorkload(d, RequestShape.of(1, 5), null, false, "r", 42);
        for (int k = 0; k < 30; k++) assertThat(same.entryIndex(k)).isEqualTo(w.entryIndex(k));
        DatasetWorkload other = new DatasetWorkload(d, RequestShape.of(1, 5), null, false, "r", 43);
        assertThat(java.util.stream.IntStream.range(0, 10).map(other::entryIndex).boxed().toList()).isNotEqualTo(order);
    }

    @Test
    void items_carry_the_unique_prefix_the_line_output_length_or_the_shape_s_and_exact_input_counts() {
        Tokenizer cl100k = Tokenizers.fromSpec("cl100k_base");
        DatasetWorkload w = new DatasetWorkload(Dataset.parse("d.jsonl", JSONL), RequestShape.of(1, 77), cl100k, true, "run9", 1);
        boolean sawPrompt = false, sawChat = false;
        for (int k = 0; k < 3; k++) {
            WorkItem item = w.next(k, new SplittableRandom(k));
            assertThat(item.approximate()).isFalse();
            if (item.messages().isEmpty()) {
                sawPrompt = true;
                assertThat(item.text()).startsWith("Request " + k + " of run run9: ");
                assertThat(item.inputTokens()).isEqualTo(cl100k.count(item.text()));
                assertThat(item.outputTokens()).isIn(200, 77);
            } else {
                sawChat = true;
                assertThat(item.messages().get(0)).isEqualTo(new ChatMessage("system", "Request " + k + " of run run9: Be brief."));
                assertThat(item.messages().get(1)).isEqualTo(new ChatMessage("user", "Why is the sky blue?"));
                assertThat(item.text()).isEqualTo("Request " + k + " of run run9: Be brief.\n\nWhy is the sky blue?");
                assertThat(item.inputTokens()).isEqualTo(cl100k.count("Request " + k + " of run run9: Be brief.")
                        + cl100k.count("Why is the sky blue?"));
                assertThat(item.outputTokens()).isEqualTo(77);
            }
        }
        assertThat(sawPrompt).isTrue();
        assertThat(sawChat).isTrue();
    }

    @Test
    void the_prefix_can_be_switched_off() {
        DatasetWorkload w = new DatasetWorkload(Dataset.parse("d", "{\"prompt\": \"hello\"}"), RequestShape.of(1, 5), null, false, "r", 1);
        WorkItem item = w.next(3, new SplittableRandom(1));
        assertThat(item.text()).isEqualTo("hello");
        assertThat(item.approximate()).isTrue();
        assertThat(item.inputTokens()).isEqualTo(2);
    }
}
