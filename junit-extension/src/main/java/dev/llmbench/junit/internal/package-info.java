/**
 * The extension's implementation: reads annotations and JUnit configuration parameters into settings layers and runs
 * the harness's plan. Not an API: its public types are public only for {@link dev.llmbench.junit.LlmBenchExtension}
 * and are marked {@code @API(status = INTERNAL)}; they change without notice.
 */
package dev.llmbench.junit.internal;
