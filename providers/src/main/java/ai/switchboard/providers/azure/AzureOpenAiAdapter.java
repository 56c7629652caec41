package ai.switchboard.providers.azure;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.azure.internal.AzureRoute;
import ai.switchboard.providers.azure.internal.AzureSettings;
import ai.switchboard.providers.azure.internal.AzureStreams;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.internal.OpenAiProtocol;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Azure OpenAI: the OpenAI wire format at Azure's addresses. The request's model is the deployment name. Provider
 * settings: {@code api_style} ({@code deployment}, the default, or {@code v1}), {@code api_version} (deployment style
 * only, default {@value AzureSettings#DEFAULT_API_VERSION}) and {@code auth} ({@code api-key}, the deployment
 * default, or {@code bearer}, the v1 default and the choice for Entra ID tokens).
 *
 * <p>A prompt rejected by the content filter fails as {@code CONTENT_FILTERED} (client 400, code
 * {@code content_filter}); a filtered completion passes through with {@code finish_reason: content_filter}.
 */
public class AzureOpenAiAdapter implements ProviderAdapter {

    /** The provider type this adapter serves. */
    public static final String TYPE = "azure-openai";

    private final OpenAiProtocol protocol;

    public AzureOpenAiAdapter(ProviderHttpClients clients) {
        this.protocol = new OpenAiProtocol(Objects.requireNonNull(clients, "clients"), new AzureRoute());
    }

    /** Azure addresses are built from the resource root, so a query in the base URL would be dropped: refused. */
    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return ProviderConfigCheck.of(TYPE, baseUrl, settings)
                .reads(Set.of(AzureSettings.API_STYLE, AzureSettings.API_VERSION, AzureSettings.AUTH))
                .parses(AzureSettings::of).noQuery().problems();
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
        return protocol.streamChat(endpoint, request).filter(AzureStreams::carriesSomething);
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return protocol.embed(endpoint, request);
    }

    /** Azure serves the Responses API on its v1 surface only, whatever the provider's {@code api_style}. */
    @Override
    public boolean servesResponses(ProviderEndpoint endpoint) {
        return true;
    }

    @Override
    public Mono<ObjectNode> responses(ProviderEndpoint endpoint, ObjectNode body) {
        return protocol.responses(endpoint, body);
    }

    @Override
    public Flux<ObjectNode> streamResponses(ProviderEndpoint endpoint, ObjectNode body) {
        return protocol.streamResponses(endpoint, body);
    }

    @Override
    public Mono<ObjectNode> complete(ProviderEndpoint endpoint, ObjectNode request) {
        return protocol.complete(endpoint, request);
    }

    @Override
    public Flux<ObjectNode> streamComplete(ProviderEndpoint endpoint, ObjectNode request) {
        return protocol.streamComplete(endpoint, request).filter(AzureStreams::carriesSomething);
    }
}
