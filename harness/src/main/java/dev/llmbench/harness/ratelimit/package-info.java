/**
 * Rate-limit probe: ramps a constant arrival rate upward and reports where the endpoint starts refusing requests
 * (429, 503), as a ceiling in requests and tokens per minute. Runs {@link dev.llmbench.harness.Benchmark}s, so it sits
 * above the root package in the layers.
 */
package dev.llmbench.harness.ratelimit;
