package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long each benchmark invocation measures (as JMH's {@code @Measurement}): {@link #requests()} measured
 * requests and/or {@link #seconds()} of measured sending, whichever bound is reached first.
 *
 * <p>{@code -1} (the default) means "not set here"; {@code 0} means no bound of that kind (but one of the two must
 * be positive). Keys {@code llmbench.requests} and {@code llmbench.seconds}; built-in default,
 * when neither is set in any layer: {@code 100} requests. A method's annotation
 * overrides the class's, attribute by attribute.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Measurement {

    /** Measured requests, ≥ 0 (0 = no count bound); -1 = not set here. */
    long requests() default -1;

    /** Measured seconds, ≥ 0 (0 = no time bound); -1 = not set here. */
    double seconds() default -1;
}
