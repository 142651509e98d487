package dev.llmbench.harness.plan;

import dev.llmbench.harness.load.TierSpec;
import dev.llmbench.harness.settings.LayeredSettings;
import dev.llmbench.harness.settings.Settings;
import dev.llmbench.harness.settings.SettingsException;
import dev.llmbench.harness.workload.RequestShape;
import dev.llmbench.harness.workload.ShapeSpec;
import dev.llmbench.harness.workload.TokenCount;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code llmbench.shape}: preset names, or {@code INPUT:OUTPUT} where each side is a fixed token count
 * ({@code 128}) or a normal distribution {@code MEAN+-STDDEV}, optionally bounded {@code MEAN+-STDDEV[MIN..MAX]}
 * ({@code ±} works for {@code +-}); unbounded, a distribution is cut at mean ± 3 stddev (at least 1). Stateless.
 */
public final class ShapeReader {

    private static final Pattern SIDE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:(?:\\+-|±)\\s*(\\d+(?:\\.\\d+)?)\\s*(?:\\[\\s*(\\d+)\\s*\\.\\.\\s*(\\d+)\\s*])?)?");

    private ShapeReader() {
    }

    static List<ShapeSpec> read(LayeredSettings s) {
        List<ShapeSpec> shapes = new ArrayList<>();
        for (LayeredSettings.Item item : s.list(Settings.SHAPE)) {
            try {
                shapes.add(ShapeSpec.of(parse(item.text())));
            } catch (IllegalArgumentException e) {
                throw SettingsException.at(item.from(), e.getMessage());
            }
        }
        if (shapes.isEmpty()) throw SettingsException.of(Settings.SHAPE.key(), "empty; allowed: " + Settings.SHAPE.allowed());
        return List.copyOf(shapes);
    }

    /**
     * One shape from its text.
     *
     * @throws IllegalArgumentException saying what is allowed
     */
    public static RequestShape parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) {
            try {
                return RequestShape.preset(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + t + "' is not a prompt shape; allowed: "
                        + String.join(", ", RequestShape.presetNames()) + ", or INPUT:OUTPUT tokens such as 128:32 or 500+-200:250");
            }
        }
        return RequestShape.of(side(t, t.substring(0, colon), "input"), side(t, t.substring(colon + 1), "output"));
    }

    /** The text {@link #parse} reads back to a shape with these token counts, e.g. {@code 500+-200[1..1100]:250}. */
    public static String text(TokenCount in, TokenCount out) {
        return side(in) + ":" + side(out);
    }

    private static String side(TokenCount c) {
        if (c instanceof TokenCount.Fixed f) return Integer.toString(f.tokens());
        TokenCount.Normal n = (TokenCount.Normal) c;
        return TierSpec.fmt(n.mean()) + "+-" + TierSpec.fmt(n.stddev()) + "[" + n.min() + ".." + n.max() + "]";
    }

    private static TokenCount side(String whole, String text, String which) {
        Matcher m = SIDE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + whole + "': " + which + " tokens '" + text.strip() + "' are not allowed; "
                    + "allowed: a count (128), MEAN+-STDDEV (500+-200) or MEAN+-STDDEV[MIN..MAX] (500+-200[100..900])");
        }
        try {
            if (m.group(2) == null) {
                if (m.group(1).contains(".")) throw new IllegalArgumentException("a fixed token count is a whole number");
                return TokenCount.fixed(Integer.parseInt(m.group(1)));
            }
            double mean = Double.parseDouble(m.group(1));
            double sd = Double.parseDouble(m.group(2));
            int lo = m.group(3) != null ? Integer.parseInt(m.group(3)) : (int) Math.max(1, Math.floor(mean - 3 * sd));
            int hi = m.group(4) != null ? Integer.parseInt(m.group(4)) : (int) Math.max(lo, Math.ceil(mean + 3 * sd));
            return TokenCount.normal(mean, sd, lo, hi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + whole + "': " + which + " tokens: " + e.getMessage());
        }
    }
}
