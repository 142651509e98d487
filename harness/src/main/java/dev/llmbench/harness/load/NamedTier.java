package dev.llmbench.harness.load;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named load levels of the provider leaderboard: small = 2, medium = 20, large = 50 concurrent users.
 * Use {@link #model()} for the closed-loop model, or {@link LoadModel#concurrency(int)} to override freely.
 */
public enum NamedTier {
    SMALL(2),
    MEDIUM(20),
    LARGE(50);

    private final int concurrency;

    NamedTier(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Concurrent virtual users at this tier. */
    public int concurrency() {
        return concurrency;
    }

    /** The lower-case name used in configs and reports: {@code "small"}, {@code "medium"}, {@code "large"}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The closed-loop model for this tier: {@code LoadModel.concurrency(concurrency())}. */
    public LoadModel.Concurrency model() {
        return LoadModel.concurrency(concurrency);
    }

    /**
     * Parses a tier name, case-insensitively and ignoring surrounding blanks.
     *
     * @throws IllegalArgumentException naming the allowed values when {@code name} is not a tier
     */
    public static NamedTier parse(String name) {
        if (name != null) {
            String n = name.trim();
            for (NamedTier tier : values()) {
                if (tier.name().equalsIgnoreCase(n)) return tier;
            }
        }
        throw new IllegalArgumentException("unknown load tier " + (name == null ? "null" : "'" + name + "'")
                + "; allowed: " + allowedValues());
    }

    /** {@code "small (2), medium (20), large (50)"}. */
    static String allowedValues() {
        return Arrays.stream(values()).map(t -> t.displayName() + " (" + t.concurrency + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return displayName();
    }
}
