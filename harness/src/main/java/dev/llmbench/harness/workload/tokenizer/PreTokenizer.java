package dev.llmbench.harness.workload.tokenizer;

/**
 * Splits text into the pieces ("words") BPE runs on separately. Implementations are immutable and thread-safe.
 */
interface PreTokenizer {

    /** Receives the pieces in order, as [start, end) ranges of the text. */
    interface Sink {
        void piece(String text, int start, int end);
    }

    /** Reports the pieces of {@code text[start, end)} to {@code sink}, in order, covering the range (unless removed). */
    void split(String text, int start, int end, Sink sink);
}
