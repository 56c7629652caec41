package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.api.error.ErrorClassification;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.observability.ServerRequestMetrics;
import ai.switchboard.routing.Deployment;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Records the server-side duration of a GenAI request once it has ended, successfully or not. */
@Component
public class RequestTimer {

    private final ServerRequestMetrics metrics;
    private final long maxRequestBytes;

    public RequestTimer(ServerRequestMetrics metrics, ApiProperties properties) {
        this.metrics = metrics;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    /** Records a request that started at {@code startNanos}; {@code failure} is {@code null} on success. */
    public void record(String operation, Deployment deployment, long startNanos, Throwable failure) {
        String errorType = failure == null ? GenAiConventions.NO_ERROR
                : ErrorClassification.of(failure, maxRequestBytes).metricTag();
        metrics.record(operation, deployment == null ? null : deployment.providerName(),
                deployment == null ? null : deployment.modelName(), errorType,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
