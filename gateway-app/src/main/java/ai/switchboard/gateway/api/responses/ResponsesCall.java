package ai.switchboard.gateway.api.responses;

import ai.switchboard.gateway.api.error.ApiException;
import ai.switchboard.gateway.api.responses.wire.ResponseItem;
import ai.switchboard.gateway.api.responses.wire.ResponseItems;
import ai.switchboard.gateway.api.responses.wire.ResponseObject;
import ai.switchboard.gateway.api.responses.wire.ResponsesEvent;
import ai.switchboard.gateway.api.responses.wire.ResponsesRequest;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.routing.Deployment;
import ai.switchboard.routing.ResponseChunks;
import ai.switchboard.routing.Target;
import ai.switchboard.routing.policy.PromptTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code POST /v1/responses} turn as each deployment that may serve it sees it, decided per attempt so that a
 * route can fail over from one kind to the other: a provider that speaks the Responses API (OpenAI, Azure) gets the
 * client's request natively ({@link NativeResponses}), every other one the canonical chat request
 * ({@link ResponsesRequestTranslator}) with its answer translated back. Either way the client sees one response id,
 * the gateway's, under which the turn is stored.
 */
final class ResponsesCall {

    private final ResponsesRequest request;
    private final List<ResponseItem> history;
    private final CanonicalRequest translation;
    private final ApiException untranslatable;
    private final ResponseObject skeleton;
    private final ProviderAdapters adapters;
    private final long maxRequestBytes;

    private ResponsesCall(ResponsesRequest request, List<ResponseItem> history, CanonicalRequest translation,
            ApiException untranslatable, ResponseObject skeleton, ProviderAdapters adapters, long maxRequestBytes) {
        this.request = request;
        this.history = history;
        this.translation = translation;
        this.untranslatable = untranslatable;
        this.skeleton = skeleton;
        this.adapters = adapters;
        this.maxRequestBytes = maxRequestBytes;
    }

    /**
     * The call for {@code request}, continuing {@code history} with {@code input}. A request only a native upstream
     * understands (the translation refuses it) can still be served by one such model named directly.
     */
    static ResponsesCall of(ResponsesRequest request, List<ResponseItem> history, List<ResponseItem> input,
            ResponseObject skeleton, ProviderAdapters adapters, long maxRequestBytes) {
        List<ResponseItem> conversation = new ArrayList<>(history);
        conversation.addAll(input);
        try {
            return new ResponsesCall(request, history, ResponsesRequestTranslator.translate(request, conversation),
                    null, skeleton, adapters, maxRequestBytes);
        } catch (ApiException untranslatable) {
            return new ResponsesCall(request, history, null, untranslatable, skeleton, adapters, maxRequestBytes);
        }
    }

    /** The gateway's id of the response this turn produces. */
    String id() {
        return skeleton.id();
    }

    /** How the response cache stores this turn's answer and tells a stored one again as this turn's. */
    ResponsesAnswers answers() {
        return new ResponsesAnswers(skeleton);
    }

    /**
     * The canonical request routing policies look at (and their sub-calls send); without a translation, only a
     * natively served model named directly can answer, so a placeholder does.
     */
    ChatRequest canonical(Target target) {
        if (translation != null) {
            return translation.chat();
        }
        if (target instanceof Target.Model(Deployment deployment) && servesNatively(deployment)) {
            return new ChatRequest(request.model(), List.of(), null, null, null, null, null, null, null, null, null,
                    null, null, null, request.maxOutputTokens(), null, null, null, null, null, Map.of());
        }
        throw untranslatable;
    }

    /**
     * The prompt's tokens for token limits and budgets, counted on the canonical form; a turn only a native upstream
     * understands is estimated from its size instead (about four characters a token).
     */
    long promptTokens() {
        if (translation != null) {
            return PromptTokens.estimate(translation.chat());
        }
        List<ResponseItem> conversation = new ArrayList<>(history);
        conversation.addAll(ResponseItems.readInput(request.input()));
        return (ResponseItems.toJson(conversation).toString().length()
                + (request.instructions() == null ? 0 : request.instructions().length())) / 4;
    }

