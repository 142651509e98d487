package dev.llmbench.harness.load;

/**
 * A load model as a result file records it ({@code configuration.load}): flat, so a file written by a newer harness
 * with another load type still reads. Which fields are set depends on {@link #type()}; the others are null.
 *
 * @param type            {@code concurrency}, {@code arrival_rate} or {@code burst}
 * @param users           concurrency: virtual users
 * @param ratePerSecond   arrival rate: mean requests per second
 * @param process         arrival rate: {@code CONSTANT}, {@code POISSON} or {@code GAMMA}
 * @param burstiness      arrival rate with the gamma process: its burstiness
 * @param maxConcurrency  arrival rate: the optional cap on requests in flight
 * @param size            burst: requests per burst
 * @param repeats         burst: number of bursts
 * @param intervalSeconds burst: start-to-start gap between bursts, seconds
 */
public record LoadConfig(String type, Integer users, Double ratePerSecond, String process, Double burstiness,
                         Integer maxConcurrency, Integer size, Integer repeats, Double intervalSeconds) {

    /** Closed loop with {@code users} virtual users. */
    public static LoadConfig concurrency(int users) {
        return new LoadConfig("concurrency", users, null, null, null, null, null, null, null);
    }

    /** The load in a few words, as report tables show it, e.g. {@code "concurrency 20"}, {@code "poisson 4 rps (max 32)"}. */
    public String summary() {
        if (type == null) return "";
        switch (type) {
            case "concurrency":
                return "concurrency " + users;
            case "arrival_rate": {
                String s = String.valueOf(process).toLowerCase(java.util.Locale.ROOT) + " " + num(ratePerSecond) + " rps";
                return maxConcurrency == null ? s : s + " (max " + maxConcurrency + ")";
            }
            case "burst":
                return "burst " + size + " × " + repeats + " every " + num(intervalSeconds) + " s";
            default:
                return type;
        }
    }

    private static String num(Double d) {
        if (d == null) return "null";
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }
}
