package ai.switchboard.providers.openai;

import ai.switchboard.providers.api.ChatChunk;
import ai.switchboard.providers.api.ChatRequest;
import ai.switchboard.providers.api.ChatResponse;
import ai.switchboard.providers.api.EmbeddingRequest;
import ai.switchboard.providers.api.EmbeddingResponse;
import ai.switchboard.providers.api.ErrorType;
import ai.switchboard.providers.api.ProviderAdapter;
import ai.switchboard.providers.api.ProviderConfigCheck;
import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.api.ProviderException;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.openai.internal.OpenAiProtocol;
import ai.switchboard.providers.openai.internal.OpenAiQuirks;
import ai.switchboard.providers.openai.internal.OpenAiRoute;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAI wire protocol, which is also the gateway's own: requests are sent as the canonical records serialize
 * (unknown fields included) and answers parse straight into them. Serves OpenAI and every server that speaks its
 * API at a configurable base URL (vLLM, Ollama, LM Studio, Groq, DeepSeek, Mistral...); {@code settings.profile}
 * ({@link OpenAiProfile}) adapts chat requests and answers to a known server's deviations.
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

    /** Reads {@code profile} only; a query in the base URL is kept on every call (some proxies want one). */
    @Override
    public Map<String, String> check(URI baseUrl, Map<String, String> settings) {
        return ProviderConfigCheck.of(TYPE, baseUrl, settings).reads(Set.of(OpenAiProfile.SETTING))
                .parses(OpenAiProfile::of).problems();
    }

    @Override
    public Mono<ChatResponse> chat(ProviderEndpoint endpoint, ChatRequest request) {
        return Mono.defer(() -> {
            OpenAiProfile profile = profile(endpoint);
            return protocol.chat(endpoint, OpenAiQuirks.request(profile, request))
                    .map(response -> OpenAiQuirks.response(profile, response));
        });
    }

    @Override
    public Flux<ChatChunk> streamChat(ProviderEndpoint endpoint, ChatRequest request) {
        return Flux.defer(() -> {
            OpenAiProfile profile = profile(endpoint);
            return OpenAiQuirks.stream(profile, protocol.streamChat(endpoint, OpenAiQuirks.request(profile, request)));
        });
    }

    @Override
    public Mono<EmbeddingResponse> embed(ProviderEndpoint endpoint, EmbeddingRequest request) {
        return protocol.embed(endpoint, request);
    }

    private static OpenAiProfile profile(ProviderEndpoint endpoint) {
        try {
            return OpenAiProfile.of(endpoint.settings());
        }
        catch (IllegalArgumentException misconfigured) {
            // The gateway's configuration, not the client's request, is at fault; another provider may still serve.
            throw new ProviderException(ErrorType.UPSTREAM_SERVER_ERROR, ErrorType.UPSTREAM_SERVER_ERROR.defaultStatus(),
                    "Provider '" + endpoint.name() + "' is misconfigured: " + misconfigured.getMessage(), null, null,
                    null, null, misconfigured);
        }
    }

    /** Only OpenAI itself is known to serve the Responses API; compatible servers get it translated. */
    @Override
    public boolean servesResponses(ProviderEndpoint endpoint) {
        try {
            return OpenAiProfile.of(endpoint.settings()) == OpenAiProfile.OPENAI;
        }
        catch (IllegalArgumentException misconfigured) {
            return false;
        }
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
        return protocol.streamComplete(endpoint, request);
    }
}
