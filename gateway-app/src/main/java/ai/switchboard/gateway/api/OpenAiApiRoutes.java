package ai.switchboard.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import ai.switchboard.gateway.api.agents.AgentRunsHandler;
import ai.switchboard.gateway.api.chat.ChatCompletionsHandler;
import ai.switchboard.gateway.api.completions.CompletionsHandler;
import ai.switchboard.gateway.api.embeddings.EmbeddingsHandler;
import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.feedback.FeedbackHandler;
import ai.switchboard.gateway.api.models.ModelsHandler;
import ai.switchboard.gateway.api.responses.ResponsesHandler;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.auth.HandlerAccess;
import ai.switchboard.gateway.auth.ScopedHandlerFunction;
import ai.switchboard.registry.KeyScope;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import reactor.core.publisher.Mono;

/**
 * The OpenAI-compatible API. Functional routes keep the request path free of annotation-driven argument resolution.
 * Every route declares the scope its caller's key needs next to its path; another method on a known path is answered
 * 405 with {@code Allow}, and anything else under {@code /v1} with OpenAI's 404 shape (both to inference keys only, as
 * the routes themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class OpenAiApiRoutes {

    private static final HandlerAccess INFERENCE = HandlerAccess.anyOf(KeyScope.INFERENCE);
    /** A run is read by the key that started it, or by an admin or its team's admin (checked per run). */
    private static final HandlerAccess RUN_READERS = HandlerAccess.anyOf(KeyScope.INFERENCE, KeyScope.ADMIN,
            KeyScope.TEAM_ADMIN);

    @Bean
    RouterFunction<ServerResponse> openAiRoutes(ChatCompletionsHandler chat, CompletionsHandler completions,
            EmbeddingsHandler embeddings, ModelsHandler models, ResponsesHandler responses, AgentRunsHandler runs,
            FeedbackHandler feedback) {
        List<Endpoint> endpoints = List.of(
                new Endpoint(HttpMethod.POST, "/v1/chat/completions", INFERENCE, chat::handle),
                new Endpoint(HttpMethod.POST, "/v1/completions", INFERENCE, completions::handle),
                new Endpoint(HttpMethod.POST, "/v1/embeddings", INFERENCE, embeddings::handle),
                new Endpoint(HttpMethod.GET, "/v1/models", INFERENCE, models::list),
                new Endpoint(HttpMethod.GET, "/v1/models/{*id}", INFERENCE, models::get),
                new Endpoint(HttpMethod.POST, "/v1/responses", INFERENCE, responses::create),
                new Endpoint(HttpMethod.GET, "/v1/responses/{id}", INFERENCE, responses::get),
                new Endpoint(HttpMethod.DELETE, "/v1/responses/{id}", INFERENCE, responses::delete),
                new Endpoint(HttpMethod.GET, "/v1/responses/{id}/input_items", INFERENCE, responses::inputItems),
                new Endpoint(HttpMethod.POST, "/v1/agents/{name}/runs", INFERENCE, runs::start),
                new Endpoint(HttpMethod.GET, "/v1/agents/runs/{id}", RUN_READERS, runs::get),
                new Endpoint(HttpMethod.GET, "/v1/agents/runs/{id}/events", RUN_READERS, runs::events),
                new Endpoint(HttpMethod.POST, "/v1/agents/runs/{id}/cancel", RUN_READERS, runs::cancel),
                new Endpoint(HttpMethod.POST, "/v1/feedback", INFERENCE, feedback::create));
        RouterFunctions.Builder routes = RouterFunctions.route();
        Map<String, Set<HttpMethod>> allowed = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            routes.route(method(endpoint.method()).and(path(endpoint.path())),
                    new ScopedHandlerFunction(endpoint.access(), endpoint.handler()));
            allowed.computeIfAbsent(endpoint.path(), known -> new LinkedHashSet<>()).add(endpoint.method());
        }
        allowed.forEach((path, methods) -> routes.route(path(path), new ScopedHandlerFunction(INFERENCE,
                request -> Mono.error(new MethodNotAllowedException(request.method(), methods)))));
        return routes.route(path("/v1/**"), new ScopedHandlerFunction(INFERENCE,
                        request -> Mono.error(ApiException.notFound(request.path()))))
                .build();
    }

    private record Endpoint(HttpMethod method, String path, HandlerAccess access,
            HandlerFunction<ServerResponse> handler) {
    }
}
