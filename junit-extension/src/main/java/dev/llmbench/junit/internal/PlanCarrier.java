package dev.llmbench.junit.internal;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered with exactly one invocation of a benchmark test: puts that invocation's {@link InvocationPlan} into
 * the invocation's own store, where {@link LlmBenchEngine#run} finds it (in {@code beforeTestExecution}, which
 * follows every {@code beforeEach}).
 */
final class PlanCarrier implements BeforeEachCallback {

    private final InvocationPlan plan;

    PlanCarrier(InvocationPlan plan) {
        this.plan = plan;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(LlmBenchEngine.NAMESPACE).put(LlmBenchEngine.PLAN, plan);
    }
}
