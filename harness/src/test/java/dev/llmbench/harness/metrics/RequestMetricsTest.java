package dev.llmbench.harness.metrics;

import dev.llmbench.harness.endpoint.FailureKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.llmbench.harness.metrics.Timelines.request;
import static org.assertj.core.api.Assertions.assertThat;

class RequestMetricsTest {

    static final long MS = 1_000_000;

    static List<Long> itl(RequestTimeline t) {
        List<Long> samples = new ArrayList<>();
        RequestMetrics.interTokenLatencies(t, samples::add);
        return samples;
    }

    @Nested
    class TimeToFirstToken {

        @Test
        void isTheFirstOutputChunkMinusTheIntendedStart() {
            // headers at 40 ms (a role-only first delta is never reported as a chunk), first content at 100 ms
            RequestTimeline t = request(0).headers(40, 200, null).content(100, "Hi").content(150, "!").done(200);
            assertThat(RequestMetrics.ttftNanos(t)).isEqualTo(100 * MS);
        }

        @Test
        void countsFromTheIntendedStartNotTheActualSend() {
            RequestTimeline t = Timelines.unsent(0).sent(30).content(100, "a").done(120);
            assertThat(RequestMetrics.ttftNanos(t)).isEqualTo(100 * MS);
            assertThat(RequestMetrics.queueDelayNanos(t)).isEqualTo(30 * MS);
        }

        @Test
        void isAbsentWithoutAnyOutputChunk() {
            RequestTimeline t = request(0).headers(40, 200, null).done(60);
            assertThat(RequestMetrics.ttftNanos(t)).isEqualTo(RequestMetrics.ABSENT);
            assertThat(RequestMetrics.ttfoNanos(t)).isEqualTo(RequestMetrics.ABSENT);
        }

        @Test
        void countsReasoningWhileTimeToFirstOutputWaitsForContent() {
            RequestTimeline t = request(0).reasoning(80, "Let me think").reasoning(120, "...").content(300, "42").done(350);
            assertThat(RequestMetrics.ttftNanos(t)).isEqualTo(80 * MS);
            assertThat(RequestMetrics.ttfoNanos(t)).isEqualTo(300 * MS);
        }

        @Test
        void equalsTimeToFirstOutputForANonReasoningModel() {
            RequestTimeline t = request(0).content(90, "a").done(100);
            assertThat(RequestMetrics.ttfoNanos(t)).isEqualTo(RequestMetrics.ttftNanos(t)).isEqualTo(90 * MS);
        }
    }

    @Nested
    class EndToEnd {

        @Test
        void isTheEndOfTheStreamMinusT0() {
            assertThat(RequestMetrics.e2eNanos(request(10).content(100, "a").done(510))).isEqualTo(500 * MS);
        }

        @Test
        void endsAtTheFailureForAFailedRequest() {
            assertThat(RequestMetrics.e2eNanos(request(0).failed(250, FailureKind.IDLE_TIMEOUT, "idle"))).isEqualTo(250 * MS);
        }

        @Test
        void isAbsentWhileInFlight() {
            assertThat(RequestMetrics.e2eNanos(request(0).content(10, "a").inFlight())).isEqualTo(RequestMetrics.ABSENT);
        }
    }

    @Nested
    class TimePerOutputToken {

        @Test
        void isTheTimeAfterTheFirstTokenOverTheRemainingTokens() {
            // 5 chunks at 100..500 ms, done at 500 ms: (500 - 100) / (5 - 1) = 100 ms
            RequestTimeline t = request(0).contents(100, 100, 5).done(500);
            assertThat(RequestMetrics.outputTokens(t)).isEqualTo(5);
            assertThat(RequestMetrics.tpotNanos(t)).isEqualTo(100 * MS);
            assertThat(RequestMetrics.outputSpeedTokensPerSecond(t)).isEqualTo(10.0);
        }

        @Test
        void usesTheServersTokenCountWhenGiven() {
            // the same 5 chunks, but usage says 9 tokens: (500 - 100) / 8 = 50 ms
            RequestTimeline t = request(0).contents(100, 100, 5).usage(20, 9, 0).done(500);
            assertThat(RequestMetrics.outputTokens(t)).isEqualTo(9);
            assertThat(t.outputTokenSource()).isEqualTo(TokenSource.USAGE);
            assertThat(RequestMetrics.tpotNanos(t)).isEqualTo(50 * MS);
            assertThat(RequestMetrics.outputSpeedTokensPerSecond(t)).isEqualTo(20.0);
        }

        @Test
        void isUndefinedForFewerThanTwoTokens() {
            RequestTimeline t = request(0).content(100, "a").done(100);
            assertThat(RequestMetrics.tpotNanos(t)).isEqualTo(RequestMetrics.ABSENT);
            assertThat(RequestMetrics.outputSpeedTokensPerSecond(t)).isNaN();
        }
    }

