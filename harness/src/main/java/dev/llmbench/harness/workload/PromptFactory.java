package dev.llmbench.harness.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Builds request prompts of a given size from a public-domain corpus.
 *
 * <p>With the unique prefix on (the default) each prompt starts with {@code "Request <index> of run <runId>: "}
 * and continues from a seeded random word of the corpus, so no two requests share a prefix and a server's
 * prefix cache cannot flatter the results. With it off, every prompt starts at the beginning of the corpus
 * (prompts then share their leading text, which is how to measure a server <em>with</em> its prefix cache).
 * The corpus repeats as often as a long prompt needs.
 *
 * <p>Sizes are approximate until an exact tokenizer lands: a prompt of N tokens is exactly {@code 4·N}
 * characters ({@link ApproximateTokens}), prefix included, and results are flagged {@code approximate}. When
 * N tokens are fewer than the prefix, the prompt is the whole prefix (it is never cut) and its estimate is
 * reported as it is.
 *
 * <p>Deterministic: the same factory settings, request index and random state give the same item.
 * {@link #next(long, SplittableRandom)} draws, in this order, the input tokens, the output tokens, and (with
 * the prefix on) the corpus start. Immutable and thread-safe; the {@code SplittableRandom} is the caller's.
 */
public final class PromptFactory {

    /** Class-path location of the shipped corpus. */
    public static final String CORPUS_RESOURCE = "/dev/llmbench/harness/workload/corpus.txt";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final PromptShape shape;
    private final String runId;
    private final boolean uniquePrefix;
    private final String corpus;

    private PromptFactory(Builder b) {
        this.shape = b.shape;
        this.runId = b.runId != null ? b.runId : randomRunId();
        this.uniquePrefix = b.uniquePrefix;
        this.corpus = b.corpus != null ? normalize(b.corpus) : DefaultCorpus.TEXT;
    }

    /** A factory with unique prefixes, the shipped corpus and the given run id. */
    public static PromptFactory of(PromptShape shape, String runId) {
        return builder(shape).runId(runId).build();
    }

    /** Start configuring a factory for {@code shape}. */
    public static Builder builder(PromptShape shape) {
        return new Builder(shape);
    }

    /**
     * The next request's work: input and output tokens sampled from the shape, and a prompt of that size.
     *
     * @param requestIndex the request's index in the run, ≥ 0
     * @param rnd          the caller's seeded random source
     */
    public WorkItem next(long requestIndex, SplittableRandom rnd) {
        Objects.requireNonNull(rnd, "rnd");
        int input = shape.sampleInputTokens(rnd);
        int output = shape.sampleOutputTokens(rnd);
        Prompt prompt = prompt(requestIndex, input, rnd);
        return new WorkItem(requestIndex, prompt.text(), prompt.estimatedTokens(), output, prompt.approximate());
    }

    /**
     * A prompt of about {@code targetTokens} tokens for request {@code requestIndex}.
     *
     * @throws IllegalArgumentException when requestIndex &lt; 0 or targetTokens is not in [1, 10000000]
     */
    public Prompt prompt(long requestIndex, int targetTokens, SplittableRandom rnd) {
        if (requestIndex < 0) throw new IllegalArgumentException("requestIndex must be >= 0, was " + requestIndex);
        if (targetTokens < 1 || targetTokens > TokenCount.MAX_TOKENS) {
            throw new IllegalArgumentException("targetTokens must be in [1, " + TokenCount.MAX_TOKENS + "], was " + targetTokens);
        }
        Objects.requireNonNull(rnd, "rnd");
        String prefix = prefix(requestIndex);
        int targetChars = (int) ApproximateTokens.chars(targetTokens);
        int bodyChars = Math.max(0, targetChars - prefix.length());
        int start = uniquePrefix ? wordStartAtOrAfter(rnd.nextInt(corpus.length())) : 0;
        StringBuilder text = new StringBuilder(prefix.length() + bodyChars).append(prefix);
        int remaining = bodyChars;
        int position = start;
        while (remaining > 0) {
            int take = Math.min(remaining, corpus.length() - position);
            text.append(corpus, position, position + take);
            remaining -= take;
            position = 0;
        }
        String s = text.toString();
        return new Prompt(s, targetTokens, ApproximateTokens.estimate(s), true);
    }

    /** {@code "Request <index> of run <runId>: "}, or {@code ""} when unique prefixes are off. */
    public String prefix(long requestIndex) {
        return uniquePrefix ? "Request " + requestIndex + " of run " + runId + ": " : "";
    }

    public PromptShape shape() {
        return shape;
    }

    public String runId() {
        return runId;
    }

    public boolean uniquePrefix() {
        return uniquePrefix;
    }

    /** The normalized corpus text the prompts are cut from (single spaces, ends with a space). */
    public String corpus() {
        return corpus;
    }

    /** The shipped public-domain corpus, normalized. */
    public static String defaultCorpus() {
        return DefaultCorpus.TEXT;
    }

    private int wordStartAtOrAfter(int index) {
        if (index == 0 || corpus.charAt(index - 1) == ' ') return index;
        int space = corpus.indexOf(' ', index);
        return space < 0 || space + 1 >= corpus.length() ? 0 : space + 1;
    }

    /** Drops {@code #} comment lines, collapses whitespace to single spaces, ends with one space. */
    static String normalize(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (String line : raw.split("\\R")) {
            if (line.stripLeading().startsWith("#")) continue;
            sb.append(line).append(' ');
        }
        String text = sb.toString().replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) throw new IllegalArgumentException("corpus must contain some text besides # comment lines");
        return text + " ";
    }

    private static String randomRunId() {
        return String.format("%08x", new SplittableRandom().nextInt());
    }

    /** Loaded on first use. */
    private static final class DefaultCorpus {
        static final String TEXT = load();

        private static String load() {
            try (InputStream in = PromptFactory.class.getResourceAsStream(CORPUS_RESOURCE)) {
                if (in == null) throw new IllegalStateException("corpus resource " + CORPUS_RESOURCE + " is missing");
                return normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus resource " + CORPUS_RESOURCE, e);
            }
        }
    }

    /** Options for a {@link PromptFactory}. */
    public static final class Builder {
        private final PromptShape shape;
        private String runId;
        private boolean uniquePrefix = true;
        private String corpus;

        private Builder(PromptShape shape) {
            this.shape = Objects.requireNonNull(shape, "shape must not be null");
        }

        /**
         * The run id in the unique prefix: 1–64 characters of {@code [A-Za-z0-9._-]}. Defaults to 8 random hex
         * digits per factory, so repeated runs never share prefixes; set it to reproduce prompts byte for byte.
         */
        public Builder runId(String runId) {
            if (runId == null || !RUN_ID.matcher(runId).matches()) {
                throw new IllegalArgumentException("runId must be 1-64 characters of [A-Za-z0-9._-], was "
                        + (runId == null ? "null" : "'" + runId + "'"));
            }
            this.runId = runId;
            return this;
        }

        /** Unique per-request prefix and random corpus start (default true); false lets prompts share a prefix. */
        public Builder uniquePrefix(boolean uniquePrefix) {
            this.uniquePrefix = uniquePrefix;
            return this;
        }

        /** Replace the shipped corpus; {@code #} comment lines are dropped and whitespace collapsed. */
        public Builder corpus(String corpus) {
            Objects.requireNonNull(corpus, "corpus must not be null");
            normalize(corpus); // fail fast on an empty corpus
            this.corpus = corpus;
            return this;
        }

        public PromptFactory build() {
            return new PromptFactory(this);
        }
    }
}
