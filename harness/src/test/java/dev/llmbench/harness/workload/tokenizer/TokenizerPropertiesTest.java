package dev.llmbench.harness.workload.tokenizer;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties on seeded random Unicode text: no exception, round trip, count = encode length, oracles agree. */
class TokenizerPropertiesTest {
    private static final List<String> BYTE_LEVEL = List.of("gpt-2.gguf", "gpt-2.tokenizer.json", "gpt-2-split.tokenizer.json");
    private static final List<String> SENTENCE_PIECE = List.of("llama-spm.gguf", "llama-spm.tokenizer.json");

    @RepeatedTest(40)
    void byteLevelBpeRoundTripsRandomUnicodeAndEqualsJTokkit(RepetitionInfo info) {
        Random r = new Random(1000 + info.getCurrentRepetition());
        Tokenizer r50k = Tokenizers.fromSpec("r50k_base");
        for (int k = 0; k < 25; k++) {
            String s = RandomText.unicode(r, 1 + k * 8);
            int[] reference = r50k.encode(s);
            for (String f : BYTE_LEVEL) {
                Tokenizer t = TokenizerTestData.load(f);
                int[] ids = t.encode(s);
                assertThat(ids).as("%s on %s", f, escape(s)).isEqualTo(reference);
                assertThat(t.count(s)).isEqualTo(ids.length);
                assertThat(t.decode(ids)).as("%s round trip of %s", f, escape(s)).isEqualTo(s);
            }
        }
    }

    @RepeatedTest(20)
    void sentencePieceGgufAndTokenizerJsonAgreeAndRoundTrip(RepetitionInfo info) {
        Random r = new Random(2000 + info.getCurrentRepetition());
        Tokenizer gguf = TokenizerTestData.load(SENTENCE_PIECE.get(0));
        Tokenizer json = TokenizerTestData.load(SENTENCE_PIECE.get(1));
        for (int k = 0; k < 25; k++) {
            String s = RandomText.unicode(r, 1 + k * 8);
            int[] ids = gguf.encode(s);
            assertThat(json.encode(s)).as("tokenizer.json vs gguf on %s", escape(s)).isEqualTo(ids);
            assertThat(gguf.count(s)).isEqualTo(ids.length);
            assertThat(json.count(s)).isEqualTo(ids.length);
            assertThat(gguf.decode(ids)).as("gguf round trip of %s", escape(s)).isEqualTo(s);
            assertThat(json.decode(ids)).as("json round trip of %s", escape(s)).isEqualTo(s);
        }
    }

    @RepeatedTest(20)
    void gpt2ScannerSplitsExactlyLikeTheRegex(RepetitionInfo info) {
        Random r = new Random(3000 + info.getCurrentRepetition());
        Pattern p = Pattern.compile(Gpt2PreTokenizer.PATTERN, Pattern.UNICODE_CHARACTER_CLASS);
        for (int k = 0; k < 50; k++) {
            String s = RandomText.unicode(r, 60);
            StringBuilder fast = new StringBuilder();
            Gpt2PreTokenizer.INSTANCE.split(s, 0, s.length(), (t, a, b) -> fast.append(a).append('-').append(b).append(' '));
            StringBuilder regex = new StringBuilder();
            Matcher m = p.matcher(s);
            while (m.find()) regex.append(m.start()).append('-').append(m.end()).append(' ');
            assertThat(fast.toString()).as(escape(s)).isEqualTo(regex.toString());
        }
    }

    @Test
    void gpt2IdsEqualJTokkitOnALargerMixedText() {
        String text = RandomText.mixed(42, 64 * 1024);
        int[] reference = Tokenizers.fromSpec("r50k_base").encode(text);
        assertThat(reference.length).isGreaterThan(10_000);
        for (String f : BYTE_LEVEL) {
            Tokenizer t = TokenizerTestData.load(f);
            assertThat(t.encode(text)).as(f).isEqualTo(reference);
            assertThat(t.decode(reference)).as(f).isEqualTo(text);
        }
    }

    @Test
    void longWordsUseTheHeapMergeAndAgreeWithTheFlatOne() {
        // a single pre-token far above the flat-merge threshold, and the SentencePiece whole-text word
        String word = "a".repeat(500) + "b".repeat(300) + "ab".repeat(200);
        Tokenizer json = TokenizerTestData.load("gpt-2.tokenizer.json");
        assertThat(json.encode(word)).isEqualTo(Tokenizers.fromSpec("r50k_base").encode(word));
        String text = RandomText.mixed(7, 16 * 1024);
        Tokenizer sp = TokenizerTestData.load("llama-spm.tokenizer.json");
        assertThat(sp.encode(text)).isEqualTo(TokenizerTestData.load("llama-spm.gguf").encode(text));
        assertThat(sp.decode(sp.encode(text))).isEqualTo(text);
    }

    @Test
    void specialTokensAreKeptWhole() {
        Tokenizer json = TokenizerTestData.load("gpt-2.tokenizer.json");
        int[] ids = json.encode("Hello<|endoftext|>world");
        assertThat(ids).contains(50256);
        assertThat(json.decode(ids)).isEqualTo("Hello<|endoftext|>world");
        Tokenizer gguf = TokenizerTestData.load("llama-spm.gguf");
        int[] sp = gguf.encode("a</s>b");
        assertThat(sp).contains(2);
    }

    @Test
    void approximateCountsQuartersAndRefusesToDecode() {
        Tokenizer a = Tokenizers.fromSpec("approx");
        assertThat(a.approximate()).isTrue();
        assertThat(a.count("abcdefghi")).isEqualTo(3);
        assertThat(a.encode("abcdefghi")).hasSize(3);
        assertThat(a.encode("")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.decode(new int[] {1}))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("approximate");
    }

    @Test
    void everyJTokkitEncodingLoadsAndRoundTrips() {
        for (String name : List.of("cl100k_base", "o200k_base", "r50k_base", "p50k_base", "p50k_edit")) {
            Tokenizer t = Tokenizers.fromSpec(name);
            assertThat(t.name()).isEqualTo(name);
            assertThat(t.approximate()).isFalse();
            String s = "Hello, wörld! 🦙 <|endoftext|>";
            assertThat(t.decode(t.encode(s))).isEqualTo(s);
            assertThat(t.count(s)).isEqualTo(t.encode(s).length);
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7E) sb.append(String.format("\\u{%X}", c));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }
}
