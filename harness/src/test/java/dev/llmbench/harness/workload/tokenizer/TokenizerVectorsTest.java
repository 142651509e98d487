package dev.llmbench.harness.workload.tokenizer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every llama.cpp test vector, reproduced by each of our implementations. */
class TokenizerVectorsTest {

    @ParameterizedTest(name = "{1} reproduces every vector of {0}.out")
    @CsvSource({
            "gpt-2, gpt-2.gguf",
            "gpt-2, gpt-2.tokenizer.json",
            "gpt-2, gpt-2-split.tokenizer.json",
            "gpt-2, r50k_base",
            "llama-spm, llama-spm.gguf",
            "llama-spm, llama-spm.tokenizer.json",
    })
    void reproducesEveryVector(String vectors, String tokenizerFile) {
        List<String> inputs = TokenizerTestData.inputs(vectors);
        List<int[]> expected = TokenizerTestData.outputs(vectors);
        assertThat(inputs).hasSize(47);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(47);
        Tokenizer tokenizer = tokenizerFile.contains(".") ? TokenizerTestData.load(tokenizerFile)
                : Tokenizers.fromSpec(tokenizerFile);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int[] ids = tokenizer.encode(inputs.get(i));
            if (!Arrays.equals(ids, expected.get(i))) {
                failures.add("#" + i + " '" + inputs.get(i).replace("\n", "\\n") + "': expected "
                        + Arrays.toString(expected.get(i)) + " got " + Arrays.toString(ids));
            }
            assertThat(tokenizer.count(inputs.get(i))).isEqualTo(ids.length);
        }
        assertThat(failures).as(tokenizer.name()).isEmpty();
    }

    @ParameterizedTest(name = "{0}: decode(encode(s)) = s on every vector")
    @CsvSource({"gpt-2.gguf, gpt-2", "gpt-2.tokenizer.json, gpt-2", "gpt-2-split.tokenizer.json, gpt-2",
            "llama-spm.gguf, llama-spm", "llama-spm.tokenizer.json, llama-spm"})
    @DisplayName("round trip")
    void decodeOfEncodeIsTheInput(String tokenizerFile, String vectors) {
        Tokenizer tokenizer = TokenizerTestData.load(tokenizerFile);
        for (String s : TokenizerTestData.inputs(vectors)) {
            assertThat(tokenizer.decode(tokenizer.encode(s))).as(s).isEqualTo(s);
        }
    }
}
