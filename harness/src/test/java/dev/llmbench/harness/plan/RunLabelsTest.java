package dev.llmbench.harness.plan;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.TokenCount;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The tier and shape parts of run names and labels (JUnit display names, llmbench:run log lines). */
class RunLabelsTest {

    @Test
    void concurrencyTiersMatchingTheLeaderboardLevelsAreNamed() {
        assertThat(TierSpec.concurrency(2).label()).isEqualTo("small: 2 concurrent");
        assertThat(TierSpec.concurrency(20).label()).isEqualTo("medium: 20 concurrent");
        assertThat(TierSpec.concurrency(50).label()).isEqualTo("large: 50 concurrent");
        assertThat(TierSpec.concurrency(8).label()).isEqualTo("8 concurrent");
        assertThat(TierSpec.concurrency(20).slug()).isEqualTo("medium-c20");
    }

    @Test
    void openLoopTiers() {
        assertThat(TierSpec.rate(5.0, ArrivalProcess.POISSON, 0).label()).isEqualTo("poisson 5.0 rps");
        assertThat(TierSpec.rate(2.5, ArrivalProcess.CONSTANT, 8).label()).isEqualTo("constant 2.5 rps (max 8 in flight)");
        assertThat(TierSpec.rate(5.0, ArrivalProcess.gamma(0.5), 0).label()).isEqualTo("gamma(0.5) 5.0 rps");
        assertThat(TierSpec.burst(LoadModel.burst(10, 2, Duration.ofSeconds(1))).label()).isEqualTo("burst 10 ×2 every 1s");
        assertThat(TierSpec.burst(LoadModel.burst(10)).label()).isEqualTo("burst 10");
    }

    @Test
    void shapes() {
        assertThat(ShapeSpec.of(RequestShape.of(100, 1000)).label()).isEqualTo("100→1000 tokens");
        assertThat(ShapeSpec.of(RequestShape.preset("short-in-long-out")).label()).isEqualTo("short-in-long-out 100→1000 tokens");
        assertThat(ShapeSpec.of(RequestShape.preset("chat")).label()).isEqualTo("chat 550±200→150±60 tokens");
        assertThat(ShapeSpec.of(RequestShape.of(TokenCount.normal(300, 50, 100, 500), TokenCount.fixed(64))).label())
                .isEqualTo("300±50→64 tokens");
    }
}
