/**
 * What a run cost: {@link dev.llmbench.harness.cost.Pricing} says what tokens or GPU time cost, and
 * {@link dev.llmbench.harness.cost.CostCalculator} turns a result's token totals and wall time into the figures the
 * {@code cost_*} SLOs, the report and the leaderboard read ({@code usd_per_1k_output_tokens}, …).
 */
package dev.llmbench.harness.cost;
