package dev.llmbench.harness.plan;

import dev.llmbench.harness.compare.CompareOptions;
import dev.llmbench.harness.cost.CostFloor;
import dev.llmbench.harness.cost.Gpu;
import dev.llmbench.harness.cost.GpuCatalog;
import dev.llmbench.harness.cost.ModelSize;
import dev.llmbench.harness.cost.Pricing;
import dev.llmbench.harness.endpoint.EndpointConfig;
import dev.llmbench.harness.endpoint.Timeouts;
import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.endpoint.Redaction;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.SettingValue;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.harness.slo.Objective;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Makes a {@link BenchmarkPlan} from settings, checking each value where it is read. Stateless. */
final class PlanReader {

    private PlanReader() {
    }

    static BenchmarkPlan read(LayeredSettings s) {
        String name = name(s);
        List<TierSpec> tiers = TierReader.read(s);
        List<ShapeSpec> shapes = ShapeReader.read(s);
        List<PlannedRun> runs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (TierSpec tier : tiers) {
            for (ShapeSpec shape : shapes) {
                index++;
                String runName = name + "-" + tier.slug() + "-" + shape.slug();
                // The same tier or shape given twice (2,small): keep both runs, never let one file overwrite the other.
                if (!names.add(runName)) runName = runName + "-" + index;
                names.add(runName);
                runs.add(new PlannedRun(runName, tier, shape));
            }
        }
        String protocol = s.get(Settings.PROTOCOL);
        String apiKeyEnv = s.get(Settings.API_KEY_ENV);
        Optional<SettingValue> endpoint = s.find(Settings.ENDPOINT).filter(v -> !v.raw().equalsIgnoreCase("simulator"));
        Optional<String> model = s.find(Settings.MODEL).map(SettingValue::raw);
        Pricing pricing = pricing(s);
        Timeouts timeouts = new Timeouts(s.get(Settings.TIMEOUT_CONNECT), s.get(Settings.TIMEOUT_FIRST_TOKEN),
                s.get(Settings.TIMEOUT_IDLE), s.get(Settings.TIMEOUT_TOTAL));
        BenchmarkPlan.Responses responses = new BenchmarkPlan.Responses(s.get(Settings.MAX_EVENT_BYTES).intValue(),
                s.get(Settings.MAX_BODY_BYTES).intValue(), s.get(Settings.STRICT_SSE));
        BenchmarkPlan.OutputLengthFields lengthFields = new BenchmarkPlan.OutputLengthFields(s.get(Settings.SEND_MIN_TOKENS),
                s.get(Settings.SEND_IGNORE_EOS));
        Target target;
        String modelName;
        if (endpoint.isPresent()) {
            target = remote(endpoint.get(), apiKeyEnv, timeouts, responses, lengthFields);
            modelName = model.orElseThrow(() -> SettingsException.of(Settings.MODEL.key(), "a model name is required for endpoint "
                    + target.display() + ": set -Dllmbench.model=…, LLMBENCH_MODEL, @LlmBenchmark(model = \"…\") or the plugin's <model>"));
        } else {
            SettingValue profileName = s.find(Settings.SIMULATOR_PROFILE).orElseThrow();
            SimulatorProfile profile;
            try {
                profile = EmbeddedSimulators.provider().profile(profileName.raw());
            } catch (IllegalArgumentException e) {
                throw SettingsException.at(profileName, e.getMessage());
            }
            target = new Target.Simulated(profile, s.get(Settings.SIMULATOR_PERSONALITY));
            modelName = model.orElse(profile.modelName());
            if (pricing == null) pricing = profile.pricing();
        }
        String tokenizerSpec = s.find(Settings.TOKENIZER).map(SettingValue::raw).orElse(null);
        Tokenizer tokenizer = null;
        if (tokenizerSpec != null) {
            try {
                tokenizer = Tokenizers.fromSpec(tokenizerSpec);
            } catch (RuntimeException e) {
                throw SettingsException.at(s.find(Settings.TOKENIZER).orElseThrow(), String.valueOf(e.getMessage()));
            }
        }
        return new BenchmarkPlan(name, runs, target, modelName, protocol, apiKeyEnv, timeouts, tokenizerSpec, tokenizer, pricing,
                slos(s), bounds(s), s.get(Settings.OUTPUT_DIRECTORY), s.get(Settings.PROGRESS_SECONDS),
                s.get(Settings.ALLOW_ALL_FAILED), s.get(Settings.BACKOFF), responses, lengthFields, sweep(s));
    }

