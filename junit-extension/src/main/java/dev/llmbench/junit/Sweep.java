package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A capacity search instead of the load tiers ({@code llmbench.sweep=true}): one invocation finds the highest
 * concurrency at which the first prompt shape meets every {@link Slo} (at least one is required), and its result is
 * the step at that capacity with {@code max_concurrency_meeting_slo}. Each step runs the {@link Measurement} bounds.
 *
 * <p>Attributes left at their sentinel ({@code -1}, {@code ""}) are not set here: keys
 * {@code llmbench.sweepMaxConcurrency} (64), {@code llmbench.sweepResolution} (1), {@code llmbench.sweepBudget} (30m),
 * {@code llmbench.sweepMaxErrorRate} (5%). A method's annotation overrides the class's, attribute by attribute.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Sweep {

    /** Highest concurrency tried, ≥ 1; -1 = not set here. */
    int maxConcurrency() default -1;

    /** Narrowing stops when first failing − last passing concurrency ≤ this, ≥ 1; -1 = not set here. */
    int resolution() default -1;

    /** No step starts after this much time ({@code "10m"}, {@code "90s"}); "" = not set here. */
    String budget() default "";

    /** A step with more failed requests than this stops the search ({@code "5%"}, {@code "0.05"}); "" = not set here. */
    String maxErrorRate() default "";
}
