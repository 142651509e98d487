package dev.llmbench.harness.plan;

import dev.llmbench.harness.load.ArrivalProcess;
import dev.llmbench.harness.load.LoadModel;
import dev.llmbench.harness.load.NamedTier;
import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Setting;
import dev.llmbench.harness.settings.SettingValue;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the load tiers of a plan: closed-loop ({@code llmbench.concurrency}), open-loop ({@code llmbench.rate} with
 * {@code llmbench.arrival}, {@code llmbench.burstiness}, {@code llmbench.maxConcurrency}) or bursts
 * ({@code llmbench.burst}, {@code llmbench.burstRepeats}, {@code llmbench.burstIntervalSeconds}). The three kinds
 * exclude each other: the kind set in the highest layer wins (a {@code -Dllmbench.rate=5} replaces annotated
 * concurrency tiers); one layer setting two kinds is a mistake. Stateless.
 */
final class TierReader {

    private static final List<Setting<List<String>>> KINDS = List.of(Settings.CONCURRENCY, Settings.RATE, Settings.BURST);

    private TierReader() {
    }

    static List<TierSpec> read(LayeredSettings s) {
        Setting<List<String>> kind = Settings.CONCURRENCY;
        int best = Integer.MAX_VALUE;
        for (Setting<List<String>> k : KINDS) {
            int rank = s.rank(k);
            if (rank < best) {
                best = rank;
                kind = k;
            } else if (rank == best && rank != Integer.MAX_VALUE) {
                SettingValue a = s.values(kind).get(0);
                SettingValue b = s.values(k).get(0);
                throw SettingsException.at(b, "sets " + kind.key() + " and " + k.key() + " (" + a.source()
                        + "); set exactly one kind of load: concurrency, rate or burst");
            }
        }
        if (kind != Settings.RATE) {
            s.find(Settings.MAX_CONCURRENCY).filter(v -> s.isSet(Settings.MAX_CONCURRENCY) && s.get(Settings.MAX_CONCURRENCY) > 0)
                    .ifPresent(v -> {
                        throw SettingsException.at(v, "maxConcurrency applies to rate tiers only");
                    });
        }
        List<TierSpec> tiers = new ArrayList<>();
        for (LayeredSettings.Item item : s.list(kind)) {
            try {
                if (kind == Settings.CONCURRENCY) tiers.add(TierSpec.concurrency(users(item)));
                else if (kind == Settings.RATE) tiers.add(TierSpec.rate(rate(item), process(s), s.get(Settings.MAX_CONCURRENCY).intValue()));
                else tiers.add(TierSpec.burst(burst(item, s)));
            } catch (IllegalArgumentException e) {
                if (e instanceof SettingsException se) throw se;
                throw SettingsException.at(item.from(), e.getMessage());
            }
        }
        if (tiers.isEmpty()) throw SettingsException.of(kind.key(), "empty; allowed: " + kind.allowed());
        return List.copyOf(tiers);
    }

    private static int users(LayeredSettings.Item item) {
        int users;
        try {
            users = Integer.parseInt(item.text());
        } catch (NumberFormatException e) {
            try {
                users = NamedTier.parse(item.text()).concurrency();
            } catch (IllegalArgumentException notATier) {
                throw SettingsException.at(item.from(), "'" + item.text() + "' is neither a number of concurrent users nor a "
                        + "tier; allowed: " + Settings.CONCURRENCY.allowed());
            }
        }
        if (users < 1 || users > 10_000) {
            throw SettingsException.at(item.from(), users + " concurrent users is out of range; allowed: 1..10000");
        }
        return users;
    }

    private static double rate(LayeredSettings.Item item) {
        double r;
        try {
            r = Double.parseDouble(item.text());
        } catch (NumberFormatException e) {
            r = Double.NaN;
        }
        if (!(r > 0) || Double.isInfinite(r)) {
            throw SettingsException.at(item.from(), "'" + item.text() + "' is not a rate; allowed: " + Settings.RATE.allowed());
        }
        return r;
    }

    private static ArrivalProcess process(LayeredSettings s) {
        String d = s.get(Settings.ARRIVAL);
        if (!d.equals("gamma") && s.isSet(Settings.BURSTINESS) && s.get(Settings.BURSTINESS) != 1.0) {
            throw SettingsException.at(s.find(Settings.BURSTINESS).orElseThrow(),
                    "burstiness applies to gamma arrivals only (llmbench.arrival is " + d + ")");
        }
        return switch (d) {
            case "constant" -> ArrivalProcess.CONSTANT;
            case "gamma" -> ArrivalProcess.gamma(s.get(Settings.BURSTINESS));
            default -> ArrivalProcess.POISSON;
        };
    }

    private static LoadModel.Burst burst(LayeredSettings.Item item, LayeredSettings s) {
        int size;
        try {
            size = Integer.parseInt(item.text());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > 100_000) {
            throw SettingsException.at(item.from(), "'" + item.text() + "' is not a burst size; allowed: " + Settings.BURST.allowed());
        }
        int repeats = s.get(Settings.BURST_REPEATS).intValue();
        Duration interval = repeats == 1 ? Duration.ZERO : Duration.ofNanos(Math.round(s.get(Settings.BURST_INTERVAL_SECONDS) * 1e9));
        return LoadModel.burst(size, repeats, interval);
    }
}
