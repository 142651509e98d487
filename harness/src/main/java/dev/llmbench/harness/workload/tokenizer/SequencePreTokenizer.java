package dev.llmbench.harness.workload.tokenizer;

import java.util.List;

/** Applies pre-tokenizers one after another, each splitting the pieces of the one before. Immutable, thread-safe. */
final class SequencePreTokenizer implements PreTokenizer {
    private final PreTokenizer[] steps;

    SequencePreTokenizer(List<PreTokenizer> steps) {
        this.steps = steps.toArray(new PreTokenizer[0]);
    }

    @Override
    public void split(String text, int start, int end, Sink sink) {
        run(0, text, start, end, sink);
    }

    private void run(int step, String text, int start, int end, Sink sink) {
        if (step == steps.length) {
            sink.piece(text, start, end);
            return;
        }
        steps[step].split(text, start, end, (t, s, e) -> run(step + 1, t, s, e, sink));
    }
}
