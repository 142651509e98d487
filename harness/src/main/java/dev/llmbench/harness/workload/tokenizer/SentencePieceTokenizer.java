package dev.llmbench.harness.workload.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * SentencePiece BPE by piece scores, as llama.cpp's {@code llm_tokenizer_spm} does it for GGUF {@code llama}
 * vocabularies: spaces become U+2581 ("▁"), "▁" is prepended to the text (when {@code add_space_prefix}, only at
 * the start of the text or after a special token), the text is split into characters, and the adjacent pair whose
 * concatenation is a vocabulary piece with the highest score is merged, repeatedly (ties: leftmost first); characters
 * that are not pieces fall back to their UTF-8 bytes as {@code <0xNN>} tokens. Control and user-defined tokens
 * written in the text are kept whole. Decoding maps "▁" back to spaces, {@code <0xNN>} runs back to UTF-8 and drops
 * the one leading space the prefix added.
 *
 * <p>Pair look-ups go through a precomputed (left id, right id) → piece table; only pairs with a character outside
 * the vocabulary fall back to a string look-up. Immutable after construction and thread-safe.
 */
final class SentencePieceTokenizer implements Tokenizer {
    static final int TYPE_CONTROL = 3;
    static final int TYPE_USER_DEFINED = 4;
    static final int TYPE_BYTE = 6;
    private static final char SPACE = '\u2581';

    private final String name;
    private final String[] pieces;
    private final float[] scores;
    private final int[] types;
    private final Map<String, Integer> vocab;
    private final PairMap pairs;
    private final int[] bmpCharToId = new int[65536];
    private final int[] byteIds = new int[256];
    private final boolean addSpacePrefix;
    private final SpecialTokens specials;

