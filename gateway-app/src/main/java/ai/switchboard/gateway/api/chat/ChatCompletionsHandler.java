package ai.switchboard.gateway.api.chat;

import ai.switchboard.gateway.api.support.ApiProperties;
import ai.switchboard.gateway.api.support.EventStreams;
import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.api.support.ModelAccess;
import ai.switchboard.gateway.api.support.RequestRecorder;
import ai.switchboard.gateway.api.support.RequestRecording;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.RouteCall;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.RoutingTrace;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/chat/completions}, as JSON or as a server-sent event stream, for a model or a route. Every call
 * goes through the {@link RouteEngine}: routes are planned by their policy, and models and routes alike get
 * retries, circuit breakers and failover.
 */
@Component
public class ChatCompletionsHandler {

    private final JsonBodies bodies;
    private final ModelAccess access;
    private final RouteEngine engine;
    private final RequestRecorder recorder;
    private final long maxRequestBytes;

    public ChatCompletionsHandler(JsonBodies bodies, ModelAccess access, RouteEngine engine, RequestRecorder recorder,
            ApiProperties properties) {
        this.bodies = bodies;
        this.access = access;
        this.engine = engine;
        this.recorder = recorder;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestRecording recording = recorder.start(request.exchange(), GenAiConventions.OPERATION_CHAT);
        AuthenticatedCaller caller = AuthenticatedCaller.of(request.exchange());
        boolean debug = GatewayHeaders.debugRequested(request, caller);
        return bodies.read(request, ChatRequest.class)
                .doOnError(recording::failed)
                .flatMap(chat -> {
                    RegistrySnapshot snapshot;
                    recording.requestModel(chat.model(), chat.isStream());
                    try {
                        ChatRequestValidator.validate(chat);
                        snapshot = chat.isStream()
                                ? access.check(caller, chat.model(), Capability.CHAT, Capability.STREAMING)
                                : access.check(caller, chat.model(), Capability.CHAT);
                    } catch (RuntimeException refused) {
                        recording.failed(refused);
                        return Mono.error(refused);
                    }
                    RoutingTrace trace = recording.trace();
                    RouteCall call = new RouteCall(snapshot, chat.model(),
                            chat.isStream() ? chat.withStreamUsage() : chat, caller.key().name(), tags(request),
                            trace);
                    return chat.isStream()
                            ? stream(call, chat.includeUsage(), debug, recording)
                            : complete(call, debug, recording);
                });
    }

    private Mono<ServerResponse> complete(RouteCall call, boolean debug, RequestRecording recording) {
        RoutingTrace trace = call.trace();
        return engine.chat(call)
                .doOnNext(response -> {
                    recording.usage(response.usage());
                    recording.succeeded();
                })
                .doOnError(recording::failed)
                .doOnCancel(recording::cancelled)
                .flatMap(response -> ServerResponse.ok()
                        .headers(headers -> GatewayHeaders.describe(headers, trace, debug))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    private Mono<ServerResponse> stream(RouteCall call, boolean clientWantsUsage, boolean debug,
            RequestRecording recording) {
        RoutingTrace trace = call.trace();
        Flux<ChatChunk> chunks = engine.stream(call)
                .doOnNext(chunk -> {
                    recording.firstToken();
                    if (chunk.usage() != null) {
                        recording.usage(chunk.usage());
                    }
                });
        if (!clientWantsUsage) {
            chunks = chunks.filter(chunk -> !chunk.choices().isEmpty() || chunk.usage() == null)
                    .map(ChatChunk::withoutUsage);
        }
        Flux<ChatChunk> timed = chunks
                .doOnError(recording::failed)
                .doOnComplete(recording::succeeded)
                .doOnCancel(recording::cancelled);
        return EventStreams.headers(ServerResponse.ok())
                .body(EventStreams.body(timed, maxRequestBytes,
                        headers -> GatewayHeaders.describe(headers, trace, debug)));
    }

    private static Set<String> tags(ServerRequest request) {
        String header = request.headers().firstHeader(GatewayHeaders.TAGS);
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        Set<String> tags = new java.util.HashSet<>();
        for (String tag : header.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }
}
