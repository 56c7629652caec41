package ai.switchboard.gateway.api.completions;

import ai.switchboard.gateway.api.error.ApiException;
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
import ai.switchboard.providers.ProviderAdapters;
import ai.switchboard.registry.Capability;
import ai.switchboard.routing.Deployment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/completions}, the legacy text completion API. Its body is passed through as JSON: only
 * {@code model} is interpreted (and rewritten to the upstream id).
 */
@Component
public class CompletionsHandler {

    private static final String OPERATION = GenAiConventions.OPERATION_TEXT_COMPLETION;

    private final JsonBodies bodies;
    private final ModelAccess access;
    private final ProviderAdapters adapters;
    private final RequestRecorder recorder;
    private final long maxRequestBytes;

    public CompletionsHandler(JsonBodies bodies, ModelAccess access, ProviderAdapters adapters, RequestRecorder recorder,
            ApiProperties properties) {
        this.bodies = bodies;
        this.access = access;
        this.adapters = adapters;
        this.recorder = recorder;
        this.maxRequestBytes = properties.maxRequestSize().toBytes();
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        RequestRecording recording = recorder.start(request.exchange(), OPERATION);
        AuthenticatedCaller caller = AuthenticatedCaller.of(request.exchange());
        return bodies.read(request, ObjectNode.class)
                .doOnError(recording::failed)
                .flatMap(body -> {
                    Deployment deployment;
                    boolean stream;
                    try {
                        stream = validate(body);
                        deployment = stream
                                ? access.resolve(caller, body.path("model").asString(null), Capability.COMPLETIONS,
                                        Capability.STREAMING)
                                : access.resolve(caller, body.path("model").asString(null), Capability.COMPLETIONS);
                    } catch (RuntimeException refused) {
                        recording.failed(refused);
                        return Mono.error(refused);
                    }
                    recording.requestModel(deployment.modelName(), stream);
                    recording.servedBy(deployment);
                    ObjectNode upstream = body.deepCopy().put("model", deployment.model().upstreamModel());
                    return stream ? stream(upstream, deployment, recording) : complete(upstream, deployment, recording);
                });
    }

    private Mono<ServerResponse> complete(ObjectNode upstream, Deployment deployment, RequestRecording recording) {
        return adapters.forType(deployment.providerType())
                .complete(deployment.endpoint(), upstream)
                .doOnNext(response -> {
                    usage(recording, response);
                    recording.succeeded();
                })
                .doOnError(recording::failed)
                .doOnCancel(recording::cancelled)
                .flatMap(response -> GatewayHeaders.describe(ServerResponse.ok(), deployment, 1)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonWriter.body(response)));
    }

    private Mono<ServerResponse> stream(ObjectNode upstream, Deployment deployment, RequestRecording recording) {
        Flux<ObjectNode> chunks = adapters.forType(deployment.providerType())
                .streamComplete(deployment.endpoint(), upstream)
                .doOnNext(chunk -> {
                    recording.firstToken();
                    usage(recording, chunk);
                })
                .doOnError(recording::failed)
                .doOnComplete(recording::succeeded)
                .doOnCancel(recording::cancelled);
        return EventStreams.headers(GatewayHeaders.describe(ServerResponse.ok(), deployment, 1))
                .body(EventStreams.body(chunks, maxRequestBytes));
    }

    /** Legacy completions stay raw JSON, so their usage is read straight from it when present. */
    private static void usage(RequestRecording recording, ObjectNode body) {
        JsonNode usage = body.get("usage");
        if (usage != null && usage.isObject()) {
            recording.tokens(usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0),
                    usage.path("prompt_tokens_details").path("cached_tokens").asLong(0));
        }
    }

    /** Checks the fields the gateway relies on; returns whether a stream was asked for. */
    static boolean validate(ObjectNode body) {
        JsonNode model = body.get("model");
        if (model == null || model.isNull()) {
            throw ApiException.invalidRequest("You must provide a model parameter.", "model");
        }
        if (!model.isString()) {
            throw ApiException.invalidRequest("Invalid type for 'model': expected a string.", "model");
        }
        JsonNode prompt = body.get("prompt");
        if (prompt == null || prompt.isNull()) {
            throw ApiException.invalidRequest("Missing required parameter: 'prompt'.", "prompt");
        }
        if (!prompt.isString() && !prompt.isArray()) {
            throw ApiException.invalidRequest("'prompt' must be a string or an array.", "prompt");
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiException.invalidRequest("Invalid type for 'stream': expected a boolean.", "stream");
        }
        return stream != null && stream.asBoolean(false);
    }
}
