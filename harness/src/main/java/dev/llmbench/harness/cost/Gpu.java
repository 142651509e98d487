package dev.llmbench.harness.cost;

import java.util.Objects;

/**
 * One accelerator's figures for the cost floor ({@link CostFloor}): what it computes, how fast it reads its memory, how
 * much it holds and what an hour of it typically costs. Immutable.
 *
 * @param name                            the catalog name, e.g. {@code a100-80gb} (lower case, no spaces)
 * @param description                     what it is in words, e.g. {@code NVIDIA A100 80GB SXM (HBM2e)}
 * @param peakBf16FlopsPerSecond          dense bf16 tensor peak, FLOP/s (without 2:4 sparsity), &gt; 0
 * @param memoryBandwidthBytesPerSecond   memory (HBM/GDDR) bandwidth, bytes/s, &gt; 0
 * @param memoryBytes                     memory, bytes (0: unknown, e.g. a simulated GPU)
 * @param usdPerGpuHourLow                the low end of a typical price, US dollars per GPU-hour (0: unknown)
 * @param usdPerGpuHourHigh               the high end, US dollars per GPU-hour, &gt;= low
 * @param source                          where the figures come from (datasheet, price survey), never blank
 */
public record Gpu(String name, String description, double peakBf16FlopsPerSecond, double memoryBandwidthBytesPerSecond,
                  double memoryBytes, double usdPerGpuHourLow, double usdPerGpuHourHigh, String source) {

    public Gpu {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        description = description == null || description.isBlank() ? name : description;
        positive("peak_bf16_flops_per_second", peakBf16FlopsPerSecond);
        positive("memory_bandwidth_bytes_per_second", memoryBandwidthBytesPerSecond);
        notNegative("memory_bytes", memoryBytes);
        notNegative("usd_per_gpu_hour_low", usdPerGpuHourLow);
        notNegative("usd_per_gpu_hour_high", usdPerGpuHourHigh);
        if (usdPerGpuHourHigh < usdPerGpuHourLow) {
            throw new IllegalArgumentException("usd_per_gpu_hour_high must be >= usd_per_gpu_hour_low (" + usdPerGpuHourLow
                    + "), was " + usdPerGpuHourHigh);
        }
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source must name where the figures come from");
    }

    private static void positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(field + " must be a finite number > 0, was " + v);
    }

    private static void notNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(field + " must be a finite number >= 0, was " + v);
    }

    /** True when the memory is known. */
    public boolean memoryKnown() {
        return memoryBytes > 0;
    }
}
