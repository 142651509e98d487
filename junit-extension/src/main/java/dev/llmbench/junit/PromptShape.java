package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Input and output tokens per request; repeatable: each {@link BenchmarkTest} runs once per tier × shape.
 *
 * <p>Three forms (per side, fixed and distribution are exclusive; a preset excludes everything else):
 * <ul>
 *   <li>fixed: {@code @PromptShape(inputTokens = 100, outputTokens = 1000)};</li>
 *   <li>a normal distribution clipped to [min, max]: {@code @PromptShape(inputMean = 500, inputStddev = 200,
 *       outputMean = 250, outputStddev = 100)}; min and max default to mean ∓ 3·stddev (at least 1);</li>
 *   <li>a preset: {@code @PromptShape(preset = "short-in-long-out")}; allowed: {@code short-in-short-out},
 *       {@code short-in-long-out}, {@code long-in-short-out}, {@code chat}.</li>
 * </ul>
 * {@code 0} means "not set"; a negative count fails the test template at once. The method's shapes replace the
 * class's. Without any, the harness default {@code short-in-short-out} (128 → 128 tokens) is used.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(PromptShapes.class)
public @interface PromptShape {

    /** A preset name; excludes every other attribute. */
    String preset() default "";

    /** Fixed prompt tokens, ≥ 1. */
    int inputTokens() default 0;

    /** Fixed output tokens ({@code max_tokens}), ≥ 1. */
    int outputTokens() default 0;

    /** Mean prompt tokens of a distribution. */
    double inputMean() default 0;

    /** Standard deviation of prompt tokens, ≥ 0. */
    double inputStddev() default 0;

    /** Lower clip of prompt tokens; 0 = mean − 3·stddev (at least 1). */
    int inputMin() default 0;

    /** Upper clip of prompt tokens; 0 = mean + 3·stddev. */
    int inputMax() default 0;

    /** Mean output tokens of a distribution. */
    double outputMean() default 0;

    /** Standard deviation of output tokens, ≥ 0. */
    double outputStddev() default 0;

    /** Lower clip of output tokens; 0 = mean − 3·stddev (at least 1). */
    int outputMin() default 0;

    /** Upper clip of output tokens; 0 = mean + 3·stddev. */
    int outputMax() default 0;
}
