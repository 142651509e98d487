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
 *   result                           result files, merging
 *   cost, slo                        judging a result: prices, service-level objectives
 *   compare                          baselines and the check
 *   report                           HTML and Markdown
 *   (root) Benchmark                 one benchmark run
 *   settings                         every llmbench.* key, layered
 *   plan                             the plan every front-end makes from settings, and running it
 * </pre>
 */
class LayeringTest {

    private static final String H = "dev.llmbench.harness";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(H);

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("endpoint").definedBy(H + ".endpoint..")
                .layer("tokenizer").definedBy(H + ".workload.tokenizer..")
                .layer("workload").definedBy(H + ".workload")
                .layer("metrics").definedBy(H + ".metrics..")
                .layer("load").definedBy(H + ".load..")
                .layer("result").definedBy(H + ".result..")
                .layer("cost").definedBy(H + ".cost..")
                .layer("slo").definedBy(H + ".slo..")
                .layer("compare").definedBy(H + ".compare..")
                .layer("report").definedBy(H + ".report..")
                .layer("benchmark").definedBy(H)
                .layer("settings").definedBy(H + ".settings..")
                .layer("plan").definedBy(H + ".plan..")
                .whereLayer("plan").mayNotBeAccessedByAnyLayer()
                .whereLayer("settings").mayOnlyBeAccessedByLayers("plan")
                .whereLayer("benchmark").mayOnlyBeAccessedByLayers("plan")
                .whereLayer("report").mayOnlyBeAccessedByLayers("benchmark", "plan")
                .whereLayer("compare").mayOnlyBeAccessedByLayers("report", "benchmark", "plan")
                .whereLayer("slo").mayOnlyBeAccessedByLayers("compare", "report", "benchmark", "plan")
                .whereLayer("cost").mayOnlyBeAccessedByLayers("compare", "report", "benchmark", "settings", "plan")
                .whereLayer("result").mayOnlyBeAccessedByLayers("cost", "slo", "compare", "report", "benchmark", "settings", "plan")
                .whereLayer("load").mayOnlyBeAccessedByLayers("result", "cost", "slo", "compare", "report", "benchmark",
                        "settings", "plan")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("load", "result", "cost", "slo", "compare", "report",
                        "benchmark", "settings", "plan")
                .whereLayer("workload").mayOnlyBeAccessedByLayers("metrics", "load", "result", "cost", "slo", "compare",
                        "report", "benchmark", "settings", "plan")
                .whereLayer("tokenizer").mayOnlyBeAccessedByLayers("workload", "metrics", "load", "result", "cost", "slo",
                        "compare", "report", "benchmark", "settings", "plan")
                .check(CLASSES);
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching(H + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
