package dev.llmbench.harness.adhoc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings of an ad-hoc run as a command line gives them: what is accepted, and how a bad value is refused. */
class AdHocRunTest {

    private static AdHocRun.Builder valid() {
        return AdHocRun.builder().endpoint("http://127.0.0.1:8000/v1", "LLMBENCH_API_KEY").model("m");
    }

    @Test
    void onePlannedBenchmarkPerTierAndShapeTiersOuter() {
        AdHocRun run = valid().concurrency("2, 20,50").shapes("short-in-long-out,128:32").build();
        assertThat(run.plan()).containsExactly(
                "adhoc [small: 2 concurrent, short-in-long-out 100→1000 tokens]",
                "adhoc [small: 2 concurrent, 128→32 tokens]",
                "adhoc [medium: 20 concurrent, short-in-long-out 100→1000 tokens]",
                "adhoc [medium: 20 concurrent, 128→32 tokens]",
                "adhoc [large: 50 concurrent, short-in-long-out 100→1000 tokens]",
                "adhoc [large: 50 concurrent, 128→32 tokens]");
    }

    @Test
    void tiersMayBeNamedAndTheDefaultsAreTwoUsersAndShortInLongOut() {
        assertThat(valid().concurrency("large").build().plan()).containsExactly(
                "adhoc [large: 50 concurrent, short-in-long-out 100→1000 tokens]");
        assertThat(valid().name("nightly").build().plan()).containsExactly(
                "nightly [small: 2 concurrent, short-in-long-out 100→1000 tokens]");
    }

    @Test
    void badValuesAreRefusedNamingTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> valid().concurrency("2,lots")).hasMessageContaining("llmbench.concurrency")
                .hasMessageContaining("'lots'").hasMessageContaining("small, medium, large");
        assertThatThrownBy(() -> valid().concurrency("0")).hasMessageContaining("llmbench.concurrency").hasMessageContaining("1..10000");
        assertThatThrownBy(() -> valid().concurrency(" , ")).hasMessageContaining("llmbench.concurrency").hasMessageContaining("empty");
        assertThatThrownBy(() -> valid().shapes("huge")).hasMessageContaining("llmbench.shape").hasMessageContaining("'huge'")
                .hasMessageContaining("short-in-long-out").hasMessageContaining("INPUT:OUTPUT");
        assertThatThrownBy(() -> valid().requests(0)).hasMessageContaining("llmbench.requests").hasMessageContaining("1..1000000");
        assertThatThrownBy(() -> valid().maxSeconds(-1)).hasMessageContaining("llmbench.seconds");
        assertThatThrownBy(() -> valid().protocol("grpc")).hasMessageContaining("llmbench.protocol").hasMessageContaining("chat, completions");
        assertThatThrownBy(() -> valid().name("my bench")).hasMessageContaining("llmbench.name");
        assertThatThrownBy(() -> valid().slos("p90(ttft) < 800ms; p90(latency) < 1s")).hasMessageContaining("llmbench.slo")
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> AdHocRun.builder().endpoint("ftp://host", null)).hasMessageContaining("llmbench.endpoint")
                .hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> AdHocRun.builder().endpoint("http://127.0.0.1:1", null).build())
                .hasMessageContaining("llmbench.model");
    }

    @Test
    void severalSlosAreSplitOnSemicolonsAndCommasOutsideParentheses() {
        AdHocRun run = valid().slos("p90(ttft) < 800ms; error_rate < 1%, mean(tpot) <= 40ms").build();
        assertThat(run.slos()).containsExactly("p90(ttft) < 800ms", "error_rate < 1%", "mean(tpot) <= 40ms");
        assertThatThrownBy(() -> valid().slos("p90(ttft) < 800ms; nonsense")).hasMessageContaining("llmbench.slo");
    }

    @Test
    void anEndpointWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> AdHocRun.builder().endpoint("http://user:s3cret@127.0.0.1:8000", null))
                .hasMessageContaining("llmbench.endpoint")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnreachableEndpointFailsBeforeAnythingRunsWithTheUrl() {
        AdHocRun run = AdHocRun.builder().endpoint("http://127.0.0.1:9", null).model("m").requests(1).build();
        assertThatThrownBy(() -> run.run(line -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("llmbench.endpoint")
                .hasMessageContaining("http://127.0.0.1:9 is unreachable");
    }
}
