package dev.llmbench.harness.workload.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A BPE tokenizer pipeline, as in Hugging Face tokenizers: added/special tokens are cut out first and kept whole;
 * each remaining segment is normalized, pre-tokenized into words, and each word is merged by {@link BpeModel}
 * (from UTF-8 bytes for byte-level BPE, from characters otherwise); decoding runs a {@link TokenDecoder} chain.
 * Made by {@link HuggingFaceTokenizers} from a {@code tokenizer.json} and by {@link GgufTokenizers} for GGUF
 * {@code gpt2} vocabularies.
 *
 * <p>Words of up to {@value #CACHE_MAX_WORD} chars are cached (word → ids) in a bounded concurrent map (cleared
 * when it reaches {@value #CACHE_MAX_ENTRIES} entries), which makes natural text, where words repeat, fast; the system
 * property {@value Tokenizers#WORD_CACHE_PROPERTY}{@code =false} turns it off (to measure the merge itself).
 * Thread-safe: the only mutable state is that cache.
 */
final class BpeTokenizer implements Tokenizer {
    static final int CACHE_MAX_WORD = 48;
    static final int CACHE_MAX_ENTRIES = 65_536;

    private final String name;
    private final BpeModel model;
    private final boolean byteLevel;
    private final boolean ignoreMerges;
    private final SpecialTokens specials;
    private final TextNormalizer normalizer;
    private final PreTokenizer preTokenizer;
    private final TokenDecoder decoder;
    private final ConcurrentHashMap<String, int[]> cache = new ConcurrentHashMap<>(4096);
    private final boolean useCache = !"false".equalsIgnoreCase(System.getProperty(Tokenizers.WORD_CACHE_PROPERTY));

    /**
     * @param normalizer   null for none
     * @param preTokenizer null: the whole segment is one word
     * @param decoder      null: token strings joined
     */
    BpeTokenizer(String name, BpeModel model, boolean byteLevel, boolean ignoreMerges, SpecialTokens specials,
                 TextNormalizer normalizer, PreTokenizer preTokenizer, TokenDecoder decoder) {
        this.name = name;
        this.model = model;
        this.byteLevel = byteLevel;
        this.ignoreMerges = ignoreMerges;
        this.specials = specials;
        this.normalizer = normalizer;
        this.preTokenizer = preTokenizer;
        this.decoder = decoder;
    }

    @Override
    public int[] encode(String text) {
        IntList out = new IntList(text.length() / 3 + 4);
        if (specials == null) {
            segment(text, 0, text.length(), out);
        } else {
            specials.split(text, new SpecialTokens.Sink() {
                @Override
                public void text(int start, int end) {
                    segment(text, start, end, out);
                }

                @Override
                public void token(int id) {
                    out.add(id);
                }
            });
        }
        return out.toArray();
    }

    private void segment(String text, int start, int end, IntList out) {
        if (normalizer != null) {
            text = normalizer.normalize(text.substring(start, end));
            start = 0;
            end = text.length();
        }
        if (preTokenizer == null) {
            word(text, start, end, out);
        } else {
            preTokenizer.split(text, start, end, (t, s, e) -> word(t, s, e, out));
        }
    }

    private void word(String text, int start, int end, IntList out) {
        if (start >= end) return;
        if (useCache && end - start <= CACHE_MAX_WORD) {
            String key = text.substring(start, end);
            int[] ids = cache.get(key);
            if (ids == null) {
                IntList tmp = new IntList(end - start);
                encodeWord(key, 0, key.length(), tmp);
                ids = tmp.toArray();
                if (cache.size() >= CACHE_MAX_ENTRIES) cache.clear();
                cache.put(key, ids);
            }
            out.addAll(ids);
        } else {
            encodeWord(text, start, end, out);
        }
    }

    private void encodeWord(String text, int start, int end, IntList out) {
        if (byteLevel) {
            byte[] bytes = text.substring(start, end).getBytes(StandardCharsets.UTF_8);
            if (ignoreMerges) {
                Integer id = model.vocab.get(ByteLevel.toChars(bytes));
                if (id != null) {
                    out.add(id);
                    return;
                }
            }
            model.encodeBytes(bytes, out);
        } else {
            if (ignoreMerges) {
                Integer id = model.vocab.get(text.substring(start, end));
                if (id != null) {
                    out.add(id);
                    return;
                }
            }
            model.encodeChars(text, start, end, out);
        }
    }

    @Override
    public String decode(int[] ids) {
        List<String> tokens = new ArrayList<>(ids.length);
        for (int id : ids) {
            if (id < 0 || id >= model.idToToken.length || model.idToToken[id] == null) {
                throw new IllegalArgumentException(name + ": token id " + id + " is not in the vocabulary (size "
                        + model.idToToken.length + ")");
            }
            tokens.add(model.idToToken[id]);
        }
        if (decoder != null) tokens = decoder.decode(tokens);
        return String.join("", tokens);
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
        return "BpeTokenizer[" + name + ", " + model.vocabSize() + " tokens" + (byteLevel ? ", byte-level" : "") + "]";
    }
}
