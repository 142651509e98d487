package dev.llmbench.harness.plan;

import java.nio.file.Path;

/**
 * A child JVM for {@link CtrlCIT}: runs a one-minute plan against the endpoint given, as {@code llmbench:run} and
 * plain Java do, writing its results to the directory given. Arguments: endpoint URL, output directory.
 */
public final class LongPlanMain {

    private LongPlanMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkPlan plan = BenchmarkPlan.builder()
                .name("ctrl-c")
                .endpoint(args[0])
                .model("m")
                .concurrency(4)
                .shape("16:50")
                .seconds(60)
                .outputDirectory(Path.of(args[1]))
                .build();
        PlanRunner.run(plan, line -> System.out.println("[plan] " + line));
    }
}
