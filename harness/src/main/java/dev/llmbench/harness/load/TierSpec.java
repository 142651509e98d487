package dev.llmbench.harness.load;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One load tier of a benchmark (a test method or an ad-hoc run): the load model, its display label and a file-name-safe slug.
 *
 * @param load  the load model
 * @param label e.g. {@code medium: 20 concurrent}, {@code 8 concurrent}, {@code poisson 5.0 rps}, {@code burst 10 ×2 every 1s}
 * @param slug  e.g. {@code medium-c20}, {@code c8}, {@code poisson-5.0rps}, {@code burst-10x2}
 */
public record TierSpec(LoadModel load, String label, String slug) {

    public TierSpec {
        Objects.requireNonNull(load);
        Objects.requireNonNull(label);
        Objects.requireNonNull(slug);
    }

    /** A closed-loop tier; 2, 20 and 50 users read as the named tiers small, medium and large. */
    public static TierSpec concurrency(int users) {
        LoadModel model = LoadModel.concurrency(users);
        for (NamedTier t : NamedTier.values()) {
            if (t.concurrency() == users) {
                return new TierSpec(model, t.displayName() + ": " + users + " concurrent", t.displayName() + "-c" + users);
            }
        }
        return new TierSpec(model, users + " concurrent", "c" + users);
    }

    /** An open-loop tier at {@code rate} requests per second. */
    public static TierSpec rate(double rate, ArrivalProcess process, int maxConcurrency) {
        LoadModel.ArrivalRate model = LoadModel.arrivalRate(rate, process);
        if (maxConcurrency > 0) model = model.withMaxConcurrency(maxConcurrency);
        String proc = process instanceof ArrivalProcess.Gamma g ? "gamma(" + fmt(g.burstiness()) + ")" : process.name();
        String label = proc + " " + rate + " rps";
        String slug = process.name() + "-" + rate + "rps";
        if (maxConcurrency > 0) {
            label += " (max " + maxConcurrency + " in flight)";
            slug += "-max" + maxConcurrency;
        }
        return new TierSpec(model, label, slug);
    }

    /** A burst tier. */
    public static TierSpec burst(LoadModel.Burst burst) {
        String label = "burst " + burst.size();
        String slug = "burst-" + burst.size();
        if (burst.repeats() > 1) {
            label += " ×" + burst.repeats() + " every " + fmt(burst.interval().toNanos() / 1e9) + "s";
            slug += "x" + burst.repeats();
        }
        return new TierSpec(burst, label, slug);
    }

    /** A number without trailing zeros ({@code 5}, {@code 2.5}), for labels and slugs. */
    public static String fmt(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
