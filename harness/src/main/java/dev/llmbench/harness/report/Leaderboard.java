package dev.llmbench.harness.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which results make a leaderboard: results of the same load and prompt shape measured against at least two models
 * or endpoints, ranked by TTFT p50 (lowest first; results without it last). Shared by the HTML and Markdown reports.
 */
final class Leaderboard {

    private Leaderboard() {
    }

    /** Leaderboards by heading ({@code "concurrency 2 · 64→48 tok"}), each a list of indexes into {@code headlines}. */
    static Map<String, List<Integer>> of(List<Headline> headlines) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < headlines.size(); i++) {
            Headline h = headlines.get(i);
            groups.computeIfAbsent(h.load() + " · " + h.shape(), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<Integer>> boards = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            LinkedHashSet<String> targets = new LinkedHashSet<>();
            for (int i : g.getValue()) targets.add(headlines.get(i).model() + "\u0000" + headlines.get(i).endpoint());
            if (targets.size() < 2) continue;
            List<Integer> rows = new ArrayList<>(g.getValue());
            rows.sort((a, b) -> Double.compare(rankKey(headlines.get(a).ttftP50()), rankKey(headlines.get(b).ttftP50())));
            boards.put(g.getKey(), rows);
        }
        return boards;
    }

    private static double rankKey(Double d) {
        return d == null || d.isNaN() ? Double.MAX_VALUE : d;
    }
}
