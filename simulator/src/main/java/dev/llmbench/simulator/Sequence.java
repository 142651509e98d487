package dev.llmbench.simulator;

/**
 * One request's generation as the {@link StepLoop} sees it. The step-loop thread is the only writer of
 * {@link #admitted} and {@link #tokensReleased}; the exchange (reactor threads) reads them and sets
 * {@link #cancel()} when the client goes away. Fields are volatile for that hand-over.
 */
final class Sequence {

    /** Callbacks from the step-loop thread; must be cheap and must not block. */
    interface Listener {
        /** The sequence entered the running batch (its KV is reserved). */
        void onAdmitted();

        /** One more token was generated; {@code finished} on the last one. */
        void onToken(int tokensReleased, boolean finished);
    }

    final int promptTokens;
    final int maxTokens;
    final long kvTokens;
    private final Listener listener;

    private volatile boolean admitted;
    private volatile int tokensReleased;
    private volatile boolean cancelled;

    Sequence(int promptTokens, int maxTokens, Listener listener) {
        this.promptTokens = promptTokens;
        this.maxTokens = maxTokens;
        this.kvTokens = (long) promptTokens + maxTokens;
        this.listener = listener;
    }

    boolean admitted() {
        return admitted;
    }

    int tokensReleased() {
        return tokensReleased;
    }

    boolean finished() {
        return tokensReleased >= maxTokens;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Called from any thread when nobody will read the output any more; the step loop then frees its KV. */
    void cancel() {
        cancelled = true;
    }

    /** Step-loop thread only. */
    void admit() {
        admitted = true;
        listener.onAdmitted();
    }

    /** Step-loop thread only; returns true when this was the last token. */
    boolean releaseToken() {
        int n = tokensReleased + 1;
        tokensReleased = n;
        boolean last = n >= maxTokens;
        listener.onToken(n, last);
        return last;
    }
}
