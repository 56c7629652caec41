package ai.switchboard.gateway.api.messages;

import ai.switchboard.gateway.api.messages.wire.MessagesEvent;
import ai.switchboard.gateway.api.messages.wire.TokenCount;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.EventStreams;
import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.cache.CacheableRequest;
import ai.switchboard.gateway.cache.CachedAnswers;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.ExchangeContexts;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.Target;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/messages} and {@code POST /v1/messages/count_tokens}: Anthropic's Messages API in front of the same
 * {@link RequestPipeline} as chat (resolve, route and fail over with the {@link RouteEngine}, record), for models and
 * routes alike. Each attempt goes to its deployment natively or translated ({@link MessagesCall}); streams follow
 * the commit rule of {@link MessagesCommit}, and are written by {@link MessagesEventStreams}.
 */
@Component
public class MessagesHandler {

    private final JsonBodies bodies;
    private final ExchangeContexts contexts;
    private final RequestPipeline pipeline;
    private final RouteEngine engine;
    private final ProviderAdapters adapters;
    private final long maxRequestBytes;

    public MessagesHandler(JsonBodies bodies, ExchangeContexts contexts, RequestPipeline pipeline, RouteEngine engine,
            ProviderAdapters adapters, ApiProperties properties) {
        this.bodies = bodies;
        this.contexts = contexts;
        this.pipeline = pipeline;
        this.engine = engine;
        this.adapters = adapters;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
        MessagesTokenCounter.warm();
    }

    /** {@code POST /v1/messages}, as JSON or as Anthropic's event stream. */
    public Mono<ServerResponse> create(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.MESSAGES);
        return bodies.read(request, MessagesRequest.class)
                .flatMap(body -> {
                    context.request(body.model(), body.isStream());
                    MessagesRequestValidator.validate(body);
                    HttpHeaders headers = request.headers().asHttpHeaders();
                    if (cacheable(body)) {
                        context.cacheable(new CacheableRequest(() -> keyed(body, headers), deterministic(body)));
                    }
                    MessagesCall call = MessagesCall.of(body, headers, adapters);
                    return body.isStream() ? stream(context, call) : complete(context, call);
                })
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    /**
     * Whether an answer may come from the response cache: not when the request has Anthropic's server tools (a web
     * search, code execution), whose answers depend on the world at the time and not on the request alone.
     */
    private static boolean cacheable(MessagesRequest body) {
        if (body.tools() != null) {
            for (JsonNode tool : body.tools()) {
                String type = tool.path("type").asString("custom");
                if (!"custom".equals(type)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Messages has no seed: temperature 0 is the most repeatable setting Anthropic offers. */
    private static boolean deterministic(MessagesRequest body) {
        return body.temperature() != null && body.temperature() == 0.0;
    }

    /** The body with the headers that change what an Anthropic upstream answers (its version, the betas). */
    private static ObjectNode keyed(MessagesRequest body, HttpHeaders headers) {
        ObjectNode keyed = body.toJson();
        keyed.put("anthropic_version", MessagesHeaders.version(headers));
        keyed.putPOJO("anthropic_beta", MessagesHeaders.betas(headers));
        return keyed;
    }

    private Mono<ServerResponse> complete(RequestContext context, MessagesCall call) {
        return pipeline.single(context, resolved -> CachedAnswers.single(resolved, MessagesAnswers.INSTANCE,
                        () -> engine.single(resolved.routeCall(call.canonical(resolved.target())),
                                GenAiConventions.OPERATION_MESSAGES, call::create, call::reply)
                        .doOnNext(reply -> resolved.usage(reply.usage()))))
                .flatMap(reply -> ServerResponse.ok()
                        .headers(headers -> describe(headers, context, call))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(reply.body())));
    }

    private Mono<ServerResponse> stream(RequestContext context, MessagesCall call) {
        Flux<MessagesEvent> events = pipeline.stream(context, resolved -> CachedAnswers.stream(resolved,
                        MessagesAnswers.INSTANCE, () -> engine.streamed(
                                resolved.routeCall(call.canonical(resolved.target())),
                                GenAiConventions.OPERATION_MESSAGES, deployment -> call.stream(deployment, resolved),
                                MessagesCommit::commits, call::replay))
                .doOnNext(event -> resolved.firstToken()));
        return EventStreams.headers(ServerResponse.ok()).body(MessagesEventStreams.body(events, maxRequestBytes,
                context.requestId(), headers -> describe(headers, context, call)));
    }

    /**
     * {@code POST /v1/messages/count_tokens}: a model on an Anthropic-type provider counts with the provider's own
     * endpoint; for any other model, and for a route (whose policy picks a model only for a real request), the count
     * is the gateway's estimate ({@link MessagesTokenCounter}).
     */
    public Mono<ServerResponse> countTokens(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.COUNT_TOKENS);
        return bodies.read(request, MessagesRequest.class)
                .flatMap(body -> {
                    context.request(body.model(), false);
                    MessagesRequestValidator.validateCount(body);
                    MessagesCall call = MessagesCall.of(body, request.headers().asHttpHeaders(), adapters);
                    return pipeline.single(context, resolved -> count(resolved, body, call));
                })
                .flatMap(count -> ServerResponse.ok()
                        .headers(headers -> GatewayHeaders.describe(headers, context.trace(), context.debug()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(count)))
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    private Mono<Object> count(RequestContext resolved, MessagesRequest body, MessagesCall call) {
        if (resolved.target() instanceof Target.Model(Deployment deployment)) {
            Optional<Mono<Object>> counted = call.countTokens(deployment);
            if (counted.isPresent()) {
                return engine.single(resolved.routeCall(call.canonical(resolved.target())),
                        GenAiConventions.OPERATION_COUNT_TOKENS, served -> call.countTokens(served).orElseThrow(),
                        response -> new TokenCount(MessagesTokenCounter.estimate(body)));
            }
        }
        return Mono.fromSupplier(() -> new TokenCount(MessagesTokenCounter.estimate(body)));
    }

    private static void describe(HttpHeaders headers, RequestContext context, MessagesCall call) {
        GatewayHeaders.describe(headers, context.trace(), context.debug());
        List<String> dropped = call.droppedTools(context.trace().served());
        if (!dropped.isEmpty()) {
            headers.set(MessagesHeaders.DROPPED_TOOLS, String.join(",", dropped));
        }
    }
}
