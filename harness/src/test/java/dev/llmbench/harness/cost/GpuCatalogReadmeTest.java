package dev.llmbench.harness.cost;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's GPU table is the built-in catalog, figure for figure and source for source. */
class GpuCatalogReadmeTest {

    @Test
    void theReadmeTableIsTheBuiltInCatalog() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf("<!-- gpus:begin -->");
        int end = readme.indexOf("<!-- gpus:end -->");
        assertThat(begin).as("GPU table markers in README.md").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (String line : readme.substring(begin, end).split("\n")) if (line.startsWith("| `")) rows.add(line);
        assertThat(rows).containsExactlyElementsOf(GpuCatalog.builtIn().gpus().stream().map(GpuCatalogReadmeTest::row).toList());
    }

    /** One README row: name, what it is, TFLOP/s, GB/s, GB, $/GPU-hour range, source. */
    static String row(Gpu g) {
        return "| `" + g.name() + "` | " + g.description() + " | " + plain(g.peakBf16FlopsPerSecond() / 1e12) + " | "
                + plain(g.memoryBandwidthBytesPerSecond() / 1e9) + " | " + plain(g.memoryBytes() / 1e9) + " | $"
                + String.format(Locale.ROOT, "%.2f–%.2f", g.usdPerGpuHourLow(), g.usdPerGpuHourHigh()) + " | " + g.source() + " |";
    }

    private static String plain(double v) {
        return new BigDecimal(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Prints the rows, for pasting into the README after a change of the catalog. */
    public static void main(String[] args) {
        GpuCatalog.builtIn().gpus().forEach(g -> System.out.println(row(g)));
    }
}
