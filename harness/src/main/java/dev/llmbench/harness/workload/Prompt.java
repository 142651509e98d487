package dev.llmbench.harness.workload;

import dev.llmbench.harness.workload.tokenizer.ApproximateTokens;
import java.util.Objects;

/**
 * A prompt text built to a target size.
 *
 * @param text            the prompt
 * @param targetTokens    the size it was built for
 * @param estimatedTokens its size by the estimate used to build it (equal to {@code targetTokens} unless the
 *                        target was smaller than the unique prefix, which is never cut)
 * @param approximate     true when sizes come from {@link ApproximateTokens} rather than an exact tokenizer
 */
public record Prompt(String text, int targetTokens, int estimatedTokens, boolean approximate) {
    public Prompt {
        Objects.requireNonNull(text, "text must not be null");
    }
}
