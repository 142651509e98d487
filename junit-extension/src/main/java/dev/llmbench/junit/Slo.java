package dev.llmbench.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service-level objective every invocation of a {@link BenchmarkTest} must meet, in the harness's SLO grammar:
 * {@code p90(ttft) < 800ms}, {@code mean(tpot) <= 40ms}, {@code error_rate < 1%},
 * {@code output_throughput >= 500tok/s}, … Repeatable; the class's and the method's SLOs all apply.
 *
 * <p>After the test method's body, an invocation whose run violated an SLO fails with a table of every SLO, the
 * measured value, the limit and the verdict. A malformed expression fails the test template before anything runs,
 * with a message pointing at the offending token.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Slos.class)
public @interface Slo {

    /** The SLO expression, e.g. {@code p90(ttft) < 800ms}. */
    String value();
}
