package dev.llmbench.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class (or one method) as an LLM benchmark: registers {@link LlmBenchExtension} and tags the tests
 * {@code llmbench}. The {@link BenchmarkTest} methods of the class then run one benchmark per invocation.
 *
 * <p>Every attribute left at its default ({@code ""}) is "not set here": the value then comes from the other
 * configuration layers. Precedence, lowest first: built-in defaults &lt; {@code junit-platform.properties} (or
 * another JUnit configuration parameter source) &lt; annotations &lt; system properties &lt; environment variables; see
 * {@link dev.llmbench.harness.settings.Settings}. So {@code -Dllmbench.endpoint=https://… -Dllmbench.model=…} points unchanged tests at
 * a real endpoint. On a method, set attributes override the class's, one attribute at a time.
 *
 * <p>When no endpoint is configured anywhere, the tests run against the embedded simulator: one simulator per
 * profile is started for the whole test run and closed at its end.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LlmBenchExtension.class)
@Tag("llmbench")
public @interface LlmBenchmark {

    /**
     * Base URL of an OpenAI-compatible server, e.g. {@code http://127.0.0.1:8000} (a trailing {@code /v1} is
     * accepted). Key {@code llmbench.endpoint}. Not set anywhere, or {@code "simulator"}: the embedded
     * simulator. Credentials in the URL never appear in messages or result files.
     */
    String endpoint() default "";

    /** Model name sent to the server. Key {@code llmbench.model}. Default: the simulator profile's model. */
    String model() default "";

    /**
     * The wire protocol: {@code "chat"} (chat completions, the default), {@code "completions"}, {@code "anthropic"}
     * (Anthropic Messages), {@code "responses"} (OpenAI Responses) or {@code "realtime"} (the OpenAI Realtime text flow
     * over WebSocket); the README's settings table lists them all. Key {@code llmbench.protocol}.
     */
    String protocol() default "";

    /**
     * Name of the environment variable holding the API key (never the key itself). Key
     * {@code llmbench.apiKeyEnv}. Default: {@code LLMBENCH_API_KEY}.
     */
    String apiKeyEnv() default "";

    /**
     * Profile of the embedded simulator ({@code fast}, {@code llama-2-70b-4xa100}, {@code mixtral-8x7b-2xh100}), used
     * when no endpoint is configured. Key {@code llmbench.simulatorProfile}. Default: {@code fast}.
     */
    String simulatorProfile() default "";

    /**
     * Wire personality of the embedded simulator (which real server's wire behaviour it reproduces): {@code vllm},
     * {@code llamacpp}, {@code openai}, {@code tgi}, {@code ollama}; see {@link dev.llmbench.harness.settings.Settings#SIMULATOR_PERSONALITY}. Used
     * when no endpoint is configured; orthogonal to {@link #simulatorProfile()}. Key {@code llmbench.simulatorPersonality}.
     * Default: {@code vllm}. Against {@code openai}, also set {@code llmbench.sendMinTokens=false} and
     * {@code llmbench.sendIgnoreEos=false} (it refuses those fields, as OpenAI does).
     */
    String simulatorPersonality() default "";

    /**
     * The benchmark's name in place of the test class's simple name: results are named
     * {@code <name>.<method>-<tier>-<shape>}. Letters, digits, {@code '.'}, {@code '_'} and {@code '-'}. Give two
     * classes (or {@code @Nested} classes) that target different models or endpoints the same name, and the report
     * puts their results side by side in a leaderboard (see sample 05). Not a configuration key: a name belongs to
     * the code. Default: the test class's simple name.
     */
    String name() default "";
}
