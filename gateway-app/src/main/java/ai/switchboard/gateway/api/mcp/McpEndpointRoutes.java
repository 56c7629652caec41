package ai.switchboard.gateway.api.mcp;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import ai.switchboard.gateway.auth.HandlerAccess;
import ai.switchboard.gateway.auth.ScopedHandlerFunction;
import ai.switchboard.registry.KeyScope;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * {@code /mcp}, for inference keys. Only {@code POST}: the endpoint is stateless, so there is no server-initiated
 * stream to {@code GET} and no session to {@code DELETE}; both are answered 405, as the transport allows.
 */
@Configuration(proxyBeanMethods = false)
class McpEndpointRoutes {

    static final String PATH = "/mcp";
    private static final HandlerAccess INFERENCE = HandlerAccess.anyOf(KeyScope.INFERENCE);

    @Bean
    RouterFunction<ServerResponse> mcpRoutes(McpEndpointHandler handler) {
        return RouterFunctions.route()
                .route(method(HttpMethod.POST).and(path(PATH)), new ScopedHandlerFunction(INFERENCE, handler::handle))
                .route(path(PATH), new ScopedHandlerFunction(INFERENCE, request -> Mono.error(
                        new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)))))
                .build();
    }
}
