package ai.switchboard.gateway.api.embeddings;

import ai.switchboard.gateway.api.support.GatewayHeaders;
import ai.switchboard.gateway.api.support.JsonBodies;
import ai.switchboard.gateway.api.support.JsonWriter;
import ai.switchboard.gateway.api.support.ModelAccess;
import ai.switchboard.gateway.api.support.RequestRecorder;
import ai.switchboard.gateway.api.support.RequestRecording;
import ai.switchboard.gateway.auth.AuthenticatedCaller;
import ai.switchboard.observability.GenAiConventions;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.registry.Capability;
import ai.switchboard.registry.RegistrySnapshot;
import ai.switchboard.routing.RouteEngine;
import ai.switchboard.routing.RoutingTrace;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/embeddings}, for a model or a {@code fallback} route. Calls go through the {@link RouteEngine}, so
 * they get retries, circuit breakers and failover across a route's targets like chat does.
 */
@Component
public class EmbeddingsHandler {

    private static final String OPERATION = GenAiConventions.OPERATION_EMBEDDINGS;

    private final JsonBodies bodies;
    private final ModelAccess access;
    private final RouteEngine engine;
    private final RequestRecorder recorder;

    public EmbeddingsHandler(JsonBodies bodies, ModelAccess access, RouteEngine engine, RequestRecorder recorder) {
        this.bodies = bodies;
        this.access = access;
        this.engine = engine;
        this.recorder = recorder;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestRecording recording = recorder.start(request.exchange(), OPERATION);
        AuthenticatedCaller caller = AuthenticatedCaller.of(request.exchange());
        boolean debug = GatewayHeaders.debugRequested(request, caller);
        return bodies.read(request, EmbeddingRequest.class)
                .doOnError(recording::failed)
                .flatMap(embedding -> {
                    RegistrySnapshot snapshot;
                    recording.requestModel(embedding.model(), false);
                    try {
                        EmbeddingsRequestValidator.validate(embedding);
                        snapshot = access.check(caller, embedding.model(), Capability.EMBEDDINGS);
                    } catch (RuntimeException refused) {
                        recording.failed(refused);
                        return Mono.error(refused);
                    }
                    RoutingTrace trace = recording.trace();
                    return engine.embed(snapshot, embedding.model(), embedding, trace)
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
                });
    }
}
