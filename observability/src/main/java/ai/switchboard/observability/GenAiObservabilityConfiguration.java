package ai.switchboard.observability;

import ai.switchboard.observability.request.AccessLog;
import ai.switchboard.observability.request.RequestObserver;
import ai.switchboard.observability.usage.UsageRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request- and attempt-level observation API the request path and the routing executor call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservabilityProperties.class)
public class GenAiObservabilityConfiguration {

    @Bean
    ServerRequestMetrics serverRequestMetrics(MeterRegistry registry) {
        return new ServerRequestMetrics(registry);
    }

    @Bean
    ClientAttemptMetrics clientAttemptMetrics(MeterRegistry registry) {
        return new ClientAttemptMetrics(registry);
    }

    @Bean
    RoutingMetrics routingMetrics(MeterRegistry registry) {
        return new RoutingMetrics(registry);
    }

    @Bean
    GenAiObservations genAiObservations(ClientAttemptMetrics metrics, ObjectProvider<Tracer> tracer,
            ObservabilityProperties properties) {
        return new GenAiObservations(metrics, tracer.getIfAvailable(() -> Tracer.NOOP),
                properties.isContentCaptureAllowed());
    }

    @Bean
    ToolCallObservations toolCallObservations(MeterRegistry registry, ObjectProvider<Tracer> tracer) {
        return new ToolCallObservations(registry, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    RequestObserver requestObserver(ServerRequestMetrics metrics, UsageRecorder usage) {
        return new RequestObserver(metrics, usage, new AccessLog());
    }
}
