package dev.llmbench.harness.compare;

import dev.llmbench.harness.result.BenchmarkResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a result is a measurement of, beyond its benchmark name: the model and endpoint from its configuration, and
 * the label that tells results apart in reports and messages when several endpoints or models ran the same benchmark.
 */
public final class ResultIdentity {

    private ResultIdentity() {
    }

    /** The configured model ({@code configuration.model}), or "" when absent. */
    public static String model(BenchmarkResult r) {
        String m = r.configuration().model();
        return m == null ? "" : m;
    }

    /** The endpoint URL ({@code configuration.endpoint.url}, credentials already stripped), or "" when absent. */
    public static String endpoint(BenchmarkResult r) {
        String url = r.configuration().endpointUrl();
        return url == null ? "" : url;
    }

    /** The wire protocol's name ({@code configuration.endpoint.protocol}, e.g. {@code openai-chat}), or "" when absent. */
    public static String protocol(BenchmarkResult r) {
        var e = r.configuration().endpoint();
        return e == null || e.protocol() == null ? "" : e.protocol();
    }

    /**
     * One label per result, in order: the benchmark name when no other result in {@code results} has that name;
     * otherwise {@code name [model]}, or {@code name [model @ url]} when the model does not tell them apart either
     * (and {@code #2}, {@code #3}… when nothing does).
     */
    public static List<String> labels(List<BenchmarkResult> results) {
        Map<String, Integer> byName = new HashMap<>();
        Map<String, Integer> byNameModel = new HashMap<>();
        Map<String, Integer> byAll = new HashMap<>();
        for (BenchmarkResult r : results) {
            byName.merge(r.name(), 1, Integer::sum);
            byNameModel.merge(r.name() + "\u0000" + model(r), 1, Integer::sum);
            byAll.merge(r.name() + "\u0000" + model(r) + "\u0000" + endpoint(r), 1, Integer::sum);
        }
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (BenchmarkResult r : results) {
            String label;
            if (byName.get(r.name()) == 1) {
                label = r.name();
            } else if (byNameModel.get(r.name() + "\u0000" + model(r)) == 1) {
                label = r.name() + " [" + model(r) + "]";
            } else {
                label = r.name() + " [" + model(r) + " @ " + endpoint(r) + "]";
                if (byAll.get(r.name() + "\u0000" + model(r) + "\u0000" + endpoint(r)) > 1) {
                    int n = seen.merge(label, 1, Integer::sum);
                    if (n > 1) label = label + " #" + n;
                }
            }
            labels.add(label);
        }
        return labels;
    }

    /** True when {@code a} and {@code b} measured the same model at the same endpoint. */
    static boolean sameTarget(BenchmarkResult a, BenchmarkResult b) {
        return Objects.equals(model(a), model(b)) && Objects.equals(endpoint(a), endpoint(b));
    }
}
