package dev.llmbench.harness.workload.tokenizer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugging Face's {@code Split} pre-tokenizer (and one step of llama.cpp's regex pre-tokenization): the regex's
 * matches and the gaps between them become pieces, combined according to the {@link Behavior}. Compiled with
 * {@link Pattern#UNICODE_CHARACTER_CLASS} so {@code \s} means Unicode White_Space as in Oniguruma and Rust.
 * Immutable, thread-safe (a new {@link Matcher} per call).
 */
final class RegexPreTokenizer implements PreTokenizer {

    /** How matches ("delimiters") and the text between them become pieces, as in Hugging Face's SplitDelimiterBehavior. */
    enum Behavior {
        /** Matches and gaps are separate pieces. */
        ISOLATED,
        /** Matches are dropped, gaps kept. */
        REMOVED,
        /** Each match is appended to the piece before it. */
        MERGED_WITH_PREVIOUS,
        /** Each match starts the piece after it. */
        MERGED_WITH_NEXT,
        /** Consecutive matches form one piece. */
        CONTIGUOUS;

        static Behavior parse(String s) {
            switch (s) {
                case "Isolated": return ISOLATED;
                case "Removed": return REMOVED;
                case "MergedWithPrevious": return MERGED_WITH_PREVIOUS;
                case "MergedWithNext": return MERGED_WITH_NEXT;
                case "Contiguous": return CONTIGUOUS;
                default:
                    throw new TokenizerException("Split behavior '" + s + "' is not supported; supported: Isolated,"
                            + " Removed, MergedWithPrevious, MergedWithNext, Contiguous");
            }
        }
    }

    private final Pattern pattern;
    private final Behavior behavior;
    private final boolean invert;

    RegexPreTokenizer(String regex, Behavior behavior, boolean invert) {
        this.pattern = Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
        this.behavior = behavior;
        this.invert = invert;
    }

    /** The pre-tokenizer for {@code regex} with Isolated behaviour, using the fast scanner for GPT-2's regex. */
    static PreTokenizer isolated(String regex) {
        if (Gpt2PreTokenizer.PATTERN.equals(regex)) return Gpt2PreTokenizer.INSTANCE;
        return new RegexPreTokenizer(regex, Behavior.ISOLATED, false);
    }

    @Override
    public void split(String s, int start, int end, Sink sink) {
        Matcher m = pattern.matcher(s).region(start, end);
        m.useTransparentBounds(false).useAnchoringBounds(true);
        // Collect [start,end,isMatch] segments in order, then combine per behaviour.
        int pos = start;
        int pendingStart = -1; // for MERGED_WITH_NEXT / CONTIGUOUS / MERGED_WITH_PREVIOUS bookkeeping
        boolean pendingIsMatch = false;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= end) break;
                continue; // empty matches delimit nothing
            }
            if (m.start() > pos) {
                int[] r = emit(s, sink, pos, m.start(), invert, pendingStart, pendingIsMatch);
                pendingStart = r[0];
                pendingIsMatch = r[1] == 1;
            }
            int[] r = emit(s, sink, m.start(), m.end(), !invert, pendingStart, pendingIsMatch);
            pendingStart = r[0];
            pendingIsMatch = r[1] == 1;
            pos = m.end();
        }
        if (pos < end) {
            int[] r = emit(s, sink, pos, end, invert, pendingStart, pendingIsMatch);
            pendingStart = r[0];
            pendingIsMatch = r[1] == 1;
        }
        if (pendingStart >= 0 && pendingStart < end) sink.piece(s, pendingStart, end);
    }

    /**
     * Handles one segment; returns {pendingStart, pendingIsMatch} where pendingStart is the start of a piece not yet
     * emitted (it ends where the next emitted piece starts, or at the end), or -1.
     */
    private int[] emit(String s, Sink sink, int from, int to, boolean isMatch, int pending, boolean pendingIsMatch) {
        switch (behavior) {
            case ISOLATED:
                sink.piece(s, from, to);
                return new int[] {-1, 0};
            case REMOVED:
                if (!isMatch) sink.piece(s, from, to);
                return new int[] {-1, 0};
            case MERGED_WITH_PREVIOUS:
                // a gap waits for the match after it; a match closes the pending gap (or stands alone)
                if (isMatch) {
                    sink.piece(s, pending >= 0 ? pending : from, to);
                    return new int[] {-1, 0};
                }
                if (pending >= 0) sink.piece(s, pending, from);
                return new int[] {from, 0};
            case MERGED_WITH_NEXT:
                if (isMatch) {
                    if (pending >= 0) sink.piece(s, pending, from);
                    return new int[] {from, 1};
                }
                if (pending >= 0 && pendingIsMatch) {
                    sink.piece(s, pending, to);
                    return new int[] {-1, 0};
                }
                if (pending >= 0) sink.piece(s, pending, from);
                sink.piece(s, from, to);
                return new int[] {-1, 0};
            case CONTIGUOUS:
                if (isMatch) {
                    if (pending >= 0 && pendingIsMatch) return new int[] {pending, 1};
                    if (pending >= 0) sink.piece(s, pending, from);
                    return new int[] {from, 1};
                }
                if (pending >= 0) sink.piece(s, pending, from);
                return new int[] {from, 0};
            default:
                throw new AssertionError(behavior);
        }
    }
}
