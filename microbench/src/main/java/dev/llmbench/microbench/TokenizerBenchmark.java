package dev.llmbench.microbench;

import dev.llmbench.harness.workload.tokenizer.Tokenizer;
import dev.llmbench.harness.workload.tokenizer.Tokenizers;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Encode throughput of our tokenizers side by side with JTokkit's {@code r50k_base} on the same text.
 *
 * <p>One operation encodes the whole text (about {@link #kib} KiB of mixed English prose, code and Unicode, seeded);
 * the auxiliary counters, reported by JMH as rates, are the ones to read: {@code bytes} (UTF-8 input bytes/s; divide
 * by 10^6 for MB/s) and {@code tokens} (tokens/s). Subjects:
 * <ul>
 *   <li>{@code jtokkitR50k}: JTokkit 1.1.0's {@code r50k_base} (GPT-2's vocabulary), the reference;</li>
 *   <li>{@code byteLevelJson}: our byte-level BPE from {@code gpt-2-split.tokenizer.json} (Split + ByteLevel);</li>
 *   <li>{@code byteLevelGguf}: our byte-level BPE from {@code gpt-2.gguf};</li>
 *   <li>{@code sentencePieceGguf}: our llama.cpp-style SentencePiece from {@code llama-spm.gguf} (score merges);</li>
 *   <li>{@code sentencePieceJson}: our SentencePiece-style BPE from {@code llama-spm.tokenizer.json} (rank merges).</li>
 * </ul>
 * {@link #setup} fails unless both byte-level subjects give exactly JTokkit's ids. {@link #wordCache} {@code false}
 * turns off our per-word cache, to show the merge itself. Example (from the repository root):
 * {@code java -jar microbench/target/benchmarks.jar Tokenizer -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenizerBenchmark {

    /** The tokenizer test-data folder (the vocabularies), relative to the working directory or absolute. */
    @Param({"../shared/testdata/tokenizers"})
    public String dataDir;

    /** Size of the text in KiB. */
    @Param({"64"})
    public int kib;

    /** Our per-word cache on or off (JTokkit has none). */
    @Param({"true", "false"})
    public boolean wordCache;

    /** Seed of the text. */
    @Param({"42"})
    public long seed;

    private String text;
    private long textBytes;
    private Tokenizer jtokkit;
    private Tokenizer byteLevelJson;
    private Tokenizer byteLevelGguf;
    private Tokenizer sentencePieceGguf;
    private Tokenizer sentencePieceJson;

    /** UTF-8 bytes and tokens encoded, reported as rates next to the primary score. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Rates {
        /** UTF-8 input bytes encoded. */
        public long bytes;
        /** Tokens produced. */
        public long tokens;

        @Setup(Level.Iteration)
        public void clear() {
            bytes = 0;
            tokens = 0;
        }
    }

    @Setup
    public void setup() {
        Path dir = resolve(dataDir);
        System.setProperty(Tokenizers.WORD_CACHE_PROPERTY, Boolean.toString(wordCache));
        jtokkit = Tokenizers.fromSpec("r50k_base");
        byteLevelJson = Tokenizers.fromSpec(dir.resolve("gpt-2-split.tokenizer.json").toString());
        byteLevelGguf = Tokenizers.fromSpec(dir.resolve("gpt-2.gguf").toString());
        sentencePieceGguf = Tokenizers.fromSpec(dir.resolve("llama-spm.gguf").toString());
        sentencePieceJson = Tokenizers.fromSpec(dir.resolve("llama-spm.tokenizer.json").toString());
        text = text(seed, kib * 1024);
        textBytes = text.getBytes(StandardCharsets.UTF_8).length;
        int[] reference = jtokkit.encode(text);
        for (Tokenizer t : new Tokenizer[] {byteLevelJson, byteLevelGguf}) {
            if (!Arrays.equals(t.encode(text), reference)) {
                throw new IllegalStateException(t.name() + " does not give JTokkit r50k_base's ids on the benchmark text");
            }
        }
        if (!Arrays.equals(sentencePieceGguf.encode(text), sentencePieceJson.encode(text))) {
            throw new IllegalStateException("the two SentencePiece tokenizers disagree on the benchmark text");
        }
    }

    private static Path resolve(String dataDir) {
        Path p = Paths.get(dataDir);
        if (p.isAbsolute() || Files.isDirectory(p)) return p;
        // run from microbench/ instead of the repository root: look upwards
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(dataDir))) return d.resolve(dataDir);
        }
        throw new IllegalStateException("tokenizer test data not found at " + p.toAbsolutePath()
                + "; pass -p dataDir=/path/to/shared/testdata/tokenizers");
    }

    private int[] count(int[] ids, Rates rates) {
        rates.bytes += textBytes;
        rates.tokens += ids.length;
        return ids;
    }

    @Benchmark
    public int[] jtokkitR50k(Rates rates) {
        return count(jtokkit.encode(text), rates);
    }

    @Benchmark
    public int[] byteLevelJson(Rates rates) {
        return count(byteLevelJson.encode(text), rates);
    }

    @Benchmark
    public int[] byteLevelGguf(Rates rates) {
        return count(byteLevelGguf.encode(text), rates);
    }

    @Benchmark
    public int[] sentencePieceGguf(Rates rates) {
        return count(sentencePieceGguf.encode(text), rates);
    }

    @Benchmark
    public int[] sentencePieceJson(Rates rates) {
        return count(sentencePieceJson.encode(text), rates);
    }

    /**
     * About {@code bytes} UTF-8 bytes of text, seeded: English prose from a Zipf-like word distribution (so words
     * repeat as in real text, with a long tail of rare and invented words), code lines, numbers and Unicode snippets.
     */
    static String text(long seed, int bytes) {
        Random r = new Random(seed);
        String[] common = ("the of and to a in is it you that he was for on are with as I his they be at one have this"
                + " from or had by hot word but what some we can out other were all there when up use your how said an"
                + " each she which do their time if will way about many then them write would like so these her long"
                + " make thing see him two has look more day could go come did number sound no most people my over"
                + " know water than call first who may down side been now find latency throughput tokenizer benchmark"
                + " request response server endpoint percentile").split(" ");
        String[] code = {"for (int i = 0; i < n; i++) {\n    sum += a[i] * b[i];\n}\n",
                "def encode(self, text: str) -> list[int]:\n\treturn self._bpe(text)  # cached\n",
                "{\"model\": \"llama-2-70b-chat\", \"stream\": true, \"max_tokens\": 1000, \"temperature\": 0.7}\n",
                "SELECT id, ttft_ms FROM runs WHERE p99 > 800 ORDER BY id DESC;\n", "    }\n\n"};
        String[] unicode = {"Ünïcödé — “quotes” ‘and’ «guillemets» ", "日本語のテキストと中文文本。", "Привет, мир! ",
                "🚀🦙😁 emoji ✅ ", "नमस्ते दुनिया ", "Cửa Việt ", "😶\u200d🌫️ "};
        StringBuilder sb = new StringBuilder(bytes + 256);
        int size = 0;
        while (size < bytes) {
            int start = sb.length();
            int k = r.nextInt(20);
            if (k < 15) {
                int words = 5 + r.nextInt(15);
                for (int w = 0; w < words; w++) {
                    String word;
                    double u = r.nextDouble();
                    if (u < 0.9) {
                        word = common[(int) (common.length * Math.pow(r.nextDouble(), 2.5))];
                    } else {
                        char[] c = new char[3 + r.nextInt(9)];
                        for (int j = 0; j < c.length; j++) c[j] = (char) ('a' + r.nextInt(26));
                        word = new String(c);
                    }
                    if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    sb.append(word);
                    if (r.nextInt(12) == 0) sb.append(',');
                    sb.append(w + 1 < words ? " " : ". ");
                }
                if (r.nextInt(5) == 0) sb.append("\n\n");
            } else if (k < 18) {
                sb.append(code[r.nextInt(code.length)]);
            } else if (k < 19) {
                sb.append(unicode[r.nextInt(unicode.length)]);
            } else {
                sb.append(r.nextInt(1_000_000)).append(' ');
            }
            size += sb.substring(start).getBytes(StandardCharsets.UTF_8).length;
        }
        return sb.toString();
    }
}
