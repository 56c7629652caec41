package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.store.ResponseOwner;
import ai.switchboard.gateway.api.responses.store.StoredResponses;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseLifecycleEvent;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.EventStreams;
import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.gateway.cache.CacheableRequest;
import ai.switchboard.gateway.cache.CachedAnswers;
import ai.switchboard.gateway.pipeline.Api;
import ai.switchboard.gateway.pipeline.ExchangeContexts;
import ai.switchboard.gateway.pipeline.RequestContext;
import ai.switchboard.gateway.pipeline.RequestPipeline;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.registry.ApiKeyRecord;
import ai.switchboard.routing.RouteEngine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/responses}: OpenAI's Responses API in front of every model and route. A create is translated to the
 * canonical chat request ({@link ResponsesRequestTranslator}), runs through the {@link RequestPipeline} and the
 * {@link RouteEngine} exactly as a chat completion does (resolution, policies, failover, metering), and is answered
 * as a response object or as the typed event stream; with {@code store} (the default) the finished response is kept
 * so that {@code previous_response_id} continues it on any replica. Stored responses are read, listed and deleted
 * only by the key, or a key of the team, that created them.
 */
@Component
public class ResponsesHandler {

    private static final Logger log = LoggerFactory.getLogger(ResponsesHandler.class);
    private static final int DEFAULT_ITEMS_LIMIT = 20;

    private final JsonBodies bodies;
    private final ExchangeContexts contexts;
    private final RequestPipeline pipeline;
    private final RouteEngine engine;
    private final StoredResponses store;
    private final ProviderAdapters adapters;
    private final Clock clock;
    private final long maxRequestBytes;

    public ResponsesHandler(JsonBodies bodies, ExchangeContexts contexts, RequestPipeline pipeline, RouteEngine engine,
            StoredResponses store, ProviderAdapters adapters, Clock clock, ApiProperties properties) {
        this.bodies = bodies;
        this.contexts = contexts;
        this.pipeline = pipeline;
        this.engine = engine;
        this.store = store;
        this.adapters = adapters;
        this.clock = clock;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
        ResponseIds.warm();
    }

    /** {@code POST /v1/responses}. */
    public Mono<ServerResponse> create(ServerRequest request) {
        RequestContext context = contexts.open(request, Api.RESPONSES);
        ResponseOwner owner = owner(context.key());
        return bodies.read(request, ResponsesRequest.class)
                .flatMap(body -> {
                    context.request(body.model(), body.isStream());
                    ResponsesRequestValidator.validate(body);
                    List<ResponseItem> input = ResponseItems.readInput(body.input());
                    return conversation(owner, body).zipWith(resolveReferences(owner, input))
                            .flatMap(turn -> {
                                Turn asked = new Turn(owner, body, turn.getT1(), turn.getT2(),
                                        body.stores() ? toJson(turn.getT2()) : List.of());
                                ResponsesCall call = call(asked);
                                if (cacheable(body, input)) {
                                    context.cacheable(new CacheableRequest(() -> body, body.temperature() != null
                                            && body.temperature() == 0.0));
                                }
                                context.costHints(call::promptTokens, body.maxOutputTokens(), 1);
                                return body.isStream() ? stream(context, asked, call) : complete(context, asked, call);
                            });
                })
                .doOnError(context::failed)
                .doOnCancel(context::cancelled);
    }

    /**
     * One turn to answer: who asks, the request, the stored conversation it continues, its own input (references
     * resolved), and that input as it is stored (empty when nothing is stored).
     */
    private record Turn(ResponseOwner owner, ResponsesRequest body, List<ResponseItem> history,
            List<ResponseItem> input, List<JsonNode> storedInput) {

        List<ResponseItem> conversation() {
            List<ResponseItem> items = new ArrayList<>(history);
            items.addAll(input);
            return items;
        }
    }

