package dev.llmbench.harness.endpoint.http;

import dev.llmbench.harness.Benchmark;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the HTTP client at the end of a run reports nothing: HttpCore's immediate close used to race the reactor
 * thread (ConcurrentModificationException or ClosedSelectorException on stderr, about one run in twenty here). A
 * race: many short runs make it show; before the fix 150 runs showed 7 errors.
 */
class ClientShutdownIT {

    @Test
    void manyShortRunsCloseTheirClientWithoutAnyReactorError() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Simulator sim = Simulator.start(Profile.fast())) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 100; i++) {
                Benchmark.builder("close-" + i).endpoint(sim.baseUri().toString()).model("m")
                        .load(LoadModel.concurrency(1 + i % 4)).promptShape(RequestShape.of(8, 8))
                        .maxRequests(6).build().run();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("I/O reactor error");
    }
}
