package dev.llmbench.harness.workload.tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds added/special tokens written literally in the text so they are kept whole: the text is cut into plain
 * segments and special-token ids, leftmost occurrence first, longest token at a position. Immutable, thread-safe.
 */
final class SpecialTokens {
    interface Sink {
        void text(int start, int end);

        void token(int id);
    }

    private final String[] contents;
    private final int[] ids;
    private final String firstChars;

    private SpecialTokens(List<Map.Entry<String, Integer>> tokens) {
        tokens.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getKey().length()));
        contents = new String[tokens.size()];
        ids = new int[tokens.size()];
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < contents.length; i++) {
            contents[i] = tokens.get(i).getKey();
            ids[i] = tokens.get(i).getValue();
            char c = contents[i].charAt(0);
            if (first.indexOf(String.valueOf(c)) < 0) first.append(c);
        }
        firstChars = first.toString();
    }

    /** The splitter for {@code tokens} (content → id; empty contents ignored), or null if there are none. */
    static SpecialTokens of(Map<String, Integer> tokens) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>();
        for (Map.Entry<String, Integer> e : tokens.entrySet()) if (!e.getKey().isEmpty()) list.add(Map.entry(e.getKey(), e.getValue()));
        return list.isEmpty() ? null : new SpecialTokens(list);
    }

    void split(String s, Sink sink) {
        int n = s.length();
        int segment = 0;
        int i = 0;
        while (i < n) {
            int at = nextCandidate(s, i);
            if (at < 0) break;
            int match = -1;
            for (int k = 0; k < contents.length; k++) {
                if (s.startsWith(contents[k], at)) {
                    match = k;
                    break;
                }
            }
            if (match < 0) {
                i = at + 1;
                continue;
            }
            if (at > segment) sink.text(segment, at);
            sink.token(ids[match]);
            i = at + contents[match].length();
            segment = i;
        }
        if (segment < n) sink.text(segment, n);
    }

    private int nextCandidate(String s, int from) {
        if (firstChars.length() == 1) return s.indexOf(firstChars.charAt(0), from);
        for (int i = from; i < s.length(); i++) if (firstChars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
