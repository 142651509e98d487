package dev.llmbench.harness.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page skeleton read from a resource next to this class, with named placeholders {@code {{name}}} filled in one
 * pass: markup values (built by our renderers, which escape every server text) go in as they are, text values are
 * escaped here. Every placeholder must be given and every value must have its placeholder, so a renamed one fails the
 * first test instead of leaving "{{x}}" on a page. Not a template engine: no loops, no conditions, no nesting.
 */
final class PageTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z][a-z0-9-]*)\\}\\}");

    private final String resource;
    private final String text;

    private PageTemplate(String resource, String text) {
        this.resource = resource;
        this.text = text;
    }

    /** The skeleton in {@code resource} (a name relative to this package, e.g. {@code "report.html"}). */
    static PageTemplate load(String resource) {
        return new PageTemplate(resource, read(resource));
    }

    /** The placeholder names, in page order. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /**
     * The page with each placeholder replaced by its value in {@code markup} (inserted as is) or {@code text}
     * (HTML-escaped).
     *
     * @throws IllegalStateException when a placeholder has no value or a value has no placeholder
     */
    String fill(Map<String, String> markup, Map<String, String> text) {
        Set<String> names = placeholders();
        for (String name : names) {
            if (markup.containsKey(name) == text.containsKey(name)) {
                throw new IllegalStateException(resource + ": placeholder {{" + name + "}} needs exactly one value");
            }
        }
        for (String name : markup.keySet()) requirePlaceholder(names, name);
        for (String name : text.keySet()) requirePlaceholder(names, name);
        Matcher m = PLACEHOLDER.matcher(this.text);
        StringBuilder sb = new StringBuilder(this.text.length() + markup.values().stream().mapToInt(String::length).sum());
        while (m.find()) {
            String name = m.group(1);
            String value = markup.containsKey(name) ? markup.get(name) : Html.escape(text.get(name));
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void requirePlaceholder(Set<String> names, String name) {
        if (!names.contains(name)) throw new IllegalStateException(resource + " has no placeholder {{" + name + "}}");
    }

    /**
     * The text of a resource next to this class, without its trailing line break, for inlining into a page.
     *
     * @throws IllegalStateException when it is missing, or when it could close the element it is inlined into
     */
    static String resource(String name) {
        String s = read(name).stripTrailing();
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</style") || lower.contains("</script")) {
            throw new IllegalStateException("report resource " + name + " must not contain </style or </script");
        }
        return s;
    }

    private static String read(String name) {
        try (InputStream in = PageTemplate.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("report resource " + name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + name, e);
        }
    }
}
