package dev.llmbench.simulator.embedded;

import dev.llmbench.harness.plan.BenchmarkPlan;
import dev.llmbench.harness.plan.PlanBuilder;
import dev.llmbench.harness.plan.PlanRunner;
import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.harness.result.ResultFiles;
import dev.llmbench.harness.settings.LayeredSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code llmbench.protocol=realtime} with no endpoint: the plan runs against the simulator's Realtime WebSocket server. */
class RealtimePlanIT {

    @Test
    void llmbenchRunSpeaksRealtimeToTheSimulatorAndRecordsTheProtocol(@TempDir Path dir) throws Exception {
        PlanBuilder b = BenchmarkPlan.builder().protocol("realtime").concurrency("2").shape("16:6").requests(6).outputDirectory(dir);
        BenchmarkPlan plan = BenchmarkPlan.from(LayeredSettings.of(List.of(b.layer())));

        List<PlanRunner.Outcome> outcomes = PlanRunner.run(plan, line -> { });

        BenchmarkResult r = ResultFiles.read(outcomes.get(0).file());
        assertThat(r.counts().succeeded()).isEqualTo(6);
        assertThat(r.counts().failed()).isZero();
        assertThat(r.configuration().endpoint().protocol()).isEqualTo("openai-realtime");
        assertThat(r.configuration().endpoint().url()).endsWith("/v1/realtime").startsWith("ws://127.0.0.1:");
        assertThat(r.tokens().output()).isEqualTo(36);
    }
}
