package ai.switchboard.providers.openai.internal;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI wire protocol for every operation, addressed through an {@link OpenAiRoute}. Requests are sent as the
 * canonical records serialize (unknown fields included) and answers parse straight into them. Shared by the adapters
 * whose upstream speaks this format (OpenAI and its compatible servers, Azure OpenAI), which differ only in
 * addressing and in the request adjustments they make before calling it.
 */
public final class OpenAiProtocol {

    private static final String CHAT = "/chat/completions";
    private static final String EMBEDDINGS = "/embeddings";
    private static final String COMPLETIONS = "/completions";
    /** The Responses API's create operation. */
    public static final String RESPONSES = "/responses";

    private final OpenAiClient client;

    public OpenAiProtocol(ProviderHttpClients clients, OpenAiRoute route) {
        this.client = new OpenAiClient(clients, route);
    }

    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return client.postJson(endpoint, CHAT, request.model(), request, ChatResponse.class)
                .handle((response, sink) -> {
                    if (hasError(response.extra())) {
                        sink.error(UpstreamErrors.fromErrorPayload(endpoint, WireJson.mapper().valueToTree(response)));
                    }
                    else {
                        sink.next(response);
                    }
                });
    }

    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return OpenAiStreams.chatChunks(endpoint, client.postStream(endpoint, CHAT, request.model(), request));
    }

    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return client.postJson(endpoint, EMBEDDINGS, request.model(), request, EmbeddingResponse.class)
                .handle((response, sink) -> {
                    if (hasError(response.extra())) {
                        sink.error(UpstreamErrors.fromErrorPayload(endpoint, WireJson.mapper().valueToTree(response)));
                    }
                    else {
                        sink.next(response);
                    }
                });
    }

    public Mono<ObjectNode> complete(ProviderEndpoint endpoint, ObjectNode request) {
        return postObject(endpoint, COMPLETIONS, request);
    }

    public Flux<ObjectNode> streamComplete(ProviderEndpoint endpoint, ObjectNode request) {
        return OpenAiStreams.completionChunks(endpoint,
                client.postStream(endpoint, COMPLETIONS, model(request), request));
    }

    /** A Responses call; a {@code failed} response is an upstream failure, so a next candidate may answer. */
    public Mono<ObjectNode> responses(ProviderEndpoint endpoint, ObjectNode body) {
        return postObject(endpoint, RESPONSES, body);
    }

    /** Posts a JSON object and fails with the upstream's error when the answer, even with HTTP 200, carries one. */
    private Mono<ObjectNode> postObject(ProviderEndpoint endpoint, String operation, ObjectNode body) {
        return client.postJson(endpoint, operation, model(body), body, ObjectNode.class)
                .handle((response, sink) -> {
                    JsonNode error = response.get("error");
                    if (error != null && !error.isNull()) {
                        sink.error(UpstreamErrors.fromErrorPayload(endpoint, response));
                    }
                    else {
                        sink.next(response);
                    }
                });
    }

    public Flux<ObjectNode> streamResponses(ProviderEndpoint endpoint, ObjectNode body) {
        return OpenAiStreams.responseEvents(endpoint, client.postStream(endpoint, RESPONSES, model(body), body));
    }

    private static String model(ObjectNode request) {
        return request.path("model").asString(null);
    }

    /** Some OpenAI-compatible servers answer HTTP 200 with an error object instead of a result. */
    private static boolean hasError(Map<String, JsonNode> extra) {
        JsonNode error = extra.get("error");
        return error != null && !error.isNull();
    }
}