    /**
     * Whether the answer may come from the response cache: only for a turn that is a function of its request alone.
     * A turn that continues a stored response or refers to stored items depends on what the store holds, and
     * OpenAI's hosted tools (web search, file search, code interpreter) on the world at the time; Responses has no
     * seed, so temperature 0 is its most repeatable setting.
     */
    private static boolean cacheable(ResponsesRequest body, List<ResponseItem> input) {
        if (body.previousResponseId() != null || !ItemReferences.ids(input).isEmpty()) {
            return false;
        }
        if (body.tools() != null) {
            for (JsonNode tool : body.tools()) {
                String type = tool.path("type").asString("");
                if (!"function".equals(type) && !"custom".equals(type)) {
                    return false;
                }
            }
        }
        return true;
    }

    private Mono<ServerResponse> complete(RequestContext context, Turn turn, ResponsesCall call) {
        return pipeline.single(context, resolved -> CachedAnswers.single(resolved, call.answers(),
                        () -> engine.single(resolved.routeCall(call.canonical(resolved.target())),
                                GenAiConventions.OPERATION_CHAT, call::create, call::reply)
                        .doOnNext(response -> countTokens(resolved, response.path("usage")))))
                .flatMap(response -> (turn.body().stores() ? save(turn, response) : Mono.<Void>empty())
                        .thenReturn(response))
                .flatMap(response -> ServerResponse.ok()
                        .headers(headers -> describe(headers, context, call))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    private Mono<ServerResponse> stream(RequestContext context, Turn turn, ResponsesCall call) {
        // Native events stay the upstream's JSON and translated ones records; each is written once, as it is.
        // Usage is counted inside the cached call: a replayed answer used no tokens.
        Flux<Object> events = pipeline.stream(context, resolved -> CachedAnswers.stream(resolved, call.answers(),
                        () -> engine.streamed(resolved.routeCall(call.canonical(resolved.target())),
                                GenAiConventions.OPERATION_CHAT, call::stream, ResponsesCall::commits, call::replay)
                        .doOnNext(event -> {
                            ObjectNode finished = finished(event);
                            if (finished != null) {
                                countTokens(resolved, finished.path("usage"));
                            }
                        }))
                .doOnNext(event -> resolved.firstToken()));
        if (turn.body().stores()) {
            // The finished response is stored before its last event leaves, so a client that continues the
            // conversation as soon as it has read the stream finds it.
            events = events.concatMap(event -> {
                ObjectNode finished = finished(event);
                return finished == null ? Mono.just(event) : save(turn, finished).thenReturn(event);
            });
        }
        return EventStreams.headers(ServerResponse.ok())
                .body(ResponsesEventWriter.body(markingTheAnswer(events, context), ResponsesHandler::typeOf,
                        headers -> describe(headers, context, call)));
    }

    private ResponsesCall call(Turn turn) {
        return ResponsesCall.of(turn.body(), turn.history(), turn.input(),
                ResponseSkeleton.of(turn.body(), ResponseIds.response(), clock.instant().getEpochSecond()), adapters,
                maxRequestBytes);
    }

    private static void describe(HttpHeaders headers, RequestContext context, ResponsesCall call) {
        GatewayHeaders.describe(headers, context.trace(), context.debug());
        call.describe(headers, context.trace().served());
    }

    /** Meters a native answer's usage: {@code input_tokens} include the cached ones, as chat's prompt tokens do. */
    private static void countTokens(RequestContext context, JsonNode usage) {
        if (usage.isObject()) {
            context.tokens(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0),
                    usage.path("input_tokens_details").path("cached_tokens").asLong(0));
        }
    }

    /**
     * Stores a finished response. A store that fails (the database is down) does not cost the client its answer: it
     * is logged, and continuing from that response later answers 404.
     */
    private Mono<Void> save(Turn turn, ObjectNode response) {
        return store.saveNative(turn.owner(), response, turn.body().previousResponseId(), turn.storedInput())
                .onErrorResume(failure -> {
                    log.warn("Response {} was answered but not stored: {}", response.path("id").asString(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    private static String typeOf(Object event) {
        return event instanceof ObjectNode json ? ResponsesEventWriter.typeOf(json) : ((ResponsesEvent) event).type();
    }

    /**
     * Marks the answer sent as {@code response.completed} or {@code response.incomplete} goes to the writer, before
     * the client can have read it: Codex closes the connection the moment it has, and that must not race the end of
     * the upstream's stream into a 499 for an answer that arrived whole. A {@code response.failed} is no answer.
     */
    static Flux<Object> markingTheAnswer(Flux<Object> events, RequestContext context) {
        return events.doOnNext(event -> {
            String type = typeOf(event);
            if (ResponsesEvent.COMPLETED.equals(type) || ResponsesEvent.INCOMPLETE.equals(type)) {
                context.answerSent();
            }
        });
    }

    /** The response a terminal event carries, as JSON, or {@code null} for any other event. */
    private static ObjectNode finished(Object event) {
        String type = typeOf(event);
        if (!ResponsesEvent.COMPLETED.equals(type) && !ResponsesEvent.INCOMPLETE.equals(type)
                && !ResponsesEvent.FAILED.equals(type)) {
            return null;
        }
        if (event instanceof ResponseLifecycleEvent lifecycle) {
            return (ObjectNode) ResponseItems.json(lifecycle.response());
        }
        return event instanceof ObjectNode json && json.get("response") instanceof ObjectNode response ? response
                : null;
    }

    /** {@code GET /v1/responses/{id}}. */
    public Mono<ServerResponse> get(ServerRequest request) {
        String id = request.pathVariable("id");
        return store.find(owner(request), id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(response -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    /** {@code DELETE /v1/responses/{id}}: OpenAI's deletion object. */
    public Mono<ServerResponse> delete(ServerRequest request) {
        String id = request.pathVariable("id");
        return store.delete(owner(request), id)
                .flatMap(deleted -> {
                    if (!deleted) {
                        return Mono.error(notFound(id));
                    }
                    ObjectNode answer = JsonNodeFactory.instance.objectNode().put("id", id)
                            .put("object", "response").put("deleted", true);
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(JsonWriter.body(answer));
                });
    }

    /** {@code GET /v1/responses/{id}/input_items?after=&limit=&order=}. */
    public Mono<ServerResponse> inputItems(ServerRequest request) {
        String id = request.pathVariable("id");
        int limit = limit(request.queryParam("limit").orElse(null));
        String order = request.queryParam("order").orElse("desc");
        if (!"asc".equals(order) && !"desc".equals(order)) {
            return Mono.error(ApiException.invalidRequest("Invalid 'order': expected 'asc' or 'desc'.", "order"));
        }
        return store.inputItems(owner(request), id, request.queryParam("after").orElse(null), limit, order)
                .flatMap(page -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(page)));
    }

    private Mono<List<ResponseItem>> conversation(ResponseOwner owner, ResponsesRequest body) {
        return body.previousResponseId() == null ? Mono.just(List.of())
                : store.conversation(owner, body.previousResponseId());
    }

    /** The input with each {@code item_reference} replaced by the stored item it names. */
    private Mono<List<ResponseItem>> resolveReferences(ResponseOwner owner, List<ResponseItem> input) {
        List<String> ids = ItemReferences.ids(input);
        return ids.isEmpty() ? Mono.just(input)
                : store.items(owner, ids).map(stored -> ItemReferences.resolve(input, stored));
    }

    private static List<JsonNode> toJson(List<ResponseItem> items) {
        List<JsonNode> json = new ArrayList<>(items.size());
        ResponseItems.toJson(items).forEach(json::add);
        return json;
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_ITEMS_LIMIT;
        }
        int limit = text.matches("[0-9]{1,3}") ? Integer.parseInt(text) : -1;
        if (limit < 1 || limit > 100) {
            throw ApiException.invalidRequest("Invalid 'limit': expected an integer from 1 to 100.", "limit");
        }
        return limit;
    }

    private static ResponseOwner owner(ServerRequest request) {
        return owner(AuthenticatedCaller.of(request.exchange()).key());
    }

    private static ResponseOwner owner(ApiKeyRecord key) {
        return new ResponseOwner(key.id(), key.teamId());
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "invalid_request_error", "Response with id '" + ApiException.echo(id)
                + "' not found.", null, null);
    }
}
