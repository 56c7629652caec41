package ai.switchboard.gateway.auth;

import ai.switchboard.gateway.request.ApiShape;
import java.util.Objects;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A functional route's handler together with who may call it, declared where the route is declared. The router
 * resolves to this object, so {@link AuthorizingHandlerAdapter} reads the access of exactly the handler that is about
 * to run; a handler function not wrapped like this is never served.
 *
 * @param errorShape the shape every failure of this route is answered in, refusals of its caller included, or
 *     {@code null} for the shape its path gives ({@link ApiShape#of})
 */
public record ScopedHandlerFunction(HandlerAccess access, HandlerFunction<ServerResponse> delegate,
        ApiShape errorShape) implements HandlerFunction<ServerResponse> {

    public ScopedHandlerFunction {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(delegate, "delegate");
    }

    /** A handler whose failures take the shape of its path. */
    public ScopedHandlerFunction(HandlerAccess access, HandlerFunction<ServerResponse> delegate) {
        this(access, delegate, null);
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        return delegate.handle(request);
    }
}
