package dev.llmbench.junit;

import dev.llmbench.harness.load.NamedTier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The load each {@link BenchmarkTest} is run at: one invocation per tier (times each {@link PromptShape}).
 * Set exactly one kind of load:
 *
 * <ul>
 *   <li>{@link #concurrency()}: closed loop, N virtual users each, e.g. {@code @LoadTier(concurrency = {2, 20, 50})};
 *       2, 20 and 50 are shown as the named tiers small, medium and large;</li>
 *   <li>{@link #tiers()}: the named tiers, {@code @LoadTier(tiers = {SMALL, MEDIUM, LARGE})} (2, 20, 50
 *       concurrent; a typo fails at compile time);</li>
 *   <li>{@link #rate()}: open loop, requests per second, spaced by {@link #distribution()}
 *       ({@code POISSON}, {@code CONSTANT} or {@code GAMMA} with {@link #burstiness()}), optionally capped by
 *       {@link #maxConcurrency()}: {@code @LoadTier(rate = 5.0, distribution = Arrival.POISSON)};</li>
 *   <li>{@link #burst()}: that many requests at once, {@link #repeats()} times every {@link #intervalSeconds()}:
 *       {@code @LoadTier(burst = 10, repeats = 2, intervalSeconds = 1)}.</li>
 * </ul>
 *
 * A method's annotation replaces the class's; a system property ({@code -Dllmbench.concurrency=…},
 * {@code llmbench.rate}, {@code llmbench.burst}) replaces both. Without any, {@code llmbench.concurrency}'s default
 * applies (1 user), as in every front-end. An annotation that
 * sets no load, or more than one kind, fails the test template at once with a message saying what is allowed.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface LoadTier {

    /** Closed-loop tiers: virtual users, each in [1, 100000]. */
    int[] concurrency() default {};

    /** Named closed-loop tiers: {@code SMALL} (2), {@code MEDIUM} (20), {@code LARGE} (50). */
    NamedTier[] tiers() default {};

    /** Open-loop tiers: mean arrival rates in requests per second, each &gt; 0. */
    double[] rate() default {};

    /** Spacing of open-loop arrivals (key {@code llmbench.arrival}). */
    Arrival distribution() default Arrival.POISSON;

    /** Gamma shape for {@code distribution = "gamma"} (vLLM's convention: 1 = Poisson, &lt; 1 burstier). */
    double burstiness() default 1.0;

    /** Cap on requests in flight for open-loop rates; 0 = no cap. */
    int maxConcurrency() default 0;

    /** Burst tiers: requests sent at once, each in [1, 100000]. */
    int[] burst() default {};

    /** How many bursts per tier, ≥ 1. */
    int repeats() default 1;

    /** Start-to-start gap between bursts, seconds, &gt; 0 when repeats &gt; 1. */
    double intervalSeconds() default 1.0;
}
