package dev.llmbench.harness.workload.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Tokenizers#fromSpec}: what it accepts, and one clear message for what it does not. */
class TokenizerSpecTest {

    @Test
    void unknownNameSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Tokenizers.fromSpec("gpt5_base"))
                .isInstanceOf(TokenizerException.class)
                .hasMessageContaining("'gpt5_base'")
                .hasMessageContaining("o200k_base").hasMessageContaining("cl100k_base")
                .hasMessageContaining(".json").hasMessageContaining(".gguf").hasMessageContaining("approx");
    }

    @Test
    void emptySpecIsRejected() {
        assertThatThrownBy(() -> Tokenizers.fromSpec(" ")).isInstanceOf(TokenizerException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void missingFileNamesThePathAndTheKind(@TempDir Path dir) {
        Path missing = dir.resolve("nope/tokenizer.json");
        assertThatThrownBy(() -> Tokenizers.fromSpec(missing.toString()))
                .isInstanceOf(TokenizerException.class)
                .hasMessageContaining("Hugging Face tokenizer.json").hasMessageContaining(missing.toString())
                .hasMessageContaining("not a readable file").hasMessageContaining("o200k_base");
        assertThatThrownBy(() -> Tokenizers.fromSpec(dir.resolve("model.gguf").toString()))
                .hasMessageContaining("GGUF model file");
    }

    @Test
    void malformedFilesFailWithTheReason(@TempDir Path dir) throws IOException {
        Path notGguf = Files.writeString(dir.resolve("model.gguf"), "this is not a model");
        assertThatThrownBy(() -> Tokenizers.fromSpec(notGguf.toString()))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("magic");
        Path notJson = Files.writeString(dir.resolve("tokenizer.json"), "{ not json");
        assertThatThrownBy(() -> Tokenizers.fromSpec(notJson.toString()))
                .isInstanceOf(TokenizerException.class).hasMessageContaining("could not load it as a Hugging Face tokenizer.json");
    }

    @Test
    void unsupportedComponentsNameTheTypeAndTheSupportedOnes(@TempDir Path dir) throws IOException {
        Path unigram = Files.writeString(dir.resolve("unigram.json"),
                "{\"model\": {\"type\": \"Unigram\", \"vocab\": [[\"a\", 0.0]]}}");
        assertThatThrownBy(() -> Tokenizers.fromSpec(unigram.toString()))
                .hasMessageContaining("model type 'Unigram' is not supported; supported: BPE");
        Path metaspace = Files.writeString(dir.resolve("metaspace.json"),
                "{\"pre_tokenizer\": {\"type\": \"Metaspace\"}, \"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": []}}");
        assertThatThrownBy(() -> Tokenizers.fromSpec(metaspace.toString()))
                .hasMessageContaining("pre-tokenizer type 'Metaspace' is not supported")
                .hasMessageContaining("ByteLevel, Split, Sequence");
    }

    @Test
    void pathsAndNamesPickTheRightImplementation() {
        assertThat(Tokenizers.fromSpec("o200k_base")).isInstanceOf(JTokkitTokenizer.class);
        assertThat(Tokenizers.fromSpec("approx")).isInstanceOf(ApproximateTokenizer.class);
        Tokenizer gguf = Tokenizers.fromSpec(TokenizerTestData.file("llama-spm.gguf").toString());
        assertThat(gguf).isInstanceOf(SentencePieceTokenizer.class);
        assertThat(gguf.name()).contains("llama-spm.gguf");
        assertThat(Tokenizers.fromSpec(TokenizerTestData.file("gpt-2.tokenizer.json").toString()))
                .isInstanceOf(BpeTokenizer.class);
    }

    @Test
    void ggufHeaderIsReadWithoutTensors() throws IOException {
        GgufMetadata meta = GgufMetadata.read(TokenizerTestData.file("gpt-2.gguf"));
        assertThat(meta.version()).isEqualTo(3);
        assertThat(meta.string("tokenizer.ggml.model", null)).isEqualTo("gpt2");
        assertThat(meta.string("tokenizer.ggml.pre", null)).isEqualTo("gpt-2");
        assertThat((String[]) meta.get("tokenizer.ggml.tokens")).hasSize(50257);
        assertThat((String[]) meta.get("tokenizer.ggml.merges")).hasSize(50000);
    }
}
