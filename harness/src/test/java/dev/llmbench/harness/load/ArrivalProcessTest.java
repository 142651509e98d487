package dev.llmbench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArrivalProcessTest {

    @Test
    void burstiness_follows_the_vllm_convention() {
        assertThat(ArrivalProcess.POISSON.burstiness()).isEqualTo(1.0);
        assertThat(ArrivalProcess.CONSTANT.burstiness()).isInfinite();
        assertThat(ArrivalProcess.gamma(0.5).burstiness()).isEqualTo(0.5);
        assertThat(ArrivalProcess.gamma(0.5)).isEqualTo(ArrivalProcess.gamma(0.5));
    }

    @Test
    void parses_names_case_insensitively() {
        assertThat(ArrivalProcess.parse("Constant")).isSameAs(ArrivalProcess.CONSTANT);
        assertThat(ArrivalProcess.parse(" poisson ")).isSameAs(ArrivalProcess.POISSON);
        assertThat(ArrivalProcess.parse("gamma:0.25")).isEqualTo(ArrivalProcess.gamma(0.25));
        assertThat(ArrivalProcess.parse("GAMMA(4)")).isEqualTo(ArrivalProcess.gamma(4));
    }

    @Test
    void an_unknown_process_fails_naming_the_allowed_forms() {
        assertThatThrownBy(() -> ArrivalProcess.parse("uniform"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown arrival process 'uniform'; allowed: constant, poisson, gamma:<burstiness> (e.g. gamma:0.5)");
        assertThatThrownBy(() -> ArrivalProcess.parse("gamma:abc"))
                .hasMessageContaining("burstiness 'abc' is not a number");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, 0.0009, Double.NaN, Double.POSITIVE_INFINITY})
    void rejects_burstiness_outside_the_allowed_range(double b) {
        assertThatThrownBy(() -> ArrivalProcess.gamma(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("burstiness must be a finite number in [0.001, 1000000] (1 = Poisson, < 1 burstier, "
                        + "> 1 more uniform), was " + b);
    }
}
