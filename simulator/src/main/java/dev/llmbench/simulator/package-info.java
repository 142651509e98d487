/**
 * The llmbench simulator: an embedded OpenAI-compatible LLM server that needs no GPU, driven by a roofline timing
 * model of a continuous-batching server.
 *
 * <ul>
 *   <li>{@link dev.llmbench.simulator.Simulator} starts and stops a server and exposes its
 *       {@link dev.llmbench.simulator.EmitLog} (true emit times of text chunks) and
 *       {@link dev.llmbench.simulator.SimulatorStats}.</li>
 *   <li>{@link dev.llmbench.simulator.Profile} holds model and hardware figures;
 *       {@link dev.llmbench.simulator.TimingModel} turns them into prefill and decode-step durations.</li>
 *   <li>{@link dev.llmbench.simulator.SimulatorConfig} adds bind address, seed, RPM/TPM limits and a
 *       {@link dev.llmbench.simulator.FaultPlan}; a single request asks for a {@link dev.llmbench.simulator.Fault}
 *       with the {@code x-llmbench-fault} header.</li>
 *   <li>{@link dev.llmbench.simulator.SimulatorMain} is the command line of the shaded jar.</li>
 * </ul>
 *
 * <p>Approximations: prompt tokens = ceil(Unicode characters of all prompt text / 4) (at least 1); every response
 * has exactly {@code max_tokens} output tokens (or the profile default), each an English word with a leading space;
 * KV-cache reads and attention FLOPs are ignored by the timing model.
 *
 * <p>Depends on no other llmbench module.
 */
package dev.llmbench.simulator;