    private static String name(LayeredSettings s) {
        SettingValue v = s.find(Settings.NAME).orElseThrow();
        if (!v.raw().matches("[A-Za-z0-9._$-]{1,80}")) {
            throw SettingsException.at(v, "'" + v.raw() + "' is not a benchmark name; allowed: " + Settings.NAME.allowed());
        }
        return v.raw();
    }

    private static Target remote(SettingValue v, String apiKeyEnv, Timeouts timeouts, BenchmarkPlan.Responses responses,
                                 BenchmarkPlan.OutputLengthFields lengthFields) {
        String raw = v.raw();
        String safe = Redaction.stripCredentials(raw);
        try {
            return new Target.Remote(safe, lengthFields.applyTo(responses.applyTo(EndpointConfig.builder(raw).apiKeyEnv(apiKeyEnv)
                    .timeouts(timeouts))).build(), v);
        } catch (IllegalArgumentException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().replace(raw, safe);
            throw SettingsException.at(v, "'" + safe + "' is not a usable endpoint URL: " + detail + "; allowed: "
                    + Settings.ENDPOINT.allowed());
        }
    }

    private static List<String> slos(LayeredSettings s) {
        List<String> out = new ArrayList<>();
        for (LayeredSettings.Item item : s.list(Settings.SLO)) {
            try {
                Objective.parse(item.text());
            } catch (IllegalArgumentException e) {
                throw SettingsException.at(item.from(), e.getMessage());
            }
            if (!out.contains(item.text())) out.add(item.text());
        }
        return out;
    }

    /** The sweep when {@code llmbench.sweep} is on (it needs SLOs), else null. */
    private static BenchmarkPlan.Sweep sweep(LayeredSettings s) {
        if (!s.get(Settings.SWEEP)) return null;
        if (s.list(Settings.SLO).stream().allMatch(item -> PlanSweep.isCapacity(item.text()))) {
            throw SettingsException.at(s.find(Settings.SWEEP).orElseThrow(), "a sweep searches the highest concurrency meeting "
                    + "the SLOs, and none that judges a step is set (max_concurrency_meeting_slo judges only the outcome): set "
                    + Settings.SLO.key() + ", e.g. -Dllmbench.slo=\"p90(ttft) < 800ms\"");
        }
        SettingValue errorText = s.find(Settings.SWEEP_MAX_ERROR_RATE).orElseThrow();
        double maxErrorRate;
        try {
            maxErrorRate = CompareOptions.parseTolerance(errorText.raw(), Settings.SWEEP_MAX_ERROR_RATE.key());
        } catch (IllegalArgumentException e) {
            maxErrorRate = -1;
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw SettingsException.at(errorText, "'" + errorText.raw() + "' is not an error rate; allowed: "
                    + Settings.SWEEP_MAX_ERROR_RATE.allowed());
        }
        return new BenchmarkPlan.Sweep(s.get(Settings.SWEEP_MAX_CONCURRENCY).intValue(), s.get(Settings.SWEEP_RESOLUTION).intValue(),
                s.get(Settings.SWEEP_BUDGET), maxErrorRate);
    }

