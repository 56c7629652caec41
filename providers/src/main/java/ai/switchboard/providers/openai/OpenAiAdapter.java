package ai.switchboard.providers.openai;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.internal.OpenAiProtocol;
import ai.switchboard.providers.openai.internal.OpenAiRoute;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI wire protocol, which is also the gateway's own: requests are sent as the canonical records serialize
 * (unknown fields included) and answers parse straight into them. Serves OpenAI and every server that speaks its
 * API at a configurable base URL (vLLM, Ollama, LM Studio, Groq, DeepSeek, Mistral...).
 */
public class OpenAiAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "openai";

    private final OpenAiProtocol protocol;

    public OpenAiAdapter(ProviderHttpClients clients) {
        this.protocol = new OpenAiProtocol(Objects.requireNonNull(clients, "clients"), OpenAiRoute.standard());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return protocol.chat(endpoint, request);
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return protocol.streamChat(endpoint, request);
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return protocol.embed(endpoint, request);
    }

    @Override
    public Mono<ObjectNode> complete(ProviderEndpoint endpoint, ObjectNode request) {
        return protocol.complete(endpoint, request);
    }

    @Override
    public Flux<ObjectNode> streamComplete(ProviderEndpoint endpoint, ObjectNode request) {
        return protocol.streamComplete(endpoint, request);
    }
}
