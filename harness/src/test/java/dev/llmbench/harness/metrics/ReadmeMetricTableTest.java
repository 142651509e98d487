package dev.llmbench.harness.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of metric names is the registry written out: same names, in the same order, with the same
 * unit, direction, statistic rule and description. When the registry changes, paste {@link #table()} into the README.
 */
class ReadmeMetricTableTest {

    private static final String HEADER = "| name | unit | better | statistic | what it is |";

    /** The table as the registry says it should read. */
    static String table() {
        StringBuilder sb = new StringBuilder(HEADER).append("\n|---|---|---|---|---|\n");
        for (MetricName m : MetricName.all()) {
            String statistic = !m.distribution() ? "none" : m.bareStatistic() == null ? "required"
                    : "optional (bare = " + m.bareStatistic().id() + ")";
            sb.append("| `").append(m.id()).append("` | ").append(m.unit().symbol()).append(" | ")
                    .append(m.higherIsBetter() ? "higher" : "lower").append(" | ").append(statistic).append(" | ")
                    .append(m.description()).append(" |\n");
        }
        return sb.toString();
    }

    private static Path readme() {
        for (Path p : List.of(Path.of("..", "README.md"), Path.of("README.md"))) {
            if (Files.isRegularFile(p) && p.toAbsolutePath().normalize().getParent().resolve("harness").toFile().isDirectory()) return p;
        }
        throw new IllegalStateException("README.md of the project not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void theReadmeListsExactlyTheRegistrysMetricsAsTheRegistryDescribesThem() throws IOException {
        String readme = Files.readString(readme()).replace("\r\n", "\n");
        assertThat(readme).as("paste this table into the README:\n%s", table()).contains(table());

        List<String> names = new ArrayList<>();
        String[] lines = readme.substring(readme.indexOf(HEADER)).split("\n");
        for (int i = 2; i < lines.length && lines[i].startsWith("| `"); i++) {
            names.add(lines[i].substring(3, lines[i].indexOf('`', 3)));
        }
        assertThat(names).containsExactlyElementsOf(MetricName.ids());
        assertThat(readme.indexOf(HEADER)).as("one table of metric names").isEqualTo(readme.lastIndexOf(HEADER));
    }
}
