package ai.switchboard.gateway.api.support;

import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.observation.RequestSpans;
import ai.switchboard.gateway.request.RequestIds;
import ai.switchboard.observability.RoutingMetrics;
import ai.switchboard.observability.request.RequestObserver;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Opens a {@link RequestRecording} for each GenAI request; the recording reports once, when the request ends. */
@Component
public class RequestRecorder {

    private final RequestObserver observer;
    private final RoutingMetrics routingMetrics;
    private final Clock clock;
    private final long maxRequestBytes;

    public RequestRecorder(RequestObserver observer, RoutingMetrics routingMetrics, Clock clock,
            ApiProperties properties) {
        this.observer = observer;
        this.routingMetrics = routingMetrics;
        this.clock = clock;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    /** Starts recording an authenticated request for {@code operation} (a GenAI operation name). */
    public RequestRecording start(ServerWebExchange exchange, String operation) {
        AuthenticatedCaller caller = AuthenticatedCaller.find(exchange);
        return new RequestRecording(observer, routingMetrics, RequestIds.of(exchange), clock.instant(), System.nanoTime(), operation,
                caller == null ? null : caller.key(), RequestSpans.of(exchange), maxRequestBytes);
    }
}
