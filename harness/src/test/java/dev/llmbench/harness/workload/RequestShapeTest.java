package dev.llmbench.harness.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptShapeTest {

    @Test
    void of_gives_fixed_input_and_output_tokens() {
        RequestShape shape = RequestShape.of(100, 1000);
        assertThat(shape.inputTokens()).isEqualTo(TokenCount.fixed(100));
        assertThat(shape.outputTokens()).isEqualTo(TokenCount.fixed(1000));
        assertThat(shape.name()).isEqualTo("custom");
        assertThat(shape.isPreset()).isFalse();
        assertThat(shape.describe()).isEqualTo("custom: 100 input tokens, 1000 output tokens");
    }

    @ParameterizedTest
    @CsvSource({
            "short-in-short-out, 100, 100",
            "short-in-long-out, 100, 1000",
            "long-in-short-out, 2000, 100"})
    void fixed_presets(String name, int input, int output) {
        RequestShape shape = RequestShape.preset(name);
        assertThat(shape.name()).isEqualTo(name);
        assertThat(shape.isPreset()).isTrue();
        assertThat(shape.inputTokens()).isEqualTo(TokenCount.fixed(input));
        assertThat(shape.outputTokens()).isEqualTo(TokenCount.fixed(output));
    }

    @Test
    void the_chat_preset_is_a_clipped_normal_around_550_in_and_150_out() {
        RequestShape chat = RequestShape.preset("chat");
        assertThat(chat.inputTokens()).isEqualTo(TokenCount.normal(550, 200, 100, 1000));
        assertThat(chat.outputTokens()).isEqualTo(TokenCount.normal(150, 60, 15, 285));
        SplittableRandom rnd = new SplittableRandom(8);
        double in = IntStream.range(0, 100_000).map(i -> chat.sampleInputTokens(rnd)).average().orElseThrow();
        double out = IntStream.range(0, 100_000).map(i -> chat.sampleOutputTokens(rnd)).average().orElseThrow();
        assertThat(in).isCloseTo(550, within(5.0));
        assertThat(out).isCloseTo(150, within(1.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-in/long-out", "SHORT_IN_LONG_OUT", " Short In Long Out "})
    void preset_names_are_forgiving_about_case_and_separators(String name) {
        assertThat(RequestShape.preset(name)).isEqualTo(RequestShape.preset("short-in-long-out"));
    }

    @Test
    void an_unknown_preset_fails_naming_the_allowed_presets() {
        assertThat(RequestShape.presetNames())
                .containsExactly("short-in-short-out", "short-in-long-out", "long-in-short-out", "chat");
        assertThatThrownBy(() -> RequestShape.preset("tiny"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown prompt shape preset 'tiny'; allowed: short-in-short-out, short-in-long-out, "
                        + "long-in-short-out, chat");
        assertThatThrownBy(() -> RequestShape.preset(null)).hasMessageContaining("allowed: short-in-short-out");
    }

    @Test
    void validation_names_input_or_output_tokens() {
        assertThatThrownBy(() -> RequestShape.of(0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputTokens must be in [1, 10000000], was 0");
        assertThatThrownBy(() -> RequestShape.of(10, -3))
                .hasMessage("outputTokens must be in [1, 10000000], was -3");
        assertThatThrownBy(() -> RequestShape.of(null, TokenCount.fixed(1)))
                .hasMessage("inputTokens must not be null");
    }
}
