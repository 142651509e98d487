package dev.llmbench.junit;

/** How the arrivals of an open-loop {@link LoadTier#rate()} tier are spaced (key {@code llmbench.arrival}). */
public enum Arrival {
    /** Exponential gaps: independent users, the usual model (vLLM's default). */
    POISSON,
    /** Equal gaps. */
    CONSTANT,
    /** Gamma-distributed gaps with {@link LoadTier#burstiness()} as the shape: &lt; 1 burstier, &gt; 1 more regular. */
    GAMMA
}
