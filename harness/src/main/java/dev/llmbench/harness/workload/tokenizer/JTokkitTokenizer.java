package dev.llmbench.harness.workload.tokenizer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OpenAI's tiktoken encodings through JTokkit ({@code cl100k_base}, {@code o200k_base}, {@code r50k_base},
 * {@code p50k_base}, {@code p50k_edit}); the encodings ship inside JTokkit's jar, nothing is downloaded.
 *
 * <p>Text is encoded as ordinary text: a special token such as {@code <|endoftext|>} written in the text is encoded
 * as its characters (tiktoken's {@code encode_ordinary}), never rejected. Thread-safe (JTokkit's encodings are).
 */
public final class JTokkitTokenizer implements Tokenizer {
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private final Encoding encoding;
    private final String name;

    private JTokkitTokenizer(Encoding encoding, String name) {
        this.encoding = encoding;
        this.name = name;
    }

    /** The encoding called {@code name}, or empty if JTokkit has none by that name. */
    public static Optional<JTokkitTokenizer> forName(String name) {
        return EncodingType.fromName(name).map(t -> new JTokkitTokenizer(REGISTRY.getEncoding(t), t.getName()));
    }

    /** Names of the encodings JTokkit ships. */
    public static List<String> names() {
        return Arrays.stream(EncodingType.values()).map(EncodingType::getName).collect(Collectors.toList());
    }

    @Override
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    @Override
    public int count(String text) {
        return encoding.countTokensOrdinary(text);
    }

    @Override
    public String decode(int[] ids) {
        IntArrayList list = new IntArrayList(ids.length);
        for (int id : ids) list.add(id);
        try {
            return encoding.decode(list);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(name + ": cannot decode " + e.getMessage(), e);
        }
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
        return "JTokkitTokenizer[" + name + "]";
    }
}
