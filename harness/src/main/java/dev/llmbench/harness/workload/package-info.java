/**
 * Workload: what each request asks for.
 *
 * <p>A {@link dev.llmbench.harness.workload.PromptShape} gives input and output token counts, each fixed or a
 * clipped normal distribution ({@link dev.llmbench.harness.workload.TokenCount}), with named presets. A
 * {@link dev.llmbench.harness.workload.PromptFactory} turns a shape into concrete
 * {@link dev.llmbench.harness.workload.WorkItem}s: prompt text built from a shipped public-domain corpus, with a
 * unique per-request prefix so a server's prefix cache cannot flatter results.
 *
 * <p>Until exact tokenizers are wired in, prompt sizes use the approximate estimate of
 * {@link dev.llmbench.harness.workload.ApproximateTokens} (1 token ≈ 4 characters of English) and every
 * result built that way is flagged {@code approximate}.
 */
package dev.llmbench.harness.workload;
