package ai.switchboard.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ai.switchboard.observability.request.RequestSummary;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerRequestMetricsTests {

    @Test
    void recordsDurationsTaggedWithGenAiAttributes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ServerRequestMetrics metrics = new ServerRequestMetrics(registry);

        metrics.finished(served(Duration.ofMillis(120)));
        metrics.finished(served(Duration.ofMillis(80)));
        metrics.finished(RequestSummary.builder("req_3", Instant.now(), "chat")
                .outcome(404, "model_not_found").timing(Duration.ofMillis(1).toNanos(), -1).build());

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

    private static RequestSummary served(Duration latency) {
        return RequestSummary.builder("req_" + latency.toMillis(), Instant.now(), "chat")
                .servedBy("gpt-mini", "openai-main", null)
                .outcome(200, null)
                .timing(latency.toNanos(), -1)
                .build();
    }
}
