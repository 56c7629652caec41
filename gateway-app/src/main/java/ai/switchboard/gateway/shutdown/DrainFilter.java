package ai.switchboard.gateway.shutdown;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.request.RequestIdFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies {@link ServerDrain} to every request: nothing while serving; from the start of shutdown, a
 * {@code Connection: close} on each response and a count of the requests in flight; once closed, a 503 that tells
 * the client to retry (on another replica, over a new connection).
 */
final class DrainFilter implements WebFilter, Ordered {

    /** Right after the request id, so a refused request is still traceable, and before anything does work. */
    static final int ORDER = RequestIdFilter.ORDER + 1;

    private static final String MESSAGE = "The gateway is shutting down; retry the request.";

    private final ServerDrain drain;

    DrainFilter(ServerDrain drain) {
        this.drain = drain;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (drain.serving()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        if (!drain.enter()) {
            // OpenAI's error on /v1, problem+json elsewhere: the error handlers pick the shape by the path.
            return Mono.error(new ApiException(503, "server_error", MESSAGE, null, "server_shutting_down"));
        }
        return chain.filter(exchange).doFinally(signal -> drain.exit());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
