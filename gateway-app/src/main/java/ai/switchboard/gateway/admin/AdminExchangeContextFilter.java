package ai.switchboard.gateway.admin;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts an admin exchange in the Reactor context the way Spring's {@link ServerWebExchangeContextFilter} does, so that
 * {@link RegistryCalls} can tell who made the change it runs. Admin paths only: inference requests do not pay for a
 * context entry they never read.
 */
@Component
class AdminExchangeContextFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/admin/")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).contextWrite(context ->
                context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
