package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.EventStreams;
import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.api.support.ModelAccess;
import ai.switchboard.gateway.api.support.RequestTimer;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.Capability;
import ai.switchboard.routing.Deployment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/** {@code POST /v1/chat/completions}, as JSON or as a server-sent event stream. */
@Component
public class ChatCompletionsHandler {

    private final JsonBodies bodies;
    private final ModelAccess access;
    private final ProviderAdapters adapters;
    private final RequestTimer timer;
    private final long maxRequestBytes;

    public ChatCompletionsHandler(JsonBodies bodies, ModelAccess access, ProviderAdapters adapters, RequestTimer timer,
            ApiProperties properties) {
        this.bodies = bodies;
        this.access = access;
        this.adapters = adapters;
        this.timer = timer;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        long start = System.nanoTime();
        AuthenticatedCaller caller = AuthenticatedCaller.of(request.exchange());
        return bodies.read(request, ChatRequest.class)
                .doOnError(failure -> timer.record(GenAiConventions.OPERATION_CHAT, null, start, failure))
                .flatMap(chat -> {
                    Deployment deployment;
                    try {
                        ChatRequestValidator.validate(chat);
                        deployment = chat.isStream()
                                ? access.resolve(caller, chat.model(), Capability.CHAT, Capability.STREAMING)
                                : access.resolve(caller, chat.model(), Capability.CHAT);
                    } catch (RuntimeException refused) {
                        timer.record(GenAiConventions.OPERATION_CHAT, null, start, refused);
                        return Mono.error(refused);
                    }
                    ChatRequest upstream = chat.withModel(deployment.model().upstreamModel());
                    return chat.isStream()
                            ? stream(upstream, chat.includeUsage(), deployment, start)
                            : complete(upstream, deployment, start);
                });
    }

    private Mono<ServerResponse> complete(ChatRequest upstream, Deployment deployment, long start) {
        return adapters.forType(deployment.providerType())
                .chat(deployment.endpoint(), upstream)
                .doOnEach(signal -> {
                    if (signal.isOnNext() || signal.isOnError()) {
                        timer.record(GenAiConventions.OPERATION_CHAT, deployment, start, signal.getThrowable());
                    }
                })
                .flatMap(response -> GatewayHeaders.describe(ServerResponse.ok(), deployment, 1)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    private Mono<ServerResponse> stream(ChatRequest upstream, boolean clientWantsUsage, Deployment deployment,
            long start) {
        Flux<ChatChunk> chunks = adapters.forType(deployment.providerType())
                .streamChat(deployment.endpoint(), upstream.withStreamUsage());
        if (!clientWantsUsage) {
            chunks = chunks.filter(chunk -> !chunk.choices().isEmpty() || chunk.usage() == null)
                    .map(ChatChunk::withoutUsage);
        }
        Flux<ChatChunk> timed = chunks
                .doOnError(failure -> timer.record(GenAiConventions.OPERATION_CHAT, deployment, start, failure))
                .doFinally(signal -> {
                    if (signal != SignalType.ON_ERROR) {
                        timer.record(GenAiConventions.OPERATION_CHAT, deployment, start, null);
                    }
                });
        return EventStreams.headers(GatewayHeaders.describe(ServerResponse.ok(), deployment, 1))
                .body(EventStreams.body(timed, maxRequestBytes));
    }
}
