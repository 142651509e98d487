package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTest {

    @Test
    void namedProfilesCarryTheirHardware() {
        Profile llama = Profile.named("llama-2-70b-4xa100");
        assertThat(llama.gpuCount()).isEqualTo(4);
        assertThat(llama.weightBytes()).isEqualTo(140e9);
        assertThat(llama.hbmBytesPerSecond()).isEqualTo(2.039e12);
        assertThat(llama.peakFlopsPerSecond()).isEqualTo(312e12);
        assertThat(Profile.named("MIXTRAL-8x7b-2xh100").gpuCount()).isEqualTo(2);
        assertThat(Profile.named("fast").name()).isEqualTo("fast");
        for (String name : Profile.NAMES) {
            assertThat(Profile.named(name).name()).isEqualTo(name);
        }
    }

    @Test
    void unknownNameListsTheAllowedOnes() {
        assertThatThrownBy(() -> Profile.named("gpt-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-9")
                .hasMessageContaining("llama-2-70b-4xa100")
                .hasMessageContaining("mixtral-8x7b-2xh100")
                .hasMessageContaining("fast");
    }

    @Test
    void fixedStepProfile() {
        Profile p = Profile.fixedStep("bench-20ms", 20_000);
        assertThat(p.fixedStepMicros()).isEqualTo(20_000);
        assertThat(p.name()).isEqualTo("bench-20ms");
        assertThatThrownBy(() -> Profile.fixedStep("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void validatesFigures() {
        assertThatThrownBy(() -> Profile.fast().withKvCapacityTokens(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kvCapacityTokens");
        assertThat(Profile.fast().withDefaultMaxTokens(8).defaultMaxTokens()).isEqualTo(8);
    }
}
