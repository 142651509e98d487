/**
 * Workload: what each request asks for.
 *
 * <p>A {@link dev.llmbench.harness.workload.RequestShape} gives input and output token counts, each fixed or a
 * clipped normal distribution ({@link dev.llmbench.harness.workload.TokenCount}), with named presets. A
 * {@link dev.llmbench.harness.workload.PromptFactory} turns a shape into concrete
 * {@link dev.llmbench.harness.workload.WorkItem}s: prompt text built from a shipped public-domain corpus, with a
 * unique per-request prefix so a server's prefix cache cannot flatter results.
 *
 * <p>With an exact {@link dev.llmbench.harness.workload.tokenizer.Tokenizer} configured, prompts have exactly the
 * requested token count by it; without one, prompt sizes use the approximate estimate of
 * {@link dev.llmbench.harness.workload.tokenizer.ApproximateTokens} (1 token ≈ 4 characters of English) and every result built
 * that way is flagged {@code approximate}. A {@link dev.llmbench.harness.workload.DatasetWorkload} draws requests from
 * a JSONL {@link dev.llmbench.harness.workload.Dataset} of prompts or conversations instead; both are
 * {@link dev.llmbench.harness.workload.WorkSource}s.
 */
package dev.llmbench.harness.workload;
