package dev.llmbench.harness.sweep;

import java.util.List;

/**
 * The knee of a throughput curve: where throughput stops rising in proportion to the users added.
 *
 * <p>Definition: with the points ordered by concurrency, the <em>initial gain</em> is the lowest point's output
 * tokens/s per user, {@code T(c0) / c0}. The <em>marginal gain</em> between neighbours a &lt; b is
 * {@code (T(b) − T(a)) / (b − a)}, tokens/s per added user. The knee is the concurrency a of the first neighbours
 * whose marginal gain is below half the initial gain: beyond a, an added user brings less than half what the first
 * users did. Its precision is the curve's: between geometric steps 4 and 8, a knee at 6 shows as 4.
 */
public final class Knee {

    private Knee() {}

    /** The knee's concurrency, or 0 when throughput still rises in proportion (or fewer than two points). */
    public static int of(List<SweepPoint> curveByConcurrency) {
        if (curveByConcurrency.size() < 2) return 0;
        SweepPoint first = curveByConcurrency.get(0);
        double initialGainPerUser = first.outputTokensPerSecond() / first.concurrency();
        for (int i = 1; i < curveByConcurrency.size(); i++) {
            SweepPoint a = curveByConcurrency.get(i - 1);
            SweepPoint b = curveByConcurrency.get(i);
            double gainPerUser = (b.outputTokensPerSecond() - a.outputTokensPerSecond()) / (b.concurrency() - a.concurrency());
            if (gainPerUser < initialGainPerUser / 2) return a.concurrency();
        }
        return 0;
    }
}
