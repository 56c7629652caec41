package ai.switchboard.gateway.api.completions;

import ai.switchboard.gateway.api.support.Answers;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.PromptTokenCounts;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.ExchangeContexts;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.routing.RouteEngine;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/completions}, the legacy text completion API, for a model or a {@code fallback} route. Its body is
 * checked field by field and passed through as JSON: only {@code model} is rewritten (to each attempt's upstream
 * id). Calls go through the {@link RequestPipeline} and the {@link RouteEngine}: retries, circuit breakers, and failover until a stream's first chunk.
 */
@Component
public class CompletionsHandler {

    private final JsonBodies bodies;
    private final ExchangeContexts contexts;
    private final RequestPipeline pipeline;
    private final RouteEngine engine;
    /** OpenAI's default {@code max_tokens} for legacy completions. */
    private static final int DEFAULT_MAX_TOKENS = 16;

    private final long maxRequestBytes;

    public CompletionsHandler(JsonBodies bodies, ExchangeContexts contexts, RequestPipeline pipeline,
            RouteEngine engine, ApiProperties properties) {
        this.bodies = bodies;
        this.contexts = contexts;
        this.pipeline = pipeline;
        this.engine = engine;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.COMPLETIONS);
        return bodies.read(request, ObjectNode.class)
                .flatMap(body -> {
                    context.request(body.path("model").asString(null), body.path("stream").asBoolean(false));
                    boolean stream = CompletionsRequestValidator.validate(body);
                    context.costHints(() -> PromptTokenCounts.of(body.get("prompt")),
                            body.path("max_tokens").isIntegralNumber() ? body.path("max_tokens").asInt() : DEFAULT_MAX_TOKENS,
                            Math.max(body.path("n").asInt(1), body.path("best_of").asInt(1)));
                    return stream ? stream(context, body) : complete(context, body);
                })
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    private Mono<ServerResponse> complete(RequestContext context, ObjectNode body) {
        return pipeline.single(context, resolved -> engine.complete(resolved.snapshot(), resolved.target(), body,
                        resolved.trace())
                        .doOnNext(response -> usage(resolved, response)))
                .flatMap(response -> Answers.json(context, response));
    }

    private Mono<ServerResponse> stream(RequestContext context, ObjectNode body) {
        Flux<ObjectNode> chunks = pipeline.stream(context, resolved -> engine.streamComplete(resolved.snapshot(),
                        resolved.target(), body, resolved.trace())
                .doOnNext(chunk -> {
                    resolved.firstToken();
                    usage(resolved, chunk);
                }));
        return Answers.stream(context, chunks, maxRequestBytes);
    }

    /** Legacy completions stay raw JSON, so their usage is read straight from it when present. */
    private static void usage(RequestContext context, ObjectNode body) {
        JsonNode usage = body.get("usage");
        if (usage != null && usage.isObject()) {
            context.tokens(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                    usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        }
    }
}
