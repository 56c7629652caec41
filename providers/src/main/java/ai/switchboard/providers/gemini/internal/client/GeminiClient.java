package ai.switchboard.providers.gemini.internal.client;

import ai.switchboard.providers.api.ProviderEndpoint;
import ai.switchboard.providers.gemini.internal.api.BatchEmbedContentsRequest;
import ai.switchboard.providers.gemini.internal.api.BatchEmbedContentsResponse;
import ai.switchboard.providers.gemini.internal.api.EmbedContentRequest;
import ai.switchboard.providers.gemini.internal.api.EmbedContentResponse;
import ai.switchboard.providers.gemini.internal.api.GenerateContentRequest;
import ai.switchboard.providers.gemini.internal.api.GenerateContentResponse;
import ai.switchboard.providers.http.ProviderHttpClients;
import ai.switchboard.providers.http.UpstreamExchange;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HTTP calls to the Gemini API on the provider's pooled client. The key travels in the {@code x-goog-api-key}
 * header, never in the URL ({@code ?key=}), so it cannot end up in access logs or error messages that quote a URL.
 */
public final class GeminiClient {

    static final String API_KEY_HEADER = "x-goog-api-key";

    private static final List<MediaType> ACCEPT_JSON = List.of(MediaType.APPLICATION_JSON);
    private static final List<MediaType> ACCEPT_EVENTS = List.of(MediaType.TEXT_EVENT_STREAM);

    private final ProviderHttpClients clients;

    public GeminiClient(ProviderHttpClients clients) {
        this.clients = clients;
    }

    /** {@code :generateContent}. */
    public Mono<GenerateContentResponse> generate(ProviderEndpoint endpoint, String model,
            GenerateContentRequest body) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                request(endpoint, GeminiUris.method(endpoint.baseUrl(), model, "generateContent", false), body,
                        ACCEPT_JSON),
                GenerateContentResponse.class, maxErrorBodySize(), GeminiErrors::fromResponse));
    }

    /** {@code :streamGenerateContent?alt=sse}, as raw events. */
    public Flux<ServerSentEvent<String>> streamGenerate(ProviderEndpoint endpoint, String model,
            GenerateContentRequest body) {
        return Flux.defer(() -> UpstreamExchange.events(endpoint,
                request(endpoint, GeminiUris.method(endpoint.baseUrl(), model, "streamGenerateContent", true), body,
                        ACCEPT_EVENTS),
                maxErrorBodySize(), GeminiErrors::fromResponse));
    }

    /** {@code :embedContent}. */
    public Mono<EmbedContentResponse> embed(ProviderEndpoint endpoint, String model, EmbedContentRequest body) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                request(endpoint, GeminiUris.method(endpoint.baseUrl(), model, "embedContent", false), body,
                        ACCEPT_JSON),
                EmbedContentResponse.class, maxErrorBodySize(), GeminiErrors::fromResponse));
    }

    /** {@code :batchEmbedContents}. */
    public Mono<BatchEmbedContentsResponse> batchEmbed(ProviderEndpoint endpoint, String model,
            BatchEmbedContentsRequest body) {
        return Mono.defer(() -> UpstreamExchange.json(endpoint,
                request(endpoint, GeminiUris.method(endpoint.baseUrl(), model, "batchEmbedContents", false), body,
                        ACCEPT_JSON),
                BatchEmbedContentsResponse.class, maxErrorBodySize(), GeminiErrors::fromResponse));
    }

    private int maxErrorBodySize() {
        return clients.settings().maxErrorBodySize();
    }

    private WebClient.RequestHeadersSpec<?> request(ProviderEndpoint endpoint, URI uri, Object body,
            List<MediaType> accept) {
        return clients.client(endpoint)
                .post()
                .uri(uri)
                .headers(headers -> {
                    endpoint.headers().forEach(headers::set);
                    if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
                        headers.set(API_KEY_HEADER, endpoint.apiKey());
                    }
                    headers.setAccept(accept);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    // Pooled keep-alive connections are the point of the per-provider pool.
                    headers.remove(HttpHeaders.CONNECTION);
                })
                .bodyValue(body);
    }
}
