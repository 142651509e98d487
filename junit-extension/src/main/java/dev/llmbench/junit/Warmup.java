package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Warmup before each benchmark invocation (as JMH's {@code @Warmup}): the first {@link #requests()} requests, and
 * the requests intended to start within the first {@link #seconds()}, are sent but excluded from every metric.
 *
 * <p>{@code -1} (the default) means "not set here"; {@code 0} means no warmup of that kind. Keys
 * {@code llmbench.warmupRequests} and {@code llmbench.warmupSeconds}; built-in default: no
 * warmup. A method's annotation overrides the class's, attribute by attribute.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Warmup {

    /** Warmup requests, ≥ 0; -1 = not set here. */
    long requests() default -1;

    /** Warmup time in seconds, ≥ 0; -1 = not set here. */
    double seconds() default -1;
}
