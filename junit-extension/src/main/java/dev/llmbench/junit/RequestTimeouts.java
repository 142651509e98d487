package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Per-request timeouts of a benchmark: a request that trips one fails as that kind of timeout, and the run goes on.
 * Durations as text: {@code "500ms"}, {@code "10s"}, {@code "2m"}; {@code "0"} = no limit; {@code ""} (the default) =
 * not set here. Keys {@code llmbench.timeouts.connect}, {@code .firstToken}, {@code .idle}, {@code .total}; built-in
 * defaults 10 s, 120 s, 60 s and 10 min. A method's annotation overrides the class's, attribute by attribute.
 * (Named so as not to clash with JUnit's own {@code @Timeout}, which bounds the whole test method.)
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RequestTimeouts {

    /** Establishing the connection. */
    String connect() default "";

    /** From the send to the first generated output. */
    String firstToken() default "";

    /** The longest gap between two reads of a response (a stream that stalls). */
    String idle() default "";

    /** From the send to the end of the response (a stream that never ends, or ignores {@code max_tokens}). */
    String total() default "";
}
