package dev.llmbench.maven;

import dev.llmbench.harness.compare.CheckOutcome;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** How {@code check} and {@code run} end on a {@link CheckOutcome}: log it, and fail the build unless only warning. */
final class Verdicts {

    private Verdicts() {
    }

    /**
     * @throws MojoFailureException with the outcome's summary (every violation and regression) when it failed and
     *                              {@code warnOnly} is false
     */
    static void apply(CheckOutcome outcome, boolean warnOnly, Log log) throws MojoFailureException {
        if (outcome.passed()) {
            for (String line : outcome.summary().split("\n")) log.info(line);
            return;
        }
        if (!warnOnly) throw new MojoFailureException(outcome.summary());
        for (String line : outcome.summary().split("\n")) log.warn(line);
        log.warn("llmbench: the check failed, but llmbench.warnOnly is true: the build goes on");
    }
}
