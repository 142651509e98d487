package dev.llmbench.harness;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The harness's packages in layers, lowest first; a package may use only the layers below it, and no packages form
 * a cycle. A newcomer finds where a change belongs by this order:
 * <pre>
 *   endpoint (+ sse, http, openai)   talking to servers; redaction of what they send
 *   workload.tokenizer               tokenizers
 *   workload                         prompt shapes, prompt sources
 *   metrics                          recording and summaries; the metric vocabulary
 *   load                             load models and the scheduler
 *   cost                             prices and cost figures
 *   result                           result files, merging
 *   slo                              service-level objectives
 *   compare                          baselines and the check
 *   report                           HTML and Markdown
 *   (root) Benchmark                 one benchmark run
 *   sweep                            capacity search: benchmarks stepped over concurrency
 *   ratelimit                        rate-limit probe: benchmarks stepped over arrival rate
 *   settings                         every llmbench.* key, layered
 *   plan                             the plan every front-end makes from settings, and running it
 * </pre>
 */
class LayeringTest {

    private static final String H = "dev.llmbench.harness";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(H);

    /** Lowest first: each layer's name and its packages. */
    private static final String[][] LAYERS = {
            {"endpoint", H + ".endpoint.."},
            {"tokenizer", H + ".workload.tokenizer.."},
            {"workload", H + ".workload"},
            {"metrics", H + ".metrics.."},
            {"load", H + ".load.."},
            {"cost", H + ".cost.."},
            {"result", H + ".result.."},
            {"slo", H + ".slo.."},
            {"compare", H + ".compare.."},
            {"report", H + ".report.."},
            {"benchmark", H},
            {"sweep", H + ".sweep.."}, // capacity search: runs Benchmarks step by step
            {"ratelimit", H + ".ratelimit.."}, // rate-limit probe: runs Benchmarks at rising arrival rates
            {"settings", H + ".settings.."},
            {"plan", H + ".plan.."},
    };

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        Architectures.LayeredArchitecture arch = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) arch = arch.layer(layer[0]).definedBy(layer[1]);
        for (int i = 0; i < LAYERS.length; i++) {
            String[] above = new String[LAYERS.length - i - 1];
            for (int k = i + 1; k < LAYERS.length; k++) above[k - i - 1] = LAYERS[k][0];
            arch = above.length == 0 ? arch.whereLayer(LAYERS[i][0]).mayNotBeAccessedByAnyLayer()
                    : arch.whereLayer(LAYERS[i][0]).mayOnlyBeAccessedByLayers(above);
        }
        arch.check(CLASSES);
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching(H + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
