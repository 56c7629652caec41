package ai.switchboard.gateway.api.messages;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import ai.switchboard.gateway.auth.HandlerAccess;
import ai.switchboard.gateway.auth.ScopedHandlerFunction;
import ai.switchboard.gateway.request.ApiShape;
import ai.switchboard.registry.KeyScope;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * Anthropic's Messages API: {@code POST /v1/messages} (Claude Code adds {@code ?beta=true}, which changes nothing
 * here) and {@code POST /v1/messages/count_tokens}, for inference keys sent as {@code Authorization: Bearer} or, as
 * Anthropic's clients send them, in {@code x-api-key}. Every answer of these paths that is not a success, the
 * refusal of a caller and another method's 405 included, is in Anthropic's error shape. Ordered ahead of the OpenAI
 * routes, whose {@code /v1/**} would otherwise answer these paths with OpenAI's 404.
 */
@Configuration(proxyBeanMethods = false)
class MessagesRoutes {

    static final String MESSAGES = "/v1/messages";
    static final String COUNT_TOKENS = "/v1/messages/count_tokens";

    private static final HandlerAccess INFERENCE = HandlerAccess.anyOf(KeyScope.INFERENCE).orApiKeyHeader();

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> anthropicMessagesRoutes(MessagesHandler messages) {
        return RouterFunctions.route()
                .route(method(HttpMethod.POST).and(path(MESSAGES)), scoped(messages::create))
                .route(method(HttpMethod.POST).and(path(COUNT_TOKENS)), scoped(messages::countTokens))
                .route(path(MESSAGES), scoped(request -> Mono.error(
                        new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)))))
                .route(path(COUNT_TOKENS), scoped(request -> Mono.error(
                        new MethodNotAllowedException(request.method(), Set.of(HttpMethod.POST)))))
                .build();
    }

    private static ScopedHandlerFunction scoped(HandlerFunction<ServerResponse> handler) {
        return new ScopedHandlerFunction(INFERENCE, handler, ApiShape.ANTHROPIC);
    }
}
