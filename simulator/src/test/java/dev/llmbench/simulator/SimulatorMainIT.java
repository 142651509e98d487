package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorMainIT {

    @Test
    void printsTheListeningUrlAndServes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Simulator sim = SimulatorMain.start(new String[] {"--profile", "fast", "--port", "0", "--seed", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String line = out.toString(StandardCharsets.UTF_8).trim();
            assertThat(line).matches("llmbench-simulator listening on http://127\\.0\\.0\\.1:\\d+ \\(profile fast\\)");
            assertThat(line).contains(":" + sim.port() + " ");
            assertThat(new TestClient(sim.baseUri()).send("GET", "/health", null).statusCode()).isEqualTo(200);
            assertThat(sim.config().seed()).isEqualTo(3);
        }
    }

    @Test
    void badArgumentsNameTheOptionAndTheAllowedValues() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--profile", "nope"}))
                .hasMessageContaining("nope").hasMessageContaining("llama-2-70b-4xa100").hasMessageContaining("fast");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port", "99999"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--seed", "x"})).hasMessageContaining("--seed");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--frobnicate"})).hasMessageContaining("--frobnicate")
                .hasMessageContaining("--profile");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThat(SimulatorMain.USAGE).contains("--profile").contains("mixtral-8x7b-2xh100");
    }

    @Test
    void aBadValueNamesTheOptionAndWhatItAllows() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--port", "http"}))
                .hasMessageContaining("--port").hasMessageContaining("0..65535").hasMessageContaining("'http'");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--seed", "1.5"})).hasMessageContaining("--seed")
                .hasMessageContaining("long");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--host", " "})).hasMessageContaining("--host")
                .hasMessageContaining("blank");
    }

    @Test
    void helpPrintsTheGeneratedUsageWithEveryOptionAndDefaultAndStartsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(SimulatorMain.start(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: java -jar llmbench-simulator.jar")
                .contains("--profile=NAME").contains("llama-2-70b-4xa100, mixtral-8x7b-2xh100, fast").contains("(default fast)")
                .contains("--port=N").contains("(default 0)")
                .contains("--host=H").contains("(default 127.0.0.1)")
                .contains("--seed=S").contains("(default " + SimulatorConfig.DEFAULT_SEED + ")")
                .contains("--h2c").contains("--help");
    }

    @Test
    void defaultsAreTheFastProfileOnAnEphemeralLoopbackPort() {
        SimulatorConfig cfg = SimulatorMain.parse(new String[0]);
        assertThat(cfg.profile().name()).isEqualTo("fast");
        assertThat(cfg.port()).isZero();
        assertThat(cfg.host()).isEqualTo("127.0.0.1");
        assertThat(cfg.seed()).isEqualTo(SimulatorConfig.DEFAULT_SEED);
        assertThat(SimulatorMain.parse(new String[] {"--profile=mixtral-8x7b-2xh100", "--h2c"}).h2cPriorKnowledge()).isTrue();
    }

    @Test
    void personalityIsChosenByNameAndDefaultsToVllm() {
        assertThat(SimulatorMain.parse(new String[0]).personality()).isEqualTo(Personality.VLLM);
        assertThat(SimulatorMain.parse(new String[] {"--personality", "llamacpp"}).personality()).isEqualTo(Personality.LLAMACPP);
        assertThat(SimulatorMain.parse(new String[] {"--personality=OpenAI"}).personality()).isEqualTo(Personality.OPENAI);
        assertThat(SimulatorMain.parse(new String[] {"--personality", "tgi"}).personality()).isEqualTo(Personality.TGI);
        assertThat(SimulatorMain.parse(new String[] {"--personality=ollama"}).personality()).isEqualTo(Personality.OLLAMA);
        assertThatThrownBy(() -> SimulatorMain.parse(new String[] {"--personality", "sglang"}))
                .hasMessageContaining("--personality").hasMessageContaining("'sglang'")
                .hasMessageContaining("vllm, llamacpp, openai, tgi, ollama");
        assertThat(SimulatorMain.USAGE).contains("--personality=NAME").contains("(default vllm)");
    }

    @Test
    void h2cPriorKnowledgeSpeaksHttp2() throws Exception {
        SimulatorConfig cfg = SimulatorConfig.builder(Profile.fast()).h2cPriorKnowledge(true).build();
        try (Simulator sim = Simulator.start(cfg); Socket s = new Socket("127.0.0.1", sim.port())) {
            s.setSoTimeout(5_000);
            OutputStream o = s.getOutputStream();
            o.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            o.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // empty SETTINGS frame
            o.flush();
            InputStream in = s.getInputStream();
            byte[] header = in.readNBytes(9);
            assertThat(header).hasSize(9);
            assertThat(header[3]).isEqualTo((byte) 4); // the server's first frame is SETTINGS
        }
    }
}
