package dev.llmbench.harness.workload.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BPE vocabulary with ranked merges, and the merge algorithm: repeatedly merge the adjacent pair with the lowest
 * merge rank, leftmost first (as Hugging Face tokenizers, llama.cpp and tiktoken do). Short words use a flat array of
 * pair ranks (one scan per merge); long words use a min-heap over (rank, position) and a linked list, so a very long
 * word costs O(n log n), not O(n²).
 *
 * <p>Two ways to start a word: from UTF-8 bytes, one symbol per byte (byte-level BPE, GPT-2 style; the vocabulary is
 * written in {@link ByteLevel}'s characters), or from code points, one symbol per character, with optional byte
 * fallback ({@code <0xNN>} tokens) or an unknown token (SentencePiece-style BPE). Immutable after construction and
 * thread-safe.
 */
final class BpeModel {
    static final int HEAP_THRESHOLD = 64;

    final String[] idToToken;
    final Map<String, Integer> vocab;
    private final PairMap merges;
    /** Token id of each byte's single-character token (byte-level), -1 where missing. */
    private final int[] byteToId = new int[256];
    /** Token id of each {@code <0xNN>} token (byte fallback), -1 where missing. */
    private final int[] byteFallbackId = new int[256];
    /** Token id of single-character tokens by BMP char, -1 where missing. */
    private final int[] bmpCharToId = new int[65536];
    private final boolean byteFallback;
    private final int unkId;
    private final boolean fuseUnk;

    /**
     * @param vocab   token text → id
     * @param merges  merges in rank order, each the two token texts
     */
    BpeModel(Map<String, Integer> vocab, List<String[]> merges, boolean byteFallback, String unkToken, boolean fuseUnk) {
        this.vocab = vocab;
        int max = -1;
        for (int id : vocab.values()) max = Math.max(max, id);
        idToToken = new String[max + 1];
        for (Map.Entry<String, Integer> e : vocab.entrySet()) idToToken[e.getValue()] = e.getKey();
        this.merges = new PairMap(Math.max(16, merges.size()));
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] m = merges.get(rank);
            Integer a = vocab.get(m[0]);
            Integer b = vocab.get(m[1]);
            Integer ab = vocab.get(m[0] + m[1]);
            if (a == null || b == null || ab == null) {
                throw new TokenizerException("merge #" + rank + " '" + m[0] + " " + m[1]
                        + "' refers to a token that is not in the vocabulary");
            }
            this.merges.putIfAbsent(a, b, rank, ab);
        }
        Arrays.fill(byteToId, -1);
        Arrays.fill(byteFallbackId, -1);
        for (int b = 0; b < 256; b++) {
            Integer id = vocab.get(String.valueOf(ByteLevel.BYTE_TO_CHAR[b]));
            if (id != null) byteToId[b] = id;
            Integer fb = vocab.get(String.format("<0x%02X>", b));
            if (fb != null) byteFallbackId[b] = fb;
        }
        Arrays.fill(bmpCharToId, -1);
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            String t = e.getKey();
            if (t.length() == 1) bmpCharToId[t.charAt(0)] = e.getValue();
        }
        this.byteFallback = byteFallback;
        Integer unk = unkToken == null ? null : vocab.get(unkToken);
        this.unkId = unk == null ? -1 : unk;
        this.fuseUnk = fuseUnk;
    }

    int vocabSize() {
        return idToToken.length;
    }

    /** Byte-level: encodes the UTF-8 bytes {@code b} as one word, appending its ids to {@code out}. */
    void encodeBytes(byte[] b, IntList out) {
        int n = b.length;
        int[] sym = new int[n];
        for (int i = 0; i < n; i++) {
            int id = byteToId[b[i] & 0xFF];
            if (id < 0) throw new TokenizerException("byte-level vocabulary lacks the token for byte " + (b[i] & 0xFF));
            sym[i] = id;
        }
        n = merge(sym, n);
        out.addAll(sym, n);
    }

    /** Character-level: encodes {@code s[start, end)} as one word, appending its ids to {@code out}. */
    void encodeChars(String s, int start, int end, IntList out) {
        int[] sym = new int[Math.max(1, end - start)];
        int n = 0;
        boolean lastUnk = false;
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            int id = len == 1 ? bmpCharToId[cp] : lookup(s.substring(i, i + len));
            if (id >= 0) {
                sym = ensure(sym, n + 1);
                sym[n++] = id;
                lastUnk = false;
            } else {
                boolean done = false;
                if (byteFallback) {
                    byte[] bytes = s.substring(i, i + len).getBytes(StandardCharsets.UTF_8);
                    boolean all = true;
                    for (byte by : bytes) all &= byteFallbackId[by & 0xFF] >= 0;
                    if (all) {
                        sym = ensure(sym, n + bytes.length);
                        for (byte by : bytes) sym[n++] = byteFallbackId[by & 0xFF];
                        done = true;
                        lastUnk = false;
                    }
                }
                if (!done) {
                    if (unkId < 0) {
                        throw new TokenizerException("character U+" + Integer.toHexString(cp).toUpperCase()
                                + " is not in the vocabulary and there is no byte fallback or unk_token");
                    }
                    if (!(fuseUnk && lastUnk)) {
                        sym = ensure(sym, n + 1);
                        sym[n++] = unkId;
                    }
                    lastUnk = true;
                }
            }
            i += len;
        }
        n = merge(sym, n);
        out.addAll(sym, n);
    }

    private int lookup(String token) {
        Integer id = vocab.get(token);
        return id == null ? -1 : id;
    }

    private static int[] ensure(int[] a, int n) {
        return n <= a.length ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    /** Merges {@code sym[0, n)} in place; returns the new length. */
    int merge(int[] sym, int n) {
        if (n < 2) return n;
        return n <= HEAP_THRESHOLD ? mergeSmall(sym, n) : mergeLarge(sym, n);
    }

    private int rank(int a, int b) {
        int slot = merges.find(a, b);
        return slot < 0 ? Integer.MAX_VALUE : merges.first(slot);
    }

    private int mergeSmall(int[] sym, int n) {
        int[] ranks = new int[n - 1];
        for (int i = 0; i < n - 1; i++) ranks[i] = rank(sym[i], sym[i + 1]);
        while (n > 1) {
            int best = Integer.MAX_VALUE;
            int at = -1;
            for (int i = 0; i < n - 1; i++) {
                if (ranks[i] < best) {
                    best = ranks[i];
                    at = i;
                }
            }
            if (at < 0) break;
            sym[at] = merges.second(merges.find(sym[at], sym[at + 1]));
            System.arraycopy(sym, at + 2, sym, at + 1, n - at - 2);
            System.arraycopy(ranks, at + 1, ranks, at, n - at - 2);
            n--;
            if (at > 0) ranks[at - 1] = rank(sym[at - 1], sym[at]);
            if (at < n - 1) ranks[at] = rank(sym[at], sym[at + 1]);
        }
        return n;
    }

    private int mergeLarge(int[] sym, int n) {
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        LongHeap heap = new LongHeap(n);
        for (int i = 0; i < n - 1; i++) {
            int r = rank(sym[i], sym[i + 1]);
            if (r != Integer.MAX_VALUE) heap.push(((long) r << 32) | i);
        }
        while (!heap.isEmpty()) {
            long top = heap.pop();
            int r = (int) (top >>> 32);
            int i = (int) top;
            if (sym[i] < 0) continue;
            int j = next[i];
            if (j < 0) continue;
            int slot = merges.find(sym[i], sym[j]);
            if (slot < 0 || merges.first(slot) != r) continue; // stale: the pair changed
            sym[i] = merges.second(slot);
            sym[j] = -1;
            next[i] = next[j];
            if (next[j] >= 0) prev[next[j]] = i;
            if (prev[i] >= 0) {
                int pr = rank(sym[prev[i]], sym[i]);
                if (pr != Integer.MAX_VALUE) heap.push(((long) pr << 32) | prev[i]);
            }
            if (next[i] >= 0) {
                int nr = rank(sym[i], sym[next[i]]);
                if (nr != Integer.MAX_VALUE) heap.push(((long) nr << 32) | i);
            }
        }
        int m = 0;
        for (int i = 0; i < n; i++) if (sym[i] >= 0) sym[m++] = sym[i];
        return m;
    }

    /** Binary min-heap of longs; confined to one call. */
    static final class LongHeap {
        private long[] a;
        private int size;

        LongHeap(int capacity) {
            a = new long[Math.max(4, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long v) {
            if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (a[p] <= v) break;
                a[i] = a[p];
                i = p;
            }
            a[i] = v;
        }

        long pop() {
            long top = a[0];
            long v = a[--size];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= size) break;
                if (c + 1 < size && a[c + 1] < a[c]) c++;
                if (a[c] >= v) break;
                a[i] = a[c];
                i = c;
            }
            a[i] = v;
            return top;
        }
    }

    static Map<String, Integer> newVocab(int expected) {
        return new HashMap<>(expected * 4 / 3 + 16);
    }
}
