package dev.llmbench.simulator;

/**
 * A snapshot of the simulator's counters. Immutable. Counts are since start; the step-lag figures tell whether the
 * simulator kept its own schedule (a benchmark of the harness is only valid while the lag stays small against the
 * step).
 *
 * @param requestsAccepted     generation requests admitted to the queue
 * @param requestsCompleted    responses written to the end (including faulted ones that ended cleanly)
 * @param requestsRejected     requests answered with an HTTP error (bad request, fault, rate limit, 404/405)
 * @param requestsRateLimited  of those, 429s (RPM/TPM limit or the rate_limit fault)
 * @param activeSequences      sequences in the running batch now
 * @param queuedRequests       requests waiting for KV-cache space now
 * @param kvTokensInUse        KV tokens reserved by the running batch now
 * @param tokensGenerated      tokens the step loop generated
 * @param tokensEmitted        text chunks written to connections (streamed) plus tokens in non-streamed bodies
 * @param steps                decode steps run
 * @param meanStepLagMicros    mean of (actual wake-up - scheduled end) over steps, microseconds
 * @param maxStepLagMicros     largest such lag, microseconds
 * @param meanStepWorkMicros   mean CPU-side work of the step thread per step (admission + emission), microseconds
 * @param connectionsOpened    connections accepted
 * @param connectionsClosedIdle connections the server closed because they stayed idle past its keep-alive timeout
 *                             ({@link SimulatorConfig#keepAliveTimeout()})
 */
public record SimulatorStats(
        long requestsAccepted,
        long requestsCompleted,
        long requestsRejected,
        long requestsRateLimited,
        int activeSequences,
        int queuedRequests,
        long kvTokensInUse,
        long tokensGenerated,
        long tokensEmitted,
        long steps,
        double meanStepLagMicros,
        long maxStepLagMicros,
        double meanStepWorkMicros,
        long connectionsOpened,
        long connectionsClosedIdle) {
}
