package dev.llmbench.harness.workload;

import dev.llmbench.harness.endpoint.ChatMessage;
import dev.llmbench.harness.workload.tokenizer.ApproximateTokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Requests drawn from a {@link Dataset}.
 *
 * <p><b>Sampling: shuffled cycling.</b> The entries are shuffled once with the run's seed (Fisher–Yates), and request
 * {@code k} takes entry {@code order[k mod size]}: every entry is used once before any is used again, the order is
 * reproducible under the seed, and request {@code k} does not depend on the order in which requests are made.
 *
 * <p><b>Output length:</b> the entry's {@code output_tokens}, else one sample of the fallback prompt shape's output
 * tokens. <b>Input size:</b> the tokenizer's count of the prompt (for a conversation, the sum over its messages'
 * contents: the server's chat template adds a few tokens per message, which server usage then shows).
 *
 * <p><b>Unique prefix</b> (on by default): {@code "Request <index> of run <runId>: "} is put before the prompt, or
 * before the content of a conversation's first message, so cycling through the dataset cannot hit a prefix cache.
 * Immutable and thread-safe.
 */
public final class DatasetWorkload implements WorkSource {

    private final Dataset dataset;
    private final RequestShape fallback;
    private final Tokenizer tokenizer;
    private final boolean uniquePrefix;
    private final String runId;
    private final int[] order;

    /**
     * @param dataset      the entries
     * @param fallback     its output tokens are used for entries without {@code output_tokens}
     * @param tokenizer    counts input tokens (the approximate one when null)
     * @param uniquePrefix put the request's unique prefix first
     * @param runId        the run id in the prefix
     * @param seed         the shuffle's seed
     */
    public DatasetWorkload(Dataset dataset, RequestShape fallback, Tokenizer tokenizer, boolean uniquePrefix,
                           String runId, long seed) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.tokenizer = tokenizer == null ? new ApproximateTokenizer() : tokenizer;
        this.uniquePrefix = uniquePrefix;
        this.runId = Objects.requireNonNull(runId, "runId");
        int n = dataset.size();
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = i;
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        this.order = o;
    }

    /** The index into {@link Dataset#entries()} request {@code requestIndex} uses. */
    public int entryIndex(long requestIndex) {
        return order[(int) Math.floorMod(requestIndex, (long) order.length)];
    }

    @Override
    public WorkItem next(long requestIndex, SplittableRandom rnd) {
        if (requestIndex < 0) throw new IllegalArgumentException("requestIndex must be >= 0, was " + requestIndex);
        Dataset.Entry e = dataset.entries().get(entryIndex(requestIndex));
        int output = e.outputTokens() > 0 ? e.outputTokens() : fallback.sampleOutputTokens(rnd);
        String prefix = uniquePrefix ? "Request " + requestIndex + " of run " + runId + ": " : "";
        if (!e.chat()) {
            String text = prefix + e.prompt();
            return new WorkItem(requestIndex, text, tokenizer.count(text), output, tokenizer.approximate());
        }
        List<ChatMessage> messages = new ArrayList<>(e.messages());
        if (!prefix.isEmpty()) {
            ChatMessage first = messages.get(0);
            messages.set(0, new ChatMessage(first.role(), prefix + first.content()));
        }
        StringBuilder joined = new StringBuilder();
        int tokens = 0;
        for (ChatMessage m : messages) {
            if (joined.length() > 0) joined.append("\n\n");
            joined.append(m.content());
            tokens += tokenizer.count(m.content());
        }
        return new WorkItem(requestIndex, joined.toString(), tokens, output, tokenizer.approximate(), messages);
    }

    @Override
    public boolean approximate() {
        return tokenizer.approximate();
    }

    public Dataset dataset() {
        return dataset;
    }
}
