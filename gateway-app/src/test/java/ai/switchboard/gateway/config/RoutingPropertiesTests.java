package ai.switchboard.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.switchboard.routing.execution.ExecutionSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RoutingPropertiesTests {

    @Test
    void theDefaultConcurrencyLimitLeavesRoomForAReplicasStreamingTraffic() {
        ExecutionSettings settings = bind(Map.of()).toSettings();

        assertThat(settings.maxConcurrentCalls()).isEqualTo(10_000);
        assertThat(settings.timeouts().request()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void limitsAndTimeoutsBindFromProperties() {
        ExecutionSettings settings = bind(Map.of("switchboard.routing.max-concurrent-calls", "64",
                "switchboard.routing.request-timeout", "20s", "switchboard.routing.attempt-timeout", "5s")).toSettings();

        assertThat(settings.maxConcurrentCalls()).isEqualTo(64);
        assertThat(settings.timeouts().request()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.timeouts().attempt()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTimeoutOrLimitThatCouldNeverBeMetIsRefusedAtStartUp() {
        assertThatThrownBy(() -> bind(Map.of("switchboard.routing.request-timeout", "0s")).toSettings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> bind(Map.of("switchboard.routing.max-concurrent-calls", "0")).toSettings())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentCalls");
    }

    private static RoutingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(RoutingProperties.PREFIX, RoutingProperties.class);
    }
}