    SentencePieceTokenizer(String name, String[] pieces, float[] scores, int[] types, boolean addSpacePrefix) {
        this.name = name;
        this.pieces = pieces;
        this.scores = scores;
        this.types = types;
        this.addSpacePrefix = addSpacePrefix;
        vocab = new HashMap<>(pieces.length * 4 / 3 + 16);
        for (int i = 0; i < pieces.length; i++) vocab.putIfAbsent(pieces[i], i);
        Arrays.fill(bmpCharToId, -1);
        Arrays.fill(byteIds, -1);
        Map<String, Integer> special = new HashMap<>();
        int pairCount = 0;
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (p.length() == 1 && vocab.get(p) == i) bmpCharToId[p.charAt(0)] = i;
            if (types[i] == TYPE_BYTE) {
                int b = TokenDecoder.byteToken(p);
                if (b >= 0) byteIds[b] = i;
            }
            if (types[i] == TYPE_CONTROL || types[i] == TYPE_USER_DEFINED) special.put(p, i);
            pairCount += Math.max(0, p.codePointCount(0, p.length()) - 1);
        }
        for (int b = 0; b < 256; b++) {
            if (byteIds[b] < 0) {
                Integer id = vocab.get(String.format("<0x%02X>", b));
                if (id != null) byteIds[b] = id;
            }
        }
        pairs = new PairMap(Math.max(16, pairCount));
        for (int i = 0; i < pieces.length; i++) {
            String p = pieces[i];
            if (vocab.get(p) != i) continue;
            for (int k = p.offsetByCodePoints(0, 1); k < p.length(); k = p.offsetByCodePoints(k, 1)) {
                Integer l = vocab.get(p.substring(0, k));
                Integer r = vocab.get(p.substring(k));
                if (l != null && r != null) pairs.putIfAbsent(l, r, i, 0);
            }
        }
        specials = SpecialTokens.of(special);
    }

    @Override
    public int[] encode(String text) {
        IntList out = new IntList(text.length() / 3 + 4);
        if (specials == null) {
            segment(text, 0, text.length(), true, out);
        } else {
            boolean[] prevSpecial = {true};
            specials.split(text, new SpecialTokens.Sink() {
                @Override
                public void text(int start, int end) {
                    segment(text, start, end, prevSpecial[0], out);
                    prevSpecial[0] = false;
                }

                @Override
                public void token(int id) {
                    out.add(id);
                    prevSpecial[0] = true;
                }
            });
        }
        return out.toArray();
    }

    private void segment(String text, int start, int end, boolean prefix, IntList out) {
        if (start >= end) return;
        StringBuilder sb = new StringBuilder(end - start + 1);
        if (addSpacePrefix && prefix) sb.append(SPACE);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            sb.append(c == ' ' ? SPACE : c);
        }
        tokenize(sb.toString(), out);
    }

    /** The llama.cpp SPM algorithm over the escaped text {@code s}. */
    private void tokenize(String s, IntList out) {
        int n = s.codePointCount(0, s.length());
        int[] start = new int[n];
        int[] end = new int[n];
        int[] id = new int[n];
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0, k = 0; i < s.length(); k++) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            start[k] = i;
            end[k] = i + len;
            id[k] = len == 1 ? bmpCharToId[cp] : vocab.getOrDefault(s.substring(i, i + len), -1);
            prev[k] = k - 1;
            next[k] = k + 1 < n ? k + 1 : -1;
            i += len;
        }
        BpeModel.LongHeap heap = new BpeModel.LongHeap(n);
        for (int k = 1; k < n; k++) push(s, k - 1, k, start, end, id, heap);
        while (!heap.isEmpty()) {
            long top = heap.pop();
            int l = (int) top;
            if (start[l] < 0) continue;
            int r = next[l];
            if (r < 0) continue;
            int token = lookup(s, l, r, start, end, id);
            // stale if the pair at l changed; a changed pair with the same key is an equivalent valid entry
            if (token < 0 || key(scores[token], l) != top) continue;
            // merge r into l
            end[l] = end[r];
            id[l] = token;
            start[r] = -1;
            next[l] = next[r];
            if (next[r] >= 0) prev[next[r]] = l;
            if (prev[l] >= 0) push(s, prev[l], l, start, end, id, heap);
            if (next[l] >= 0) push(s, l, next[l], start, end, id, heap);
        }
        for (int k = 0; k != -1 && n > 0; k = next[k]) {
            if (id[k] >= 0) {
                out.add(id[k]);
            } else {
                byte[] bytes = s.substring(start[k], end[k]).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    int t = byteIds[b & 0xFF];
                    if (t >= 0) out.add(t);
                }
            }
        }
    }

    /** Heap key: higher score first, then leftmost ({@code llm_bigram_spm}'s order) as one long. */
    private static long key(float score, int left) {
        int bits = Float.floatToIntBits(score);
        int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        return ((long) ~sortable << 32) | (left & 0xFFFFFFFFL);
    }

    /** The piece that symbols l and r (adjacent) concatenate to, or -1. */
    private int lookup(String s, int l, int r, int[] start, int[] end, int[] id) {
        if (id[l] >= 0 && id[r] >= 0) {
            int slot = pairs.find(id[l], id[r]);
            return slot < 0 ? -1 : pairs.first(slot);
        }
        Integer t = vocab.get(s.substring(start[l], end[r]));
        return t == null ? -1 : t;
    }

    private void push(String s, int l, int r, int[] start, int[] end, int[] id, BpeModel.LongHeap heap) {
        int token = lookup(s, l, r, start, end, id);
        if (token >= 0) heap.push(key(scores[token], l));
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int i = 0; i < ids.length; i++) {
            int t = ids[i];
            if (t < 0 || t >= pieces.length) {
                throw new IllegalArgumentException(name + ": token id " + t + " is not in the vocabulary (size "
                        + pieces.length + ")");
            }
            int b = types[t] == TYPE_BYTE ? TokenDecoder.byteToken(pieces[t]) : -1;
            if (b >= 0) {
                bytes.write(b);
                continue;
            }
            String p = pieces[t].replace(SPACE, ' ');
            if (i == 0 && addSpacePrefix && p.startsWith(" ")) p = p.substring(1);
            byte[] u = p.getBytes(StandardCharsets.UTF_8);
            bytes.write(u, 0, u.length);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean approximate() {
        return false;
    }

    @Override
    public String toString() {
        return "SentencePieceTokenizer[" + name + ", " + pieces.length + " pieces]";
    }
}
