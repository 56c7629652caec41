package ai.switchboard.gateway.config;

import ai.switchboard.observability.ServerRequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** GenAI request metrics. */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    ServerRequestMetrics serverRequestMetrics(MeterRegistry registry) {
        return new ServerRequestMetrics(registry);
    }
}
