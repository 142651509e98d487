package dev.llmbench.microbench.selfbench;

import dev.llmbench.harness.result.BenchmarkResult;
import dev.llmbench.simulator.Profile;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.SimulatorConfig;
import dev.llmbench.simulator.SimulatorStats;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Orchestrates the runs of {@link dev.llmbench.microbench.HarnessSelfBenchmark} and assembles its line. */
public final class SelfBench {

    /** The line's content and the harness's full result (for {@code --out}). */
    public record Result(Map<String, Object> line, BenchmarkResult harnessResult) { }

    private SelfBench() { }

    public static Result run(Options o) {
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (o.external()) {
            log("external endpoint " + o.endpoint() + ", " + o.streams() + " streams, " + o.seconds() + " s");
            HarnessRun.Outcome h = HarnessRun.run(o, o.endpoint(), null, null);
            Map<String, Object> line = h.figures().json(o.streams(), o.seconds());
            line.put("detail", h.figures().detailJson());
            line.put("config", config(o, loadAtStart));
            return new Result(line, h.result());
        }
        log("harness run: " + o.streams() + " streams, " + o.seconds() + " s, " + o.maxTokens() + " tokens/request");
        HarnessRun.Outcome h;
        try (Sim sim = Sim.start(o)) {
            String url = (o.protocol().equals("realtime") ? sim.simulator.realtimeUri() : sim.simulator.baseUri()).toString();
            h = HarnessRun.run(o, url, sim.simulator.emitLog(), sim.cpu);
            h.figures().simulator = simulatorJson(sim.simulator.stats());
        }
        RunFigures hf = h.figures();
        Map<String, Object> line = hf.json(o.streams(), o.seconds());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("harness", hf.detailJson());
        if (o.compareFloor()) {
            log("floor run: same load through a bare HttpClient 5 consumer");
            RunFigures ff;
            try (Sim sim = Sim.start(o)) {
                ff = FloorRun.run(o, sim.simulator.baseUri(), sim.simulator.emitLog(), sim.cpu);
                ff.simulator = simulatorJson(sim.simulator.stats());
            }
            line.put("floor", ff.json(o.streams(), o.seconds()));
            Map<String, Object> vs = new LinkedHashMap<>();
            vs.put("ttft_error_p99", ratio(hf.timing.ttftP99Nanos(), ff.timing.ttftP99Nanos()));
            vs.put("cpu_per_token", ratio(hf.cpuMicrosPerToken(), ff.cpuMicrosPerToken()));
            line.put("vs_floor", vs);
            detail.put("floor", ff.detailJson());
        }
        line.put("detail", detail);
        line.put("config", config(o, loadAtStart));
        return new Result(line, h.result());
    }

    private static Object ratio(double a, double b) {
        return b <= 0 || Double.isNaN(a) || Double.isNaN(b) ? null : RunFigures.round(a / b, 2);
    }

    private static Map<String, Object> simulatorJson(SimulatorStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_step_lag_us", RunFigures.round(s.meanStepLagMicros(), 1));
        m.put("max_step_lag_us", s.maxStepLagMicros());
        m.put("mean_step_work_us", RunFigures.round(s.meanStepWorkMicros(), 1));
        m.put("steps", s.steps());
        m.put("tokens_emitted", s.tokensEmitted());
        return m;
    }

    private static Map<String, Object> config(Options o, double loadAtStart) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", o.external() ? "external" : "simulator");
        m.put("protocol", o.protocol());
        m.put("max_tokens", o.maxTokens());
        m.put("output_tokens", o.outputTokens().describe());
        m.put("input_tokens", o.inputTokens());
        m.put("warmup_requests", o.warmupRequests());
        if (!o.external()) {
            m.put("step_us", o.stepMicros());
            m.put("sim_io_threads", o.simIoThreads() == 0 ? Runtime.getRuntime().availableProcessors() : o.simIoThreads());
        }
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("gc", CpuMeter.gcNames());
        m.put("heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
        m.put("jvm", System.getProperty("java.vm.version"));
        m.put("load_average_at_start", RunFigures.round(loadAtStart, 2));
        return m;
    }

    static void log(String s) {
        System.err.println("selfbench: " + s);
    }

    /** A simulator for one run, and the CPU meter over the threads it started. */
    private static final class Sim implements AutoCloseable {
        final Simulator simulator;
        final CpuMeter cpu;

        private Sim(Simulator simulator, CpuMeter cpu) {
            this.simulator = simulator;
            this.cpu = cpu;
        }

        static Sim start(Options o) {
            // Every take() frees its record; the capacity is a backstop above the requests of the run.
            long perStream = (long) Math.ceil(o.seconds() * 1_000_000.0 / (o.stepMicros() * (o.outputTokens().min() + 2.0))) + 3;
            int capacity = (int) Math.min(Integer.MAX_VALUE, Math.max(100_000, 2L * o.streams() * perStream + o.warmupRequests()));
            SimulatorConfig cfg = SimulatorConfig.builder(Profile.fixedStep("selfbench-20ms", o.stepMicros()))
                    .emitLogCapacity(capacity)
                    .ioThreads(o.simIoThreads())
                    .build();
            Set<Long> before = CpuMeter.liveThreadIds();
            Simulator s = Simulator.start(cfg);
            return new Sim(s, CpuMeter.threadsCreatedSince(before));
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