    private static BenchmarkPlan.Bounds bounds(LayeredSettings s) {
        Long requests = s.get(Settings.REQUESTS);
        Double seconds = s.get(Settings.SECONDS);
        long maxRequests;
        double maxSeconds;
        if (requests == null && seconds == null) {
            maxRequests = BenchmarkPlan.DEFAULT_REQUESTS;
            maxSeconds = 0;
        } else {
            maxRequests = requests == null ? 0 : requests;
            maxSeconds = seconds == null ? 0 : seconds;
            if (maxRequests == 0 && maxSeconds == 0) {
                SettingValue blame = s.find(requests != null ? Settings.REQUESTS : Settings.SECONDS).orElseThrow();
                throw SettingsException.at(blame, "a benchmark needs a bound: set " + Settings.REQUESTS.key()
                        + " (@Measurement(requests)) > 0 or " + Settings.SECONDS.key() + " (@Measurement(seconds)) > 0");
            }
        }
        return new BenchmarkPlan.Bounds(maxRequests, duration(maxSeconds), s.get(Settings.WARMUP_REQUESTS),
                duration(s.get(Settings.WARMUP_SECONDS)));
    }

    private static Pricing pricing(LayeredSettings s) {
        Double in = s.get(Settings.INPUT_PRICE);
        Double cached = s.get(Settings.CACHED_INPUT_PRICE);
        Double cacheWrite = s.get(Settings.CACHE_WRITE_PRICE);
        Double out = s.get(Settings.OUTPUT_PRICE);
        Double gpuHour = s.get(Settings.GPU_PRICE_PER_HOUR);
        Long gpus = s.get(Settings.GPU_COUNT);
        double gpuPrice = gpuHour == null ? 0 : gpuHour;
        Gpu gpu = gpu(s);
        ModelSize size = modelSize(s);
        if (gpu != null || size != null) {
            SettingValue blame = s.find(gpu != null ? Settings.GPU : Settings.MODEL_PARAMETERS).orElseThrow();
            if (gpu == null || size == null) {
                throw SettingsException.at(blame, "the cost floor needs both " + Settings.GPU.key() + " and "
                        + Settings.MODEL_PARAMETERS.key());
            }
            if (gpuPrice == 0) throw SettingsException.at(blame, "the cost floor needs a GPU price: set " + Settings.GPU_PRICE_PER_HOUR.key());
        }
        if (zero(in) && zero(out) && zero(cached) && gpuPrice == 0) return null;
        int defaultGpus = gpu != null && gpu.memoryKnown() ? CostFloor.fewestGpus(size, gpu) : 1;
        int gpuCount = gpuPrice > 0 ? (gpus == null ? defaultGpus : gpus.intValue()) : 0;
        return new Pricing(in == null ? 0 : in, cached == null ? -1 : cached, out == null ? 0 : out, gpuPrice, gpuCount, 0, 0,
                "configured", cacheWrite == null ? -1 : cacheWrite).withServing(gpu, size);
    }

    private static Gpu gpu(LayeredSettings s) {
        Optional<SettingValue> name = s.find(Settings.GPU);
        if (name.isEmpty()) return null;
        GpuCatalog catalog;
        try {
            catalog = GpuCatalog.load(s.get(Settings.GPU_CATALOG));
        } catch (IllegalArgumentException e) {
            throw SettingsException.at(s.find(Settings.GPU_CATALOG).orElseThrow(), e.getMessage());
        }
        try {
            return catalog.get(name.get().raw());
        } catch (IllegalArgumentException e) {
            throw SettingsException.at(name.get(), e.getMessage());
        }
    }

    private static ModelSize modelSize(LayeredSettings s) {
        Double total = s.get(Settings.MODEL_PARAMETERS);
        Double active = s.get(Settings.MODEL_ACTIVE_PARAMETERS);
        if (total == null) {
            if (active != null) {
                throw SettingsException.at(s.find(Settings.MODEL_ACTIVE_PARAMETERS).orElseThrow(), "needs "
                        + Settings.MODEL_PARAMETERS.key() + " (the total) too");
            }
            return null;
        }
        try {
            return new ModelSize(total, active == null ? total : active, s.get(Settings.BYTES_PER_PARAMETER));
        } catch (IllegalArgumentException e) {
            throw SettingsException.at(s.find(active != null ? Settings.MODEL_ACTIVE_PARAMETERS : Settings.MODEL_PARAMETERS)
                    .orElseThrow(), e.getMessage());
        }
    }

    private static boolean zero(Double d) {
        return d == null || d == 0;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
