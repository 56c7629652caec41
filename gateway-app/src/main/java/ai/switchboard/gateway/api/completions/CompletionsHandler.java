package ai.switchboard.gateway.api.completions;

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
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.RoutingTrace;
import org.springframework.http.MediaType;
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
 * id). Calls go through the {@link RouteEngine}: retries, circuit breakers, and failover until a stream's first chunk.
 */
@Component
public class CompletionsHandler {

    private static final String OPERATION = GenAiConventions.OPERATION_TEXT_COMPLETION;

    private final JsonBodies bodies;
    private final ModelAccess access;
    private final RouteEngine engine;
    private final RequestRecorder recorder;
    private final long maxRequestBytes;

    public CompletionsHandler(JsonBodies bodies, ModelAccess access, RouteEngine engine, RequestRecorder recorder,
            ApiProperties properties) {
        this.bodies = bodies;
        this.access = access;
        this.engine = engine;
        this.recorder = recorder;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestRecording recording = recorder.start(request.exchange(), OPERATION);
        AuthenticatedCaller caller = AuthenticatedCaller.of(request.exchange());
        boolean debug = GatewayHeaders.debugRequested(request, caller);
        return bodies.read(request, ObjectNode.class)
                .doOnError(recording::failed)
                .flatMap(body -> {
                    RegistrySnapshot snapshot;
                    boolean stream;
                    String model = body.path("model").asString(null);
                    try {
                        stream = CompletionsRequestValidator.validate(body);
                        recording.requestModel(model, stream);
                        snapshot = stream
                                ? access.check(caller, model, Capability.COMPLETIONS, Capability.STREAMING)
                                : access.check(caller, model, Capability.COMPLETIONS);
                    } catch (RuntimeException refused) {
                        recording.failed(refused);
                        return Mono.error(refused);
                    }
                    RoutingTrace trace = recording.trace();
                    return stream
                            ? stream(snapshot, model, body, trace, debug, recording)
                            : complete(snapshot, model, body, trace, debug, recording);
                });
    }

    private Mono<ServerResponse> complete(RegistrySnapshot snapshot, String model, ObjectNode body,
            RoutingTrace trace, boolean debug, RequestRecording recording) {
        return engine.complete(snapshot, model, body, trace)
                .doOnNext(response -> {
                    usage(recording, response);
                    recording.succeeded();
                })
                .doOnError(recording::failed)
                .doOnCancel(recording::cancelled)
                .flatMap(response -> ServerResponse.ok()
                        .headers(headers -> GatewayHeaders.describe(headers, trace, debug))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    private Mono<ServerResponse> stream(RegistrySnapshot snapshot, String model, ObjectNode body, RoutingTrace trace,
            boolean debug, RequestRecording recording) {
        Flux<ObjectNode> chunks = engine.streamComplete(snapshot, model, body, trace)
                .doOnNext(chunk -> {
                    recording.firstToken();
                    usage(recording, chunk);
                })
                .doOnError(recording::failed)
                .doOnComplete(recording::succeeded)
                .doOnCancel(recording::cancelled);
        return EventStreams.headers(ServerResponse.ok())
                .body(EventStreams.body(chunks, maxRequestBytes,
                        headers -> GatewayHeaders.describe(headers, trace, debug)));
    }

    /** Legacy completions stay raw JSON, so their usage is read straight from it when present. */
    private static void usage(RequestRecording recording, ObjectNode body) {
        JsonNode usage = body.get("usage");
        if (usage != null && usage.isObject()) {
            recording.tokens(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                    usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        }
    }
}
