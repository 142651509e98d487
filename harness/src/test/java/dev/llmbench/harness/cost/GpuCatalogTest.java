package dev.llmbench.harness.cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in GPU table names its sources, and a file the user owns overrides and extends it. */
class GpuCatalogTest {

    @Test
    void theBuiltInTableHoldsTheBriefsGpusEachWithItsSource() {
        GpuCatalog c = GpuCatalog.builtIn();
        assertThat(c.names()).containsExactly("a100-40gb", "a100-80gb", "h100-sxm", "h200", "l40s", "a10g", "mi300x");
        for (Gpu g : c.gpus()) {
            assertThat(g.source()).as(g.name()).isNotBlank();
            assertThat(g.memoryBytes()).as(g.name()).isPositive();
            assertThat(g.usdPerGpuHourLow()).as(g.name()).isPositive().isLessThanOrEqualTo(g.usdPerGpuHourHigh());
        }
        assertThat(c.get("H100-SXM").peakBf16FlopsPerSecond()).isEqualTo(989e12);
        assertThat(c.get("h200").memoryBandwidthBytesPerSecond()).isEqualTo(4.8e12);
        assertThat(c.get("mi300x").memoryBytes()).isEqualTo(192e9);
        assertThat(c.get("a100-80gb").memoryBandwidthBytesPerSecond()).isEqualTo(2.039e12);
    }

    @Test
    void aUserFileOverridesOneGpuAndAddsAnother(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gpus.json");
        Files.writeString(file, """
                {"gpus": [
                  {"name": "h100-sxm", "usd_per_gpu_hour_low": 1.25, "usd_per_gpu_hour_high": 1.25},
                  {"name": "b200", "description": "NVIDIA B200", "peak_bf16_flops_per_second": 2.25e15,
                   "memory_bandwidth_bytes_per_second": 8e12, "memory_bytes": 192e9,
                   "usd_per_gpu_hour_low": 3, "usd_per_gpu_hour_high": 6, "source": "our contract, 2026"}
                ]}""");
        GpuCatalog c = GpuCatalog.load(file);
        Gpu h100 = c.get("h100-sxm");
        assertThat(h100.usdPerGpuHourLow()).isEqualTo(1.25);
        assertThat(h100.peakBf16FlopsPerSecond()).isEqualTo(989e12); // the fields it did not give stay
        assertThat(h100.source()).contains("NVIDIA H100").contains("usd_per_gpu_hour_low, usd_per_gpu_hour_high from " + file);
        assertThat(c.get("b200").source()).isEqualTo("our contract, 2026");
        assertThat(c.names()).endsWith("mi300x", "b200");
        assertThat(GpuCatalog.builtIn().get("h100-sxm").usdPerGpuHourLow()).isEqualTo(1.99); // the built-in table is untouched
    }

    @Test
    void aBadFileFailsNamingTheFileTheEntryAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gpus.json");
        Files.writeString(file, "{\"gpus\": [{\"name\": \"h200\", \"memory_bytes\": \"141 GB\"}]}");
        assertThatThrownBy(() -> GpuCatalog.load(file)).hasMessage("GPU catalog " + file
                + ": gpus[0] ('h200'): memory_bytes: expected a number, found \"141 GB\"");

        Files.writeString(file, "{\"gpus\": [{\"name\": \"x1\", \"peak_bf16_flops_per_second\": 1e14}]}");
        assertThatThrownBy(() -> GpuCatalog.load(file)).hasMessageContaining("gpus[0] ('x1'): memory_bandwidth_bytes_per_second: "
                + "required for a GPU the catalog does not know");

        Files.writeString(file, "{\"gpus\": [{\"name\": \"l40s\", \"memory_byte\": 1}]}");
        assertThatThrownBy(() -> GpuCatalog.load(file)).hasMessageContaining("gpus[0] ('l40s'): memory_byte: unknown field; allowed:");

        Files.writeString(file, "{\"gpus\": [{\"name\": \"l40s\", \"usd_per_gpu_hour_high\": 0.1}]}");
        assertThatThrownBy(() -> GpuCatalog.load(file)).hasMessageContaining("gpus[0] ('l40s'): usd_per_gpu_hour_high must be >= ");

        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> GpuCatalog.load(file)).hasMessageContaining("GPU catalog " + file + ": expected {\"gpus\"");
        assertThatThrownBy(() -> GpuCatalog.load(dir.resolve("missing.json"))).hasMessageContaining("missing.json: cannot read it");
    }

    @Test
    void anUnknownNameListsTheNamesAllowed() {
        assertThatThrownBy(() -> GpuCatalog.builtIn().get("v100")).hasMessageStartingWith("'v100' is not a GPU in the catalog; allowed: a100-40gb, ");
    }
}
