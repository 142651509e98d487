package dev.llmbench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadTierTest {

    @Test
    void tiers_are_the_leaderboard_levels() {
        assertThat(NamedTier.SMALL.concurrency()).isEqualTo(2);
        assertThat(NamedTier.MEDIUM.concurrency()).isEqualTo(20);
        assertThat(NamedTier.LARGE.concurrency()).isEqualTo(50);
        assertThat(NamedTier.LARGE.model()).isEqualTo(LoadModel.concurrency(50));
        assertThat(NamedTier.MEDIUM).hasToString("medium");
    }

    @ParameterizedTest
    @CsvSource({"small,SMALL", "SMALL,SMALL", "Medium,MEDIUM", "' large ',LARGE"})
    void parse_by_name_case_insensitively(String name, NamedTier expected) {
        assertThat(NamedTier.parse(name)).isEqualTo(expected);
    }

    @Test
    void an_unknown_name_fails_naming_the_allowed_values() {
        assertThatThrownBy(() -> NamedTier.parse("huge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown load tier 'huge'; allowed: small (2), medium (20), large (50)");
        assertThatThrownBy(() -> NamedTier.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowed: small (2), medium (20), large (50)");
    }
}
