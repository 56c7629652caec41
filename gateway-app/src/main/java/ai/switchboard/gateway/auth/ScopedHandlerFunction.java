package ai.switchboard.gateway.auth;

import java.util.Objects;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A functional route's handler together with who may call it, declared where the route is declared. The router
 * resolves to this object, so {@link AuthorizingHandlerAdapter} reads the access of exactly the handler that is about
 * to run; a handler function not wrapped like this is never served.
 */
public record ScopedHandlerFunction(HandlerAccess access, HandlerFunction<ServerResponse> delegate)
        implements HandlerFunction<ServerResponse> {

    public ScopedHandlerFunction {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return delegate.handle(request);
    }
}
