package dev.llmbench.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A benchmark test: a {@link TestTemplate} invoked once per {@link LoadTier} tier × {@link PromptShape}, in that
 * order (tiers outer). Each invocation runs the benchmark <em>before</em> the method body, so the body can assert
 * on the {@code BenchmarkResult} parameter; after the body, a violated {@link Slo} fails the invocation.
 *
 * <p>Display names read {@code <method> [<tier>, <shape>]}, e.g. {@code chat [medium: 20 concurrent, 100→1000 tokens]},
 * {@code chat [8 concurrent, 100→1000 tokens]}, {@code chat [poisson 5.0 rps, short-in-long-out 100→1000 tokens]}.
 *
 * <pre>{@code
 * @BenchmarkTest
 * void chat(BenchmarkResult result) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(LlmBenchExtension.class)
@Tag("llmbench")
public @interface BenchmarkTest {
}
