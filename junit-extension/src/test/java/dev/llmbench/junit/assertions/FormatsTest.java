package dev.llmbench.junit.assertions;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void numbers_keep_meaningful_decimals() {
        assertThat(Formats.number(800)).isEqualTo("800");
        assertThat(Formats.number(912.345)).isEqualTo("912.3");
        assertThat(Formats.number(45.678)).isEqualTo("45.68");
        assertThat(Formats.number(0.0123456)).isEqualTo("0.0123");
        assertThat(Formats.number(1000)).isEqualTo("1000");
        assertThat(Formats.number(Double.POSITIVE_INFINITY)).isEqualTo("+∞");
    }

    @Test
    void durations_in_a_readable_unit() {
        assertThat(Formats.duration(912_345, Formats.TimeUnit.MILLISECONDS)).isEqualTo("912.3 ms");
        assertThat(Formats.duration(java.time.Duration.ofMillis(800))).isEqualTo("800 ms");
        assertThat(Formats.duration(java.time.Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(Formats.duration(java.time.Duration.ofNanos(1500))).isEqualTo("1.5 µs");
        assertThat(Formats.duration(Double.POSITIVE_INFINITY, Formats.TimeUnit.SECONDS)).isEqualTo("+∞");
    }

    @Test
    void a_value_that_would_print_as_its_limit_gets_more_decimals() {
        assertThat(Formats.durationDistinctFrom(100_031, 100_000, Formats.TimeUnit.MILLISECONDS)).isEqualTo("100.03 ms");
        assertThat(Formats.durationDistinctFrom(912_345, 800_000, Formats.TimeUnit.MILLISECONDS)).isEqualTo("912.3 ms");
        assertThat(Formats.durationDistinctFrom(800_000, 800_000, Formats.TimeUnit.MILLISECONDS)).isEqualTo("800 ms");
    }

    @Test
    void percents() {
        assertThat(Formats.percent(0.01)).isEqualTo("1%");
        assertThat(Formats.percent(0.025)).isEqualTo("2.5%");
    }
}
