package dev.llmbench.harness.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;
import java.util.Map;

/**
 * Jackson mixins for the measurement records ({@link ResultJson}): what the records themselves do not say — derived
 * figures written for readers of the file and ignored when reading, and names the snake_case strategy cannot derive
 * ({@code status_429}, {@code retry_after_ms}, {@code client_cpu_ns}, …). Kept here so the domain records stay free
 * of Jackson.
 */
final class ResultJsonMixins {

    private ResultJsonMixins() {
    }

    /** Derived counts are written for readers of the file; reading takes succeeded, failed_by_kind and warmup. */
    @JsonPropertyOrder({"measured", "succeeded", "failed", "errors", "rate_limited", "cancelled", "warmup", "missing_done", "reconnects", "error_rate",
            "failed_by_kind"})
    @JsonIgnoreProperties(value = {"measured", "failed", "errors", "rate_limited", "cancelled", "error_rate"}, allowGetters = true)
    abstract static class CountsMixin {
        @JsonProperty("measured") abstract long measured();
        @JsonProperty("failed") abstract long failed();
        @JsonProperty("errors") abstract long errors();
        @JsonProperty("rate_limited") abstract long rateLimited();
        @JsonProperty("cancelled") abstract long cancelled();
        @JsonProperty("error_rate") abstract double errorRate();
        /** Schema minor 2: written when not 0 (files of runs without it stay as they were); absent reads as 0. */
        @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT) abstract long missingDone();
        /** Written when not 0; absent reads as 0 (files from before it stay valid). */
        @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT) abstract long reconnects();
    }

    abstract static class TokenTotalsMixin {
        /** Prompt-cache writes (Anthropic): written when not 0 (files of other runs stay as they were); absent reads as 0. */
        @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT) abstract long cacheWrite();
    }

    @JsonIgnoreProperties(value = {"mismatch_ratio"}, allowGetters = true)
    abstract static class ReconciliationMixin {
        @JsonProperty("mismatch_ratio") abstract double mismatchRatio();
    }

    @JsonIgnoreProperties(value = {"actual_to_requested", "short_share"}, allowGetters = true)
    abstract static class OutputLengthMixin {
        @JsonProperty("actual_to_requested") abstract double actualToRequested();
        @JsonProperty("short_share") abstract double shortShare();
    }

    @JsonPropertyOrder({"output_chunks", "coalesced_chunks", "coalesced_chunk_ratio", "client_io_busy", "client_cpu_ns",
            "client_cpu_us_per_chunk"})
    @JsonIgnoreProperties(value = {"coalesced_chunk_ratio", "client_cpu_us_per_chunk"}, allowGetters = true)
    abstract static class FidelityMixin {
        @JsonProperty("client_cpu_ns") abstract Long clientCpuNanos();
        @JsonProperty("coalesced_chunk_ratio") abstract double coalescedChunkRatio();
        /** Written only when measured (NaN otherwise), as before. */
        @JsonProperty("client_cpu_us_per_chunk") @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NaNFilter.class)
        abstract double clientCpuMicrosPerChunk();
    }

    /** Leaves out a NaN figure. */
    static final class NaNFilter {
        @Override
        public boolean equals(Object o) {
            return o instanceof Double d && d.isNaN();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** {@code isPreset()} is derived from the name. */
    @JsonIgnoreProperties({"preset"})
    abstract static class RequestShapeMixin {
    }

    abstract static class PointMixin {
        @JsonProperty("ttft_p50_us") abstract Long ttftP50Micros();
    }

    abstract static class RateLimitsMixin {
        @JsonProperty("status_429") abstract long status429();
        @JsonProperty("status_503") abstract long status503();
        @JsonProperty("retry_after_ms") abstract List<Long> retryAfterMillis();
        @JsonProperty("last_ratelimit_headers") abstract Map<String, String> lastRateLimitHeaders();
        /** Written only when backoff was on (schema 1.2); absent: off. */
        @JsonProperty("backoff") @JsonInclude(JsonInclude.Include.NON_NULL) abstract Object backoff();
    }

    /** The window's length and goodput are derived (from the window and the good-request count) and written for readers. */
    @JsonPropertyOrder({"window_start", "window_end", "window_seconds", "output_tokens_per_second",
            "input_tokens_per_second", "requests_per_second", "good_requests", "goodput_requests_per_second", "max_concurrency_meeting_slo"})
    @JsonIgnoreProperties(value = {"window_seconds", "goodput_requests_per_second"}, allowGetters = true)
    abstract static class ThroughputMixin {
        @JsonProperty("window_seconds") abstract double windowSeconds();
        @JsonProperty("goodput_requests_per_second") abstract Double goodputRequestsPerSecond();
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("good_requests") abstract Long goodRequests();
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("max_concurrency_meeting_slo") abstract Integer maxConcurrencyMeetingSlo();
    }
}
