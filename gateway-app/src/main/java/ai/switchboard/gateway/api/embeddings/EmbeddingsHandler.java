package ai.switchboard.gateway.api.embeddings;

import ai.switchboard.gateway.api.support.Answers;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.PromptTokenCounts;
import ai.switchboard.gateway.cache.CachedAnswers;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.ExchangeContexts;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.routing.RouteEngine;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/embeddings}, for a model or a {@code fallback} route. Calls go through the {@link RouteEngine}, so
 * they get retries, circuit breakers and failover across a route's targets like chat does.
 */
@Component
public class EmbeddingsHandler {

    private final JsonBodies bodies;
    private final ExchangeContexts contexts;
    private final RequestPipeline pipeline;
    private final RouteEngine engine;

    public EmbeddingsHandler(JsonBodies bodies, ExchangeContexts contexts, RequestPipeline pipeline,
            RouteEngine engine) {
        this.bodies = bodies;
        this.contexts = contexts;
        this.pipeline = pipeline;
        this.engine = engine;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.EMBEDDINGS);
        return bodies.read(request, EmbeddingRequest.class)
                .flatMap(embedding -> {
                    context.request(embedding.model(), false).cacheable(embedding);
                    EmbeddingsRequestValidator.validate(embedding);
                    context.costHints(() -> PromptTokenCounts.of(embedding.input()), 0, 1);
                    return pipeline.single(context, resolved -> CachedAnswers.embeddings(resolved, embedding,
                                    sent -> engine.embed(resolved.snapshot(), resolved.target(), sent,
                                            resolved.trace())
                                            .doOnNext(response -> resolved.usage(response.usage()))))
                            .flatMap(response -> Answers.json(context, response));
                })
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }
}
