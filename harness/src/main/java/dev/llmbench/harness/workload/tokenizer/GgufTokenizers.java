package dev.llmbench.harness.workload.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Tokenizer} from the vocabulary inside a GGUF model file (see {@link GgufMetadata}), so a benchmark of
 * a llama.cpp or Ollama server counts tokens with exactly the served model's vocabulary.
 *
 * <p>{@code tokenizer.ggml.model}: {@code llama} → {@link SentencePieceTokenizer} (pieces, scores, token types, byte
 * fallback; {@code tokenizer.ggml.add_space_prefix}, default true); {@code gpt2} → byte-level BPE with
 * {@code tokenizer.ggml.merges}, pre-tokenized according to {@code tokenizer.ggml.pre} (see {@link #PRE_TYPES}).
 * Control and user-defined tokens (types 3 and 4) written in the text are kept whole.
 */
public final class GgufTokenizers {
    private static final String GPT2 = Gpt2PreTokenizer.PATTERN;
    private static final String GPT2_NO_TRAILING = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
    private static final String LLAMA3 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN2 = "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String GPT4O = "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
            + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

    /**
     * Pre-tokenizer regexes by {@code tokenizer.ggml.pre} value, applied in order (each splits the pieces of the one
     * before, as llama.cpp does); taken from llama.cpp's {@code llama-vocab.cpp}.
     */
    public static final Map<String, List<String>> PRE_TYPES = preTypes();

    private static Map<String, List<String>> preTypes() {
        Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (String k : new String[] {"default", "gpt-2", "mpt", "olmo", "jais", "trillion"}) m.put(k, List.of(GPT2));
        for (String k : new String[] {"llama-bpe", "llama3", "dbrx", "smaug-bpe", "chatglm-bpe"}) m.put(k, List.of(LLAMA3));
        for (String k : new String[] {"qwen2", "stablelm2", "hunyuan"}) m.put(k, List.of(QWEN2));
        for (String k : new String[] {"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"}) {
            m.put(k, List.of("\\p{N}", GPT2_NO_TRAILING));
        }
        m.put("falcon", List.of("[\\p{P}\\$\\+<=>\\^~\\|`]+", GPT2_NO_TRAILING, "[0-9][0-9][0-9]"));
        m.put("gpt-4o", List.of(GPT4O));
        m.put("deepseek-coder", List.of("[\r\n]", "\\s?\\p{L}+", "\\s?\\p{P}+", "[一-龥ࠀ-一가-퟿]+", "\\p{N}"));
        m.put("poro-chat", List.of(" ?[^(\\s|.,!?…。，、।۔،)]+"));
        m.put("bloom", List.of(" ?[^(\\s|.,!?…。，、।۔،)]+"));
        m.put("gpt3-finnish", List.of(" ?[^(\\s|.,!?…。，、।۔،)]+"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private GgufTokenizers() {
    }

    /** Loads the vocabulary of {@code file}. */
    public static Tokenizer load(Path file) throws IOException {
        GgufMetadata meta = GgufMetadata.read(file);
        try {
            return fromMetadata(meta, "gguf:" + file.getFileName());
        } catch (TokenizerException e) {
            throw new TokenizerException(file + ": " + e.getMessage(), e);
        }
    }

    static Tokenizer fromMetadata(GgufMetadata meta, String name) {
        String model = meta.string("tokenizer.ggml.model", null);
        if (model == null) throw new TokenizerException("no tokenizer.ggml.model key: the file carries no vocabulary");
        Object tokensValue = meta.get("tokenizer.ggml.tokens");
        if (!(tokensValue instanceof String[])) throw new TokenizerException("tokenizer.ggml.tokens is missing or not a string array");
        String[] tokens = (String[]) tokensValue;
        int[] types = new int[tokens.length];
        java.util.Arrays.fill(types, 1);
        Object typeValue = meta.get("tokenizer.ggml.token_type");
        if (typeValue instanceof long[]) {
            long[] t = (long[]) typeValue;
            for (int i = 0; i < Math.min(t.length, types.length); i++) types[i] = (int) t[i];
        }
        switch (model) {
            case "llama": {
                float[] scores = new float[tokens.length];
                Object s = meta.get("tokenizer.ggml.scores");
                if (s instanceof float[]) System.arraycopy((float[]) s, 0, scores, 0, Math.min(scores.length, ((float[]) s).length));
                boolean prefix = meta.bool("tokenizer.ggml.add_space_prefix", true);
                return new SentencePieceTokenizer(name + " (llama)", tokens, scores, types, prefix);
            }
            case "gpt2": {
                Object mv = meta.get("tokenizer.ggml.merges");
                if (!(mv instanceof String[])) throw new TokenizerException("tokenizer.ggml.merges is missing for a gpt2 vocabulary");
                List<String[]> merges = new ArrayList<>();
                for (String m : (String[]) mv) {
                    int sp = m.indexOf(' ', 1);
                    if (sp < 0) throw new TokenizerException("merge '" + m + "' is not two tokens separated by a space");
                    merges.add(new String[] {m.substring(0, sp), m.substring(sp + 1)});
                }
                Map<String, Integer> vocab = BpeModel.newVocab(tokens.length);
                Map<String, Integer> special = new HashMap<>();
                for (int i = 0; i < tokens.length; i++) {
                    vocab.putIfAbsent(tokens[i], i);
                    if (types[i] == SentencePieceTokenizer.TYPE_CONTROL || types[i] == SentencePieceTokenizer.TYPE_USER_DEFINED) {
                        special.put(tokens[i], i);
                    }
                }
                String pre = meta.string("tokenizer.ggml.pre", "default");
                List<String> regexes = PRE_TYPES.get(pre);
                if (regexes == null) {
                    throw new TokenizerException("tokenizer.ggml.pre '" + pre + "' is not supported; supported: "
                            + String.join(", ", PRE_TYPES.keySet()));
                }
                List<PreTokenizer> steps = new ArrayList<>();
                for (String r : regexes) steps.add(RegexPreTokenizer.isolated(r));
                PreTokenizer preTokenizer = steps.size() == 1 ? steps.get(0) : new SequencePreTokenizer(steps);
                BpeModel bpe = new BpeModel(vocab, merges, false, null, false);
                return new BpeTokenizer(name + " (gpt2, pre " + pre + ")", bpe, true, false, SpecialTokens.of(special),
                        null, preTokenizer, TokenDecoder.BYTE_LEVEL);
            }
            default:
                throw new TokenizerException("tokenizer.ggml.model '" + model + "' is not supported; supported: llama"
                        + " (SentencePiece BPE), gpt2 (byte-level BPE)");
        }
    }
}
