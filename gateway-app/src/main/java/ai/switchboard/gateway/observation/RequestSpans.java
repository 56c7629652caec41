package ai.switchboard.gateway.observation;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server span Spring WebFlux opened for an exchange (its HTTP server observation), found through the exchange
 * rather than a ThreadLocal, so it works on any thread of a reactive pipeline. The request path passes
 * {@link #context} to {@code GenAiObservations.startAttempt} as the parent of attempt spans, and {@link #of} to
 * {@code RequestObserver.finished}.
 */
public final class RequestSpans {

    private RequestSpans() {
    }

    /** The exchange's server span, or {@code null} when tracing is off. */
    public static Span of(ServerWebExchange exchange) {
        ServerRequestObservationContext observation =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    /** The context of the exchange's server span, or {@code null}. */
    public static TraceContext context(ServerWebExchange exchange) {
        Span span = of(exchange);
        return span == null ? null : span.context();
    }
}
