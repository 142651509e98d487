package dev.llmbench.harness.workload.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face {@code tokenizer.json} into a pure-Java {@link Tokenizer}.
 *
 * <p>Supported: model {@code BPE} (merges as {@code "a b"} strings or {@code ["a", "b"]} pairs; {@code byte_fallback},
 * {@code unk_token}, {@code fuse_unk}, {@code ignore_merges}); normalizers {@code Prepend}, {@code Replace},
 * {@code NFC}/{@code NFD}/{@code NFKC}/{@code NFKD}, {@code Sequence}; pre-tokenizers {@code ByteLevel} (with and
 * without its GPT-2 regex; {@code add_prefix_space} as the first step only), {@code Split} (regex or string pattern,
 * all behaviours, no {@code invert}), {@code Sequence}; decoders {@code ByteLevel}, {@code Replace},
 * {@code ByteFallback}, {@code Fuse}, {@code Strip}, {@code Sequence}. Added tokens (special or not) are matched
 * literally and kept whole ({@code lstrip}/{@code rstrip}/{@code single_word} are not applied). The post-processor
 * is ignored: {@link Tokenizer#encode} adds no special tokens. Anything else fails with a {@link TokenizerException}
 * naming the component and what is supported.
 */
public final class HuggingFaceTokenizers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HuggingFaceTokenizers() {
    }

    /** Loads {@code file}; the tokenizer's name is the file name. */
    public static Tokenizer load(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        }
        if (root == null || !root.isObject()) throw new TokenizerException(file + " is not a tokenizer.json (no JSON object)");
        try {
            return fromJson(root, file.getFileName().toString());
        } catch (TokenizerException e) {
            throw new TokenizerException(file + ": " + e.getMessage(), e);
        }
    }

    static Tokenizer fromJson(JsonNode root, String name) {
        JsonNode model = root.path("model");
        String type = model.path("type").asText("BPE");
        if (!"BPE".equals(type)) {
            throw new TokenizerException("model type '" + type + "' is not supported; supported: BPE");
        }
        if (!model.path("dropout").isNull() && !model.path("dropout").isMissingNode() && model.path("dropout").asDouble() != 0) {
            throw new TokenizerException("BPE dropout is not supported (it makes encoding random)");
        }
        for (String affix : new String[] {"continuing_subword_prefix", "end_of_word_suffix"}) {
            if (!model.path(affix).asText("").isEmpty()) {
                throw new TokenizerException("BPE " + affix + " '" + model.path(affix).asText() + "' is not supported");
            }
        }
        Map<String, Integer> vocab = BpeModel.newVocab(model.path("vocab").size() + 16);
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        if (vocab.isEmpty()) throw new TokenizerException("the BPE model has no vocab");
        List<String[]> merges = new ArrayList<>(model.path("merges").size());
        for (JsonNode m : model.path("merges")) {
            if (m.isTextual()) {
                String s = m.asText();
                int sp = s.indexOf(' ', 1);
                if (sp < 0) throw new TokenizerException("merge '" + s + "' is not two tokens separated by a space");
                merges.add(new String[] {s.substring(0, sp), s.substring(sp + 1)});
            } else if (m.isArray() && m.size() == 2) {
                merges.add(new String[] {m.get(0).asText(), m.get(1).asText()});
            } else {
                throw new TokenizerException("merge " + m + " is neither \"a b\" nor [\"a\", \"b\"]");
            }
        }
        Map<String, Integer> added = new LinkedHashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            String content = t.path("content").asText("");
            int id = t.path("id").asInt(-1);
            if (content.isEmpty() || id < 0) continue;
            added.put(content, id);
            vocab.putIfAbsent(content, id);
        }
        boolean byteFallback = model.path("byte_fallback").asBoolean(false);
        String unk = model.path("unk_token").isTextual() ? model.path("unk_token").asText() : null;
        BpeModel bpe = new BpeModel(vocab, merges, byteFallback, unk, model.path("fuse_unk").asBoolean(false));

        PreParts pre = new PreParts();
        preTokenizer(root.path("pre_tokenizer"), pre, true);
        TextNormalizer normalizer = normalizer(root.path("normalizer"));
        if (pre.prefixSpace) {
            TextNormalizer prefix = s -> s.isEmpty() || s.charAt(0) == ' ' ? s : " " + s;
            normalizer = normalizer == null ? prefix : TextNormalizer.sequence(List.of(normalizer, prefix));
        }
        PreTokenizer preTokenizer = pre.steps.isEmpty() ? null
                : pre.steps.size() == 1 ? pre.steps.get(0) : new SequencePreTokenizer(pre.steps);
        TokenDecoder decoder = decoder(root.path("decoder"));
        return new BpeTokenizer(name, bpe, pre.byteLevel, model.path("ignore_merges").asBoolean(false),
                SpecialTokens.of(added), normalizer, preTokenizer, decoder);
    }

    private static final class PreParts {
        final List<PreTokenizer> steps = new ArrayList<>();
        boolean byteLevel;
        boolean prefixSpace;
    }

    private static void preTokenizer(JsonNode node, PreParts parts, boolean first) {
        if (node.isMissingNode() || node.isNull()) return;
        String type = node.path("type").asText("");
        switch (type) {
            case "ByteLevel":
                parts.byteLevel = true;
                if (node.path("add_prefix_space").asBoolean(false)) {
                    if (!first) {
                        throw new TokenizerException("pre-tokenizer ByteLevel with add_prefix_space is supported only"
                                + " as the first pre-tokenizer");
                    }
                    parts.prefixSpace = true;
                }
                if (node.path("use_regex").asBoolean(true)) parts.steps.add(Gpt2PreTokenizer.INSTANCE);
                return;
            case "Split": {
                JsonNode pattern = node.path("pattern");
                String regex;
                if (pattern.has("Regex")) regex = pattern.get("Regex").asText();
                else if (pattern.has("String")) regex = java.util.regex.Pattern.quote(pattern.get("String").asText());
                else throw new TokenizerException("pre-tokenizer Split needs a pattern {\"Regex\": ...} or {\"String\": ...}");
                if (node.path("invert").asBoolean(false)) {
                    throw new TokenizerException("pre-tokenizer Split with invert=true is not supported");
                }
                RegexPreTokenizer.Behavior behavior = RegexPreTokenizer.Behavior.parse(node.path("behavior").asText("Isolated"));
                parts.steps.add(behavior == RegexPreTokenizer.Behavior.ISOLATED ? RegexPreTokenizer.isolated(regex)
                        : new RegexPreTokenizer(regex, behavior, false));
                return;
            }
            case "Sequence": {
                boolean f = first;
                for (JsonNode step : node.path("pretokenizers")) {
                    preTokenizer(step, parts, f);
                    f = false;
                }
                return;
            }
            default:
                throw new TokenizerException("pre-tokenizer type '" + type + "' is not supported; supported: ByteLevel,"
                        + " Split, Sequence (or none)");
        }
    }

    private static TextNormalizer normalizer(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        String type = node.path("type").asText("");
        switch (type) {
            case "Prepend":
                return TextNormalizer.prepend(node.path("prepend").asText());
            case "Replace": {
                JsonNode pattern = node.path("pattern");
                String content = node.path("content").asText();
                if (pattern.has("String")) return TextNormalizer.replace(pattern.get("String").asText(), content);
                if (pattern.has("Regex")) return TextNormalizer.replaceRegex(pattern.get("Regex").asText(), content);
                throw new TokenizerException("normalizer Replace needs a pattern {\"String\": ...} or {\"Regex\": ...}");
            }
            case "NFC":
                return TextNormalizer.unicode(java.text.Normalizer.Form.NFC);
            case "NFD":
                return TextNormalizer.unicode(java.text.Normalizer.Form.NFD);
            case "NFKC":
                return TextNormalizer.unicode(java.text.Normalizer.Form.NFKC);
            case "NFKD":
                return TextNormalizer.unicode(java.text.Normalizer.Form.NFKD);
            case "Sequence": {
                List<TextNormalizer> steps = new ArrayList<>();
                for (JsonNode n : node.path("normalizers")) {
                    TextNormalizer s = normalizer(n);
                    if (s != null) steps.add(s);
                }
                return TextNormalizer.sequence(steps);
            }
            default:
                throw new TokenizerException("normalizer type '" + type + "' is not supported; supported: Prepend,"
                        + " Replace, NFC, NFD, NFKC, NFKD, Sequence (or none)");
        }
    }

    private static TokenDecoder decoder(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return null;
        String type = node.path("type").asText("");
        switch (type) {
            case "ByteLevel":
                return TokenDecoder.BYTE_LEVEL;
            case "ByteFallback":
                return TokenDecoder.BYTE_FALLBACK;
            case "Fuse":
                return TokenDecoder.FUSE;
            case "Replace": {
                JsonNode pattern = node.path("pattern");
                if (!pattern.has("String")) throw new TokenizerException("decoder Replace supports only a String pattern");
                return TokenDecoder.replace(pattern.get("String").asText(), node.path("content").asText());
            }
            case "Strip": {
                String content = node.path("content").asText(" ");
                if (content.length() != 1) throw new TokenizerException("decoder Strip needs a one-character content");
                return TokenDecoder.strip(content.charAt(0), node.path("start").asInt(0), node.path("stop").asInt(0));
            }
            case "Sequence": {
                List<TokenDecoder> steps = new ArrayList<>();
                for (JsonNode n : node.path("decoders")) {
                    TokenDecoder d = decoder(n);
                    if (d != null) steps.add(d);
                }
                return TokenDecoder.sequence(steps);
            }
            default:
                throw new TokenizerException("decoder type '" + type + "' is not supported; supported: ByteLevel,"
                        + " Replace, ByteFallback, Fuse, Strip, Sequence (or none)");
        }
    }

}
