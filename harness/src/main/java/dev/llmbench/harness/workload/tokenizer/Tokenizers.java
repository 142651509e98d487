package dev.llmbench.harness.workload.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Makes a {@link Tokenizer} from the configuration value {@code llmbench.tokenizer}:
 * <ul>
 *   <li>an OpenAI encoding name (JTokkit): {@code cl100k_base}, {@code o200k_base}, {@code r50k_base},
 *       {@code p50k_base}, {@code p50k_edit};</li>
 *   <li>a path ending in {@code .json}: a Hugging Face {@code tokenizer.json} ({@link HuggingFaceTokenizers});</li>
 *   <li>a path ending in {@code .gguf}: the vocabulary of a GGUF model file ({@link GgufTokenizers});</li>
 *   <li>{@code approx}: {@link ApproximateTokenizer} (characters / 4), labelled approximate.</li>
 * </ul>
 * Anything else fails with one {@link TokenizerException} saying what was tried and what is accepted. Stateless.
 */
public final class Tokenizers {
    /**
     * System property: {@code false} turns off the per-word cache of the byte-level and BPE tokenizers made afterwards
     * (for measuring the merge itself); on by default.
     */
    public static final String WORD_CACHE_PROPERTY = "llmbench.tokenizer.wordCache";

    private Tokenizers() {
    }

    /** What {@link #fromSpec} accepts, for messages and documentation. */
    public static String accepted() {
        return "an OpenAI encoding (" + String.join(", ", JTokkitTokenizer.names()) + "), a path to a Hugging Face"
                + " tokenizer.json (*.json), a path to a GGUF model file (*.gguf), or '" + ApproximateTokenizer.NAME
                + "' (characters / 4)";
    }

    /** The tokenizer {@code spec} names; see the class documentation. */
    public static Tokenizer fromSpec(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new TokenizerException("llmbench.tokenizer is empty; expected " + accepted());
        }
        String s = spec.trim();
        if (s.equals(ApproximateTokenizer.NAME)) return new ApproximateTokenizer();
        var jtokkit = JTokkitTokenizer.forName(s);
        if (jtokkit.isPresent()) return jtokkit.get();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean json = lower.endsWith(".json");
        boolean gguf = lower.endsWith(".gguf");
        if (!json && !gguf) {
            throw new TokenizerException("llmbench.tokenizer '" + s + "' is neither a known encoding nor a path ending"
                    + " in .json or .gguf; expected " + accepted());
        }
        String kind = json ? "Hugging Face tokenizer.json" : "GGUF model file";
        Path path;
        try {
            path = Paths.get(s);
        } catch (RuntimeException e) {
            throw new TokenizerException("llmbench.tokenizer '" + s + "': not a valid path for a " + kind + "; expected "
                    + accepted(), e);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new TokenizerException("llmbench.tokenizer '" + s + "': tried to read it as a " + kind + " at "
                    + path.toAbsolutePath() + ", but it is not a readable file; expected " + accepted());
        }
        try {
            return json ? HuggingFaceTokenizers.load(path) : GgufTokenizers.load(path);
        } catch (IOException | RuntimeException e) {
            throw new TokenizerException("llmbench.tokenizer '" + s + "': could not load it as a " + kind + ": "
                    + e.getMessage() + "; expected " + accepted(), e);
        }
    }
}
