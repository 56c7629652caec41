package ai.switchboard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerRequestMetricsTests {

    @Test
    void recordsDurationsTaggedWithGenAiAttributes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerRequestMetrics metrics = new ServerRequestMetrics(registry);

        metrics.record("chat", "openai-main", "gpt-mini", "none", Duration.ofMillis(120));
        metrics.record("chat", "openai-main", "gpt-mini", "none", Duration.ofMillis(80));
        metrics.record("chat", null, null, "model_not_found", Duration.ofMillis(1));

        Timer ok = registry.get(GenAiConventions.SERVER_REQUEST_DURATION)
                .tag(GenAiConventions.PROVIDER_NAME, "openai-main")
                .tag(GenAiConventions.REQUEST_MODEL, "gpt-mini")
                .tag(GenAiConventions.ERROR_TYPE, "none")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(registry.get(GenAiConventions.SERVER_REQUEST_DURATION)
                .tag(GenAiConventions.PROVIDER_NAME, "none").timer().count()).isEqualTo(1);
    }
}
