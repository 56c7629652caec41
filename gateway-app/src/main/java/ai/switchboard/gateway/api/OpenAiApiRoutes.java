package ai.switchboard.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import ai.switchboard.gateway.api.chat.ChatCompletionsHandler;
import ai.switchboard.gateway.api.completions.CompletionsHandler;
import ai.switchboard.gateway.api.embeddings.EmbeddingsHandler;
import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.models.ModelsHandler;
import ai.switchboard.gateway.api.support.ApiProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The OpenAI-compatible API. Functional routes keep the request path free of annotation-driven argument resolution;
 * anything else under {@code /v1} is answered with OpenAI's 404 shape.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class OpenAiApiRoutes {

    @Bean
    RouterFunction<ServerResponse> openAiRoutes(ChatCompletionsHandler chat, CompletionsHandler completions,
            EmbeddingsHandler embeddings, ModelsHandler models) {
        return RouterFunctions.route()
                .POST("/v1/chat/completions", chat::handle)
                .POST("/v1/completions", completions::handle)
                .POST("/v1/embeddings", embeddings::handle)
                .GET("/v1/models", models::list)
                .GET("/v1/models/{*id}", models::get)
                .route(path("/v1/**"), request -> Mono.error(ApiException.notFound(request.path())))
                .build();
    }
}
