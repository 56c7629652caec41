package ai.switchboard.providers.openai;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.error.UpstreamErrors;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.json.WireJson;
import ai.switchboard.providers.openai.internal.OpenAiClient;
import ai.switchboard.providers.openai.internal.OpenAiStreams;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI wire protocol, which is also the gateway's own: requests are sent as the canonical records serialize
 * (unknown fields included) and answers parse straight into them. Serves OpenAI and every server that speaks its
 * API at a configurable base URL (vLLM, Ollama, LM Studio, Groq, DeepSeek, Mistral...).
 */
public class OpenAiAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "openai";

    private final OpenAiClient client;

    public OpenAiAdapter(ProviderHttpClients clients) {
        this.client = new OpenAiClient(Objects.requireNonNull(clients, "clients"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return client.postJson(endpoint, "/chat/completions", request, ChatResponse.class)
                .handle((response, sink) -> {
                    if (hasError(response.extra())) {
                        sink.error(UpstreamErrors.fromErrorPayload(endpoint, WireJson.mapper().valueToTree(response)));
                    }
                    else {
                        sink.next(response);
                    }
                });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return OpenAiStreams.chatChunks(endpoint, client.postStream(endpoint, "/chat/completions", request));
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return client.postJson(endpoint, "/embeddings", request, EmbeddingResponse.class)
                .handle((response, sink) -> {
                    if (hasError(response.extra())) {
                        sink.error(UpstreamErrors.fromErrorPayload(endpoint, WireJson.mapper().valueToTree(response)));
                    }
                    else {
                        sink.next(response);
                    }
                });
    }

    @Override
    public Mono<ObjectNode> complete(ProviderEndpoint endpoint, ObjectNode request) {
        return client.postJson(endpoint, "/completions", request, ObjectNode.class)
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

    @Override
    public Flux<ObjectNode> streamComplete(ProviderEndpoint endpoint, ObjectNode request) {
        return OpenAiStreams.completionChunks(endpoint, client.postStream(endpoint, "/completions", request));
    }

    /** Some OpenAI-compatible servers answer HTTP 200 with an error object instead of a result. */
    private static boolean hasError(Map<String, JsonNode> extra) {
        JsonNode error = extra.get("error");
        return error != null && !error.isNull();
    }
}
