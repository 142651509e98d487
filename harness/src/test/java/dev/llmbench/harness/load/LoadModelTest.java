package dev.llmbench.harness.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadModelTest {

    @Nested
    @DisplayName("concurrency (closed loop)")
    class ConcurrencyModel {
        @Test
        void has_users_and_caps_in_flight_requests_at_them() {
            LoadModel.Concurrency model = LoadModel.concurrency(20);
            assertThat(model.users()).isEqualTo(20);
            assertThat(model.maxConcurrency()).isEqualTo(OptionalInt.of(20));
            assertThat(model).isNotInstanceOf(LoadModel.OpenLoop.class);
            assertThat(model).isEqualTo(LoadModel.concurrency(NamedTier.MEDIUM));
        }

        @Test
        void describes_itself_and_exports_plain_config() {
            assertThat(LoadModel.concurrency(20).describe()).isEqualTo("concurrency 20 (closed loop, 20 virtual users)");
            assertThat(LoadModel.concurrency(20).toConfig()).isEqualTo(new LoadConfig("concurrency", 20, null, null, null, null, null, null, null));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 100_001})
        void rejects_users_outside_the_allowed_range(int users) {
            assertThatThrownBy(() -> LoadModel.concurrency(users))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("users (concurrency) must be in [1, 100000], was " + users);
        }
    }

    @Nested
    @DisplayName("arrival rate (open loop)")
    class ArrivalRateModel {
        @Test
        void is_uncapped_unless_a_max_concurrency_is_given() {
            LoadModel.ArrivalRate model = LoadModel.arrivalRate(10, ArrivalProcess.POISSON);
            assertThat(model.maxConcurrency()).isEmpty();
            LoadModel.ArrivalRate capped = model.withMaxConcurrency(64);
            assertThat(capped.maxConcurrency()).isEqualTo(OptionalInt.of(64));
            assertThat(capped.requestsPerSecond()).isEqualTo(10.0);
            assertThat(capped.process()).isSameAs(ArrivalProcess.POISSON);
            assertThat(capped.withoutMaxConcurrency()).isEqualTo(model);
            assertThat(model.meanIntervalNanos()).isEqualTo(100_000_000.0);
        }

        @Test
        void exports_gamma_config_in_a_stable_order() {
            var model = LoadModel.arrivalRate(10, ArrivalProcess.gamma(0.5)).withMaxConcurrency(64);
            assertThat(model.toConfig()).isEqualTo(
                    new LoadConfig("arrival_rate", null, 10.0, "gamma", 0.5, 64, null, null, null));
            assertThat(model.describe())
                    .isEqualTo("arrival rate 10 req/s, gamma (burstiness 0.5), max concurrency 64 (open loop)");
        }

        @Test
        void exports_constant_and_poisson_without_burstiness_or_cap() {
            assertThat(LoadModel.arrivalRate(2.5, ArrivalProcess.CONSTANT).toConfig()).isEqualTo(
                    new LoadConfig("arrival_rate", null, 2.5, "constant", null, null, null, null, null));
            assertThat(LoadModel.arrivalRate(4, ArrivalProcess.POISSON).describe())
                    .isEqualTo("arrival rate 4 req/s, poisson (open loop)");
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, 1_000_001.0})
        void rejects_a_rate_outside_the_allowed_range(double rate) {
            assertThatThrownBy(() -> LoadModel.arrivalRate(rate, ArrivalProcess.POISSON))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("requestsPerSecond (rate) must be a finite number in (0, 1000000], was " + rate);
        }

        @Test
        void rejects_a_missing_process() {
            assertThatThrownBy(() -> LoadModel.arrivalRate(1, null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("process must not be null");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -5, 100_001})
        void rejects_a_max_concurrency_outside_the_allowed_range(int max) {
            assertThatThrownBy(() -> LoadModel.arrivalRate(1, ArrivalProcess.POISSON).withMaxConcurrency(max))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maxConcurrency must be in [1, 100000], was " + max);
        }
    }

    @Nested
    @DisplayName("burst")
    class BurstModel {
        @Test
        void counts_its_requests_and_is_uncapped() {
            LoadModel.Burst burst = LoadModel.burst(50, 3, Duration.ofSeconds(10));
            assertThat(burst.totalRequests()).isEqualTo(150);
            assertThat(burst.maxConcurrency()).isEmpty();
            assertThat(LoadModel.burst(50)).isEqualTo(LoadModel.burst(50, 1, Duration.ZERO));
        }

        @Test
        void describes_itself_and_exports_plain_config() {
            LoadModel.Burst burst = LoadModel.burst(50, 3, Duration.ofMillis(2500));
            assertThat(burst.describe()).isEqualTo("burst of 50 requests at once, 3 times every 2500ms (open loop)");
            assertThat(LoadModel.burst(2).describe()).isEqualTo("burst of 2 requests at once (open loop)");
            assertThat(burst.toConfig()).isEqualTo(new LoadConfig("burst", null, null, null, null, null, 50, 3, 2.5));
        }

        @Test
        void validates_size_repeats_and_interval() {
            assertThatThrownBy(() -> LoadModel.burst(0))
                    .hasMessage("size (burst) must be in [1, 100000], was 0");
            assertThatThrownBy(() -> LoadModel.burst(5, 0, Duration.ofSeconds(1)))
                    .hasMessage("repeats must be in [1, 100000], was 0");
            assertThatThrownBy(() -> LoadModel.burst(5, 2, Duration.ofSeconds(-1)))
                    .hasMessageContaining("interval must be in [0s, 1 day]");
            assertThatThrownBy(() -> LoadModel.burst(5, 2, Duration.ofDays(2)))
                    .hasMessageContaining("interval must be in [0s, 1 day]");
            assertThatThrownBy(() -> LoadModel.burst(5, 2, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("interval must be > 0 when repeats > 1");
        }
    }

    @Nested
    @DisplayName("config round trip")
    class ConfigRoundTrip {
        @Test
        void from_config_rebuilds_every_model() {
            List<LoadModel> models = List.of(
                    LoadModel.concurrency(2),
                    LoadModel.arrivalRate(10, ArrivalProcess.CONSTANT),
                    LoadModel.arrivalRate(0.5, ArrivalProcess.POISSON).withMaxConcurrency(8),
                    LoadModel.arrivalRate(12.5, ArrivalProcess.gamma(0.25)),
                    LoadModel.burst(20, 4, Duration.ofMillis(750)),
                    LoadModel.burst(1));
            for (LoadModel model : models) {
                assertThat(LoadModel.fromConfig(model.toConfig())).isEqualTo(model);
            }
        }

        @Test
        void accepts_numbers_as_parsed_from_json() {
            assertThat(LoadModel.fromConfig(Map.of("type", "arrival_rate", "rate_per_second", 10,
                    "process", "gamma", "burstiness", 2, "max_concurrency", 64L)))
                    .isEqualTo(LoadModel.arrivalRate(10, ArrivalProcess.gamma(2)).withMaxConcurrency(64));
        }

        @Test
        void names_the_offending_key() {
            assertThatThrownBy(() -> LoadModel.fromConfig(Map.of("type", "sweep")))
                    .hasMessage("load model config key 'type' must be one of arrival_rate, burst, concurrency, was sweep");
            assertThatThrownBy(() -> LoadModel.fromConfig(Map.of("type", "concurrency")))
                    .hasMessage("load model config key 'users' must be a number, was missing");
            assertThatThrownBy(() -> LoadModel.fromConfig(Map.of("type", "concurrency", "users", 2.5)))
                    .hasMessage("load model config key 'users' must be a whole number, was 2.5");
            assertThatThrownBy(() -> LoadModel.fromConfig(Map.of("type", "concurrency", "users", 2, "rate", 3)))
                    .hasMessage("unknown key 'rate' for load model type concurrency; allowed: type, users");
        }
    }
}
