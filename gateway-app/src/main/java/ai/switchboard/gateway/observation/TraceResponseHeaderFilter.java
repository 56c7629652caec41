package ai.switchboard.gateway.observation;

import ai.switchboard.gateway.request.RequestIdFilter;
import io.micrometer.tracing.TraceContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Returns the request's W3C {@code traceparent} on every response (errors included), so a caller can find the
 * gateway's trace for any answer. It names the gateway's server span, the parent of every upstream attempt span.
 */
@Component
public class TraceResponseHeaderFilter implements WebFilter, Ordered {

    public static final String HEADER = "traceparent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceContext context = RequestSpans.context(exchange);
        if (context != null) {
            boolean sampled = Boolean.TRUE.equals(context.sampled());
            exchange.getResponse().getHeaders().set(HEADER,
                    "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00"));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // Right after the request id, before authentication can refuse the request.
        return RequestIdFilter.ORDER + 1;
    }
}