    /** One deployment's complete answer, as the response object the client gets. */
    Mono<ObjectNode> create(Deployment deployment) {
        if (servesNatively(deployment)) {
            return adapter(deployment).responses(deployment.endpoint(), nativeBody(deployment)).map(this::addressed);
        }
        if (translation == null) {
            return Mono.error(untranslatable);
        }
        return adapter(deployment).chat(deployment.endpoint(), translation.chat().withModel(upstream(deployment)))
                .map(this::reply);
    }

    /**
     * One deployment's stream: native events (the upstream's JSON, addressed with the gateway's id) or translated
     * ones (records). A failure after the first content ends it with {@code response.failed}; before, it fails the
     * attempt so that the next candidate may answer.
     */
    Flux<Object> stream(Deployment deployment) {
        if (servesNatively(deployment)) {
            return NativeResponses.stream(adapter(deployment).streamResponses(deployment.endpoint(),
                            nativeBody(deployment)), failure -> ResponsesErrors.of(failure, maxRequestBytes))
                    .map(event -> {
                        if (event.get("response") instanceof ObjectNode response) {
                            addressed(response);
                        }
                        return (Object) event;
                    });
        }
        if (translation == null) {
            return Flux.error(untranslatable);
        }
        ChatRequest chat = translation.chat().withStreamUsage().withModel(upstream(deployment));
        return ResponsesStreamTranslator.translate(skeleton, translation.toolNames(),
                adapter(deployment).streamChat(deployment.endpoint(), chat),
                failure -> ResponsesErrors.of(failure, maxRequestBytes)).cast(Object.class);
    }

    /** A canonical answer a composite policy settled on, as a response object. */
    ObjectNode reply(ChatResponse response) {
        return (ObjectNode) ResponseItems.json(ResponsesResponseTranslator.translate(skeleton, response,
                translation.toolNames()));
    }

    /** A canonical answer a composite policy settled on, as a Responses stream. */
    Flux<Object> replay(ChatResponse response) {
        return ResponsesStreamTranslator.translate(skeleton, translation.toolNames(), ResponseChunks.of(response),
                failure -> ResponsesErrors.of(failure, maxRequestBytes)).cast(Object.class);
    }

    /** Whether an event commits the stream: anything but the opening events, which wait for the first content. */
    static boolean commits(Object event) {
        if (event instanceof ObjectNode json) {
            return OpeningEvents.commits(json);
        }
        String type = ((ResponsesEvent) event).type();
        return !ResponsesEvent.CREATED.equals(type) && !ResponsesEvent.IN_PROGRESS.equals(type);
    }

    /** What the translation left out or ignored, for the client; nothing when a native upstream got it all. */
    void describe(HttpHeaders headers, Deployment servedBy) {
        if (translation != null && (servedBy == null || !servesNatively(servedBy))) {
            translation.describe(headers);
        }
    }

    private ObjectNode nativeBody(Deployment deployment) {
        return NativeResponses.body(request, upstream(deployment), history);
    }

    /**
     * The upstream's response object as the client sees it. It gets the gateway's id: the gateway stores it, and an
     * upstream's id (which it was asked not to store) must not be able to collide with another caller's. Its
     * conversation is the gateway's, so its continuation too.
     */
    private ObjectNode addressed(ObjectNode response) {
        response.put("id", skeleton.id());
        if (request.previousResponseId() != null) {
            response.put("previous_response_id", request.previousResponseId());
        }
        response.put("store", request.stores());
        return response;
    }

    private boolean servesNatively(Deployment deployment) {
        return adapter(deployment).servesResponses(deployment.endpoint());
    }

    private ProviderAdapter adapter(Deployment deployment) {
        return adapters.forType(deployment.providerType());
    }

    private static String upstream(Deployment deployment) {
        return deployment.model().upstreamModel();
    }
}
