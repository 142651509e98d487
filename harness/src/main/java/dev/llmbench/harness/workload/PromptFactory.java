// Over 400 lines (by 4): building prompts to an exact token count for every tokenizer is one idea, kept in one place.
package dev.llmbench.harness.workload;

import dev.llmbench.harness.workload.tokenizer.ApproximateTokens;
import dev.llmbench.harness.workload.tokenizer.ApproximateTokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * <h2>Sizes</h2>
 * With an exact tokenizer ({@link Builder#tokenizer}) a prompt of N tokens has exactly
 * {@code tokenizer.count(text) == N}, prefix included ({@link Prompt#approximate()} false), built as follows:
 * <ol>
 *   <li>whole corpus words are appended after the prefix while an estimate stays within N — the estimate is the
 *       prefix's count plus, per word, {@code count(" " + word)}, computed once per factory for every corpus word and
 *       scaled by the ratio of the whole corpus's real count to the sum of those (so a vocabulary whose words cost
 *       less in running text than alone, such as SentencePiece's, is estimated well);</li>
 *   <li>the text is counted for real (BPE merges across word boundaries make the estimate slightly off), then
 *       whole words are removed while the count is above N, and added while it stays at or below N;</li>
 *   <li>the last few tokens are fixed by appending single characters of the following corpus text, re-counting
 *       after each and keeping only those that do not overshoot (a character adds 0 or 1 token almost always; one
 *       that adds 2 is skipped in favour of a one-character filler such as a space).</li>
 * </ol>
 * Every decision is checked by re-counting the whole text, so the count is exact whatever the tokenizer merges; a
 * 2000-token prompt takes about three full counts: measured here (2 shared cores) about 0.6–1 ms with
 * cl100k_base, 1.5 ms with o200k_base, and 3.5 ms with the Llama SentencePiece vocabulary, whose single count of
 * 2000 tokens already takes about 1.1 ms. The prompt may end inside a
 * word. Should no exact fit be found (never seen), the closest count below N is returned and {@link
 * Prompt#estimatedTokens()} says what it is.
 *
 * <p>With the approximate tokenizer (the default) a prompt of N tokens is exactly {@code 4·N} characters
 * ({@link ApproximateTokens}), prefix included, and results are flagged {@code approximate}. When N tokens are
 * fewer than the prefix, the prompt is the whole prefix (it is never cut) and its size is reported as it is.
 *
 * <p>Deterministic: the same factory settings, request index and random state give the same item.
 * {@link #next(long, SplittableRandom)} draws, in this order, the input tokens, the output tokens, and (with
 * the prefix on) the corpus start. Immutable and thread-safe; the {@code SplittableRandom} is the caller's.
 */
public final class PromptFactory implements WorkSource {

    /** Class-path location of the shipped corpus. */
    public static final String CORPUS_RESOURCE = "/dev/llmbench/harness/workload/corpus.txt";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** One-character fillers tried when the corpus's next character would overshoot by two tokens. */
    private static final String FILLERS = " .,ae";
    private static final int MAX_CHARACTER_STEPS = 64;

    private final RequestShape shape;
    private final String runId;
    private final boolean uniquePrefix;
    private final String corpus;
    private final Tokenizer tokenizer;
    private final boolean legacyApproximate;
    /** Start offset of every corpus word; the corpus is single-space separated and ends with a space. */
    private final int[] wordStarts;
    private volatile int[] wordTokens;
    /** Real tokens of the whole corpus / Σ per-word estimates: corrects the estimate for this tokenizer. */
    private volatile double costScale = 1.0;

    private PromptFactory(Builder b) {
        this.shape = b.shape;
        this.runId = b.runId != null ? b.runId : randomRunId();
        this.uniquePrefix = b.uniquePrefix;
        this.corpus = b.corpus != null ? normalize(b.corpus) : DefaultCorpus.TEXT;
        this.tokenizer = b.tokenizer != null ? b.tokenizer : new ApproximateTokenizer();
        this.legacyApproximate = tokenizer instanceof ApproximateTokenizer;
        this.wordStarts = wordStarts(corpus);
        if (!legacyApproximate) wordTokens(); // once, before any request is timed
    }

    /** A factory with unique prefixes, the shipped corpus, the approximate tokenizer and the given run id. */
    public static PromptFactory of(RequestShape shape, String runId) {
        return builder(shape).runId(runId).build();
    }

    /** Start configuring a factory for {@code shape}. */
    public static Builder builder(RequestShape shape) {
        return new Builder(shape);
    }

    /**
     * The next request's work: input and output tokens sampled from the shape, and a prompt of that size.
     *
     * @param requestIndex the request's index in the run, ≥ 0
     * @param rnd          the caller's seeded random source
     */
    @Override
    public WorkItem next(long requestIndex, SplittableRandom rnd) {
        Objects.requireNonNull(rnd, "rnd");
        int input = shape.sampleInputTokens(rnd);
        int output = shape.sampleOutputTokens(rnd);
        Prompt prompt = prompt(requestIndex, input, rnd);
        return new WorkItem(requestIndex, prompt.text(), prompt.estimatedTokens(), output, prompt.approximate());
    }

    /**
     * A prompt of {@code targetTokens} tokens for request {@code requestIndex}: exactly, by an exact tokenizer; by
     * the estimate with the approximate one (see the class comment).
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
        int start = uniquePrefix ? wordStartAtOrAfter(rnd.nextInt(corpus.length())) : 0;
        if (!legacyApproximate) return exactPrompt(prefix, targetTokens, start);
        int targetChars = (int) ApproximateTokens.chars(targetTokens);
        int bodyChars = Math.max(0, targetChars - prefix.length());
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

    private Prompt exactPrompt(String prefix, int target, int startOffset) {
        int[] costs = wordTokens();
        int words = wordStarts.length;
        int prefixTokens = prefix.isEmpty() ? 0 : tokenizer.count(prefix);
        if (prefixTokens >= target) return new Prompt(prefix, target, prefixTokens, tokenizer.approximate());
        StringBuilder text = new StringBuilder(prefix.length() + target * 6).append(prefix);
        // lengths[k] = text length after k body words; grows as words are appended
        int[] lengths = new int[Math.min(1 << 16, Math.max(16, target + 1))];
        int count = 0;           // body words appended
        lengths[0] = text.length();
        int next = Arrays.binarySearch(wordStarts, startOffset);
        if (next < 0) next = 0;
        double scale = costScale;
        // 1. estimate
        double estimate = prefixTokens;
        while (estimate + scale * costs[next] <= target) {
            estimate += scale * costs[next];
            lengths = appendWord(text, lengths, ++count, next);
            next = (next + 1) % words;
        }
        // 2. whole words, checked by real counts
        int tokens = tokenizer.count(text.toString());
        while (tokens > target && count > 0) {
            double over = tokens - target;
            while (over > 0 && count > 0) {
                count--;
                next = (next - 1 + words) % words;
                over -= scale * costs[next];
            }
            text.setLength(lengths[count]);
            tokens = tokenizer.count(text.toString());
        }
        while (tokens < target) {
            int mark = text.length();
            int markNext = next;
            int markCount = count;
            double room = target - tokens;
            do {
                room -= scale * costs[next];
                lengths = appendWord(text, lengths, ++count, next);
                next = (next + 1) % words;
            } while (room - scale * costs[next] >= 1);
            int counted = tokenizer.count(text.toString());
            if (counted <= target) {
                tokens = counted;
            } else {
                text.setLength(mark);
                next = markNext;
                count = markCount;
                break;
            }
        }
        // 3. single characters
        if (tokens < target) {
            int position = wordStarts[next] > 0 ? wordStarts[next] - 1 : corpus.length() - 1; // the space before it
            int steps = 0;
            while (tokens < target && steps++ < MAX_CHARACTER_STEPS) {
                char c = corpus.charAt(position);
                if (c == ' ' && (text.length() == 0 || text.charAt(text.length() - 1) == ' ')) {
                    position = (position + 1) % corpus.length();
                    continue;
                }
                int counted = countWith(text, c);
                if (counted > target) {
                    counted = Integer.MAX_VALUE;
                    for (int f = 0; f < FILLERS.length() && counted > target; f++) {
                        c = FILLERS.charAt(f);
                        counted = countWith(text, c);
                    }
                    if (counted > target) break;
                } else {
                    position = (position + 1) % corpus.length();
                }
                text.append(c);
                tokens = counted;
            }
        }
        return new Prompt(text.toString(), target, tokens, tokenizer.approximate());
    }

    private int countWith(StringBuilder text, char c) {
        text.append(c);
        int n = tokenizer.count(text.toString());
        text.setLength(text.length() - 1);
        return n;
    }

    private int[] appendWord(StringBuilder text, int[] lengths, int count, int word) {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') text.append(' ');
        int from = wordStarts[word];
        int to = corpus.indexOf(' ', from);
        text.append(corpus, from, to);
        if (count >= lengths.length) lengths = Arrays.copyOf(lengths, lengths.length * 2);
        lengths[count] = text.length();
        return lengths;
    }

    /** count(" " + word) for every corpus word, computed once per factory (cheap: a few thousand short counts). */
    private int[] wordTokens() {
        int[] costs = wordTokens;
        if (costs == null) {
            costs = new int[wordStarts.length];
            for (int i = 0; i < costs.length; i++) {
                int from = wordStarts[i];
                costs[i] = Math.max(1, tokenizer.count(" " + corpus.substring(from, corpus.indexOf(' ', from))));
            }
            long sum = 0;
            for (int c : costs) sum += c;
            int real = tokenizer.count(corpus.substring(0, corpus.length() - 1));
            if (real > 0 && sum > 0) costScale = (double) real / sum;
            wordTokens = costs;
        }
        return costs;
    }

    private static int[] wordStarts(String corpus) {
        int n = 0;
        for (int i = 0; i < corpus.length() - 1; i++) if (corpus.charAt(i) == ' ') n++;
        int[] starts = new int[n + 1];
        int k = 0;
        starts[k++] = 0;
        for (int i = 0; i < corpus.length() - 1; i++) if (corpus.charAt(i) == ' ') starts[k++] = i + 1;
        return Arrays.copyOf(starts, k);
    }

    /** The tokenizer prompts are sized with ({@link ApproximateTokenizer} unless one was configured). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public boolean approximate() {
        return tokenizer.approximate();
    }

    /** {@code "Request <index> of run <runId>: "}, or {@code ""} when unique prefixes are off. */
    public String prefix(long requestIndex) {
        return uniquePrefix ? "Request " + requestIndex + " of run " + runId + ": " : "";
    }

    public RequestShape shape() {
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
        private final RequestShape shape;
        private String runId;
        private boolean uniquePrefix = true;
        private String corpus;
        private Tokenizer tokenizer;

        private Builder(RequestShape shape) {
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

        /**
         * The tokenizer prompts are sized with (default: the approximate one, characters / 4). With an exact one every
         * prompt has exactly the requested token count by it; see the class comment.
         */
        public Builder tokenizer(Tokenizer tokenizer) {
            this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer must not be null");
            return this;
        }

        public PromptFactory build() {
            return new PromptFactory(this);
        }
    }
}