    @Test
    void requestThroughputIsOutputTokensOverEndToEnd() {
        // 5 tokens in 500 ms = 10 tokens/s
        RequestTimeline t = request(0).contents(100, 100, 5).done(500);
        assertThat(RequestMetrics.requestThroughputTokensPerSecond(t)).isEqualTo(10.0);
    }

    @Nested
    class InterTokenLatency {

        @Test
        void isTheGapBetweenConsecutiveChunksOneSamplePerToken() {
            RequestTimeline t = request(0).content(100, "a").content(120, "b").content(150, "c").done(150);
            assertThat(itl(t)).containsExactly(20 * MS, 30 * MS);
        }

        @Test
        void dividesTheGapEvenlyOverTheTokensABundledChunkCarries() {
            // "a" then "bcd" 30 ms later; the server says 4 tokens: by characters the second chunk carries 3
            RequestTimeline t = request(0).content(100, "a").content(130, "bcd").usage(10, 4, 0).done(130);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(1, 3);
            assertThat(itl(t)).containsExactly(10 * MS, 10 * MS, 10 * MS);
        }

        @Test
        void treatsChunksReadTogetherAsOneArrivalAndCountsThemCoalesced() {
            // three chunks decoded from one read share the timestamp 130 ms: the 30 ms gap covers all three tokens
            RequestTimeline t = request(0).content(100, "a").content(130, "b").content(130, "c").content(130, "d").done(130);
            assertThat(itl(t)).containsExactly(10 * MS, 10 * MS, 10 * MS);
            assertThat(RequestMetrics.coalescedChunks(t)).isEqualTo(2);
        }

        @Test
        void givesNoSampleForTheTokensOfTheFirstArrival() {
            RequestTimeline t = request(0).content(100, "a").content(100, "b").content(100, "c").content(130, "d").done(130);
            assertThat(itl(t)).containsExactly(30 * MS);
            assertThat(RequestMetrics.coalescedChunks(t)).isEqualTo(2);
        }

        @Test
        void keepsTheSumOfTheSamplesEqualToTheGap() {
            // 10 ms over 3 tokens: 3,333,334 + 3,333,333 + 3,333,333 ns
            RequestTimeline t = request(0).content(100, "a").content(110, "bcd").usage(1, 4, 0).done(110);
            assertThat(itl(t)).containsExactly(3_333_334L, 3_333_333L, 3_333_333L);
        }

        @Test
        void mergesTheGapOfAChunkThatCarriesNoTokenIntoTheNextArrival() {
            // usage 2 over 3 chunks of 4, 1, 4 characters: shares 0.89, 0.22, 0.89 -> 1, 0, 1 (largest remainders)
            RequestTimeline t = request(0).content(100, "aaaa").content(110, "b").content(140, "cccc").usage(1, 2, 0).done(140);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(1, 0, 1);
            assertThat(itl(t)).containsExactly(40 * MS);
        }

        @Test
        void emitsNothingWithoutChunks() {
            assertThat(itl(request(0).usage(1, 5, 0).done(100))).isEmpty();
        }
    }

    @Nested
    class TokensPerChunk {

        @Test
        void isOneEachWithoutUsage() {
            assertThat(RequestMetrics.tokensPerChunk(request(0).content(1, "abc").content(2, "d").done(3))).containsExactly(1, 1);
        }

        @Test
        void isOneEachWhenUsageEqualsTheChunkCount() {
            RequestTimeline t = request(0).content(1, "abc").content(2, "d").usage(1, 2, 0).done(3);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(1, 1);
        }

        @Test
        void distributesUsageInProportionToCharacters() {
            RequestTimeline t = request(0).content(1, "a").content(2, "bb").content(3, "ccc").content(4, "dddd")
                    .usage(1, 10, 0).done(5);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(1, 2, 3, 4);
        }

        @Test
        void roundsByLargestRemainderWithTiesToTheEarlierChunk() {
            // 7 tokens over three equal chunks: 2.33 each -> 3, 2, 2
            RequestTimeline t = request(0).content(1, "ab").content(2, "cd").content(3, "ef").usage(1, 7, 0).done(4);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(3, 2, 2);
        }

        @Test
        void canGiveChunksNoTokenWhenUsageIsBelowTheChunkCount() {
            RequestTimeline t = request(0).contents(1, 1, 6).usage(1, 3, 0).done(10);
            int[] tokens = RequestMetrics.tokensPerChunk(t);
            assertThat(tokens).containsExactly(1, 1, 1, 0, 0, 0);
        }

        @Test
        void weighsChunksEquallyWhenNoneCarriesCharacters() {
            RequestTimeline t = request(0).content(1, "").content(2, "").usage(1, 5, 0).done(3);
            assertThat(RequestMetrics.tokensPerChunk(t)).containsExactly(3, 2);
        }
    }
}
