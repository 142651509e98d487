package dev.llmbench.harness.settings;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's table of settings lists exactly the declared settings, with their defaults, in their order. */
class SettingsReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(llmbench\\.[^`]+)` \\| (—|`[^`]*`) \\| .*\\|$");

    @Test
    void theReadmeTableIsTheDeclaredSettings() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int begin = readme.indexOf("<!-- settings:begin -->");
        int end = readme.indexOf("<!-- settings:end -->");
        assertThat(begin).as("settings table markers in README.md").isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : readme.substring(begin, end).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) rows.put(m.group(1), m.group(2).equals("—") ? null : m.group(2).replace("`", ""));
        }
        List<String> declared = new ArrayList<>();
        for (Setting<?> s : Settings.all()) declared.add(s.key());
        assertThat(rows.keySet()).containsExactlyElementsOf(declared);
        for (Setting<?> s : Settings.all()) {
            assertThat(rows.get(s.key())).as("default of " + s.key() + " in the README").isEqualTo(s.defaultText());
        }
    }
}
