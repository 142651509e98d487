package dev.llmbench.harness.workload;

import java.util.SplittableRandom;

/**
 * Where a run's requests come from: a {@link PromptFactory} (a prompt shape, prompts built from the corpus) or a
 * {@link DatasetWorkload} (prompts or conversations from a JSONL file). Implementations are immutable and
 * thread-safe; request {@code k} depends only on {@code k} and the random source handed in, never on the order in
 * which requests are made.
 */
public interface WorkSource {

    /** The work of request {@code requestIndex}, drawing any randomness from {@code rnd} (the caller's, seeded). */
    WorkItem next(long requestIndex, SplittableRandom rnd);

    /** Whether input token counts are estimates (the approximate tokenizer) rather than exact counts. */
    boolean approximate();
}
