package dev.llmbench.harness.workload.tokenizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Hugging Face normalizer: rewrites a text segment before pre-tokenization. Immutable, thread-safe. */
interface TextNormalizer {
    String normalize(String s);

    /** {@code Prepend}: adds {@code prefix} in front of a non-empty segment. */
    static TextNormalizer prepend(String prefix) {
        return s -> s.isEmpty() ? s : prefix + s;
    }

    /** {@code Replace} with a literal pattern. */
    static TextNormalizer replace(String literal, String content) {
        return s -> s.replace(literal, content);
    }

    /** {@code Replace} with a regex pattern. */
    static TextNormalizer replaceRegex(String regex, String content) {
        Pattern p = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
        String quoted = Matcher.quoteReplacement(content);
        return s -> p.matcher(s).replaceAll(quoted);
    }

    /** {@code NFC}, {@code NFD}, {@code NFKC}, {@code NFKD}. */
    static TextNormalizer unicode(java.text.Normalizer.Form form) {
        return s -> java.text.Normalizer.normalize(s, form);
    }

    static TextNormalizer sequence(List<TextNormalizer> steps) {
        TextNormalizer[] a = steps.toArray(new TextNormalizer[0]);
        return s -> {
            for (TextNormalizer n : a) s = n.normalize(s);
            return s;
        };
    }
}
